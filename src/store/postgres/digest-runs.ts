import type { StaleClaimPolicy } from '../digest-runs.js'
import { StoreError } from '../errors.js'
import { checkDate } from '../time.js'
import type { DigestRun, Store } from '../types.js'
import { checkChannel, checkInteger, checkLocalDate, checkOneOf } from '../validate.js'
import type { PgDb } from './db.js'

const COLUMNS = `id, platform, channel_id AS "channelId", local_date AS "localDate", kind, status,
  claimed_at AS "claimedAt", claims, attempts, error, completed_at AS "completedAt",
  CASE WHEN status = 'posted' THEN completed_at END AS "postedAt"`
const DAY = `platform = $1 AND channel_id = $2 AND local_date = $3 AND kind = 'scheduled'`

/**
 * The digest-run methods of a Postgres Store, with the SQLite store's policy for a claim left stale (see
 * ../digest-runs.ts). The one-scheduled-run-per-day index decides between processes inserting together (the
 * second waits for the first to commit, then inserts nothing); re-claims and give-ups are row updates, which
 * Postgres re-checks against the row as the first updater left it, so two processes never both re-claim.
 */
export function pgDigestRunMethods(
  db: PgDb,
  policy: StaleClaimPolicy,
): Pick<Store, 'claimDigestRun' | 'completeDigestRun' | 'lastPostedRun' | 'getRun'> {
  return {
    async claimDigestRun({ platform, channelId, localDate, kind, now }) {
      checkChannel(platform, channelId)
      checkLocalDate(localDate)
      checkOneOf(kind, ['scheduled', 'manual'], 'kind')
      checkDate(now, 'now')
      const staleBefore = new Date(now.getTime() - policy.staleAfterMs)
      return db.transaction(async (q) => {
        const [inserted] = await q.rows<{ id: number }>(
          `INSERT INTO digest_runs (platform, channel_id, local_date, kind, status, claimed_at)
           VALUES ($1, $2, $3, $4, 'claimed', $5) ON CONFLICT DO NOTHING RETURNING id`,
          [platform, channelId, localDate, kind, now],
        )
        if (inserted) return inserted.id
        const [reclaimed] = await q.rows<{ id: number }>(
          `UPDATE digest_runs SET claimed_at = $4, claims = claims + 1
           WHERE ${DAY} AND status = 'claimed' AND claimed_at < $5 AND claims <= $6 RETURNING id`,
          [platform, channelId, localDate, now, staleBefore, policy.retries],
        )
        if (reclaimed) return reclaimed.id
        await q.changed(
          `UPDATE digest_runs SET status = 'failed', completed_at = $4,
             error = 'gave up: claimed ' || claims || ' time(s), and each claim went stale without completing ' ||
               '(the posting process probably died mid-post)'
           WHERE ${DAY} AND status = 'claimed' AND claimed_at < $5`,
          [platform, channelId, localDate, now, staleBefore],
        )
        return null
      })
    },
    async completeDigestRun(id, { status, attempts, error, postedAt }) {
      checkInteger(id, 'id', 1)
      checkOneOf(status, ['posted', 'failed'], 'status')
      checkInteger(attempts, 'attempts', 0)
      checkDate(postedAt, 'postedAt')
      const changed = await db.changed(
        `UPDATE digest_runs SET status = $2, attempts = $3, error = $4, completed_at = $5
         WHERE id = $1 AND status = 'claimed'`,
        [id, status, attempts, error ?? null, postedAt],
      )
      if (changed > 0) return true
      const found = await db.rows('SELECT 1 FROM digest_runs WHERE id = $1', [id])
      if (found.length === 0) {
        throw new StoreError(
          'STORE_RUN_NOT_FOUND',
          `No digest run has id ${id}; pass the id that claimDigestRun returned (and the same database).`,
          { context: { id, path: db.where } },
        )
      }
      return false
    },
    async lastPostedRun(platform, channelId) {
      checkChannel(platform, channelId)
      const [row] = await db.rows<DigestRun>(
        `SELECT ${COLUMNS} FROM digest_runs WHERE platform = $1 AND channel_id = $2 AND status = 'posted'
         ORDER BY completed_at DESC, id DESC LIMIT 1`,
        [platform, channelId],
      )
      return row ?? null
    },
    async getRun(platform, channelId, localDate) {
      checkChannel(platform, channelId)
      checkLocalDate(localDate)
      const [row] = await db.rows<DigestRun>(`SELECT ${COLUMNS} FROM digest_runs WHERE ${DAY}`, [
        platform,
        channelId,
        localDate,
      ])
      return row ?? null
    },
  }
}
