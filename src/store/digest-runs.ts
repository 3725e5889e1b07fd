import type Database from 'better-sqlite3'
import { StoreError } from './errors.js'
import { fromStoredTime, toStoredTime } from './time.js'
import type { DigestRun, DigestRunKind, DigestRunStatus, Platform, SyncStore } from './types.js'
import { checkChannel, checkInteger, checkLocalDate, checkOneOf } from './validate.js'

/** How `claimDigestRun` treats a scheduled run left `claimed` (see `OpenStoreOptions`). */
export interface StaleClaimPolicy {
  /** A claim older than this, in ms, is stale. */
  staleAfterMs: number
  /** How many times one run's stale claim may be re-claimed. */
  retries: number
}

interface RunRow {
  id: number
  platform: string
  channel_id: string
  local_date: string
  kind: string
  status: string
  claimed_at: string
  claims: number
  attempts: number
  error: string | null
  completed_at: string | null
}

interface DayKey {
  platform: Platform
  channel_id: string
  local_date: string
}

/**
 * The digest-run methods of a Store, on an open, migrated database.
 *
 * Policy for a scheduled run stuck in `claimed` (its process died mid-post): once its claim is older than
 * `policy.staleAfterMs`, the next `claimDigestRun` for that day takes it over (same run id, `claims` + 1), at most
 * `policy.retries` times; after that, the next claim attempt marks it `failed` and returns null. So a crash
 * mid-post costs one retry (by default), not the day's digest, and a digest that crashes every time stops.
 * Each claim is one IMMEDIATE transaction, so concurrent claimers, in any process, are serialized.
 */
export function digestRunMethods(
  db: Database.Database,
  policy: StaleClaimPolicy,
): Pick<SyncStore, 'claimDigestRun' | 'completeDigestRun' | 'lastPostedRun' | 'getRun'> {
  // No conflict target: the only uniqueness a run can break is the one-scheduled-run-per-day index.
  const insert = db.prepare<DayKey & { kind: DigestRunKind; now: string }, { id: number }>(`
    INSERT INTO digest_runs (platform, channel_id, local_date, kind, status, claimed_at)
    VALUES (@platform, @channel_id, @local_date, @kind, 'claimed', @now)
    ON CONFLICT DO NOTHING
    RETURNING id`)
  const reclaimStale = db.prepare<
    DayKey & { now: string; stale_before: string; retries: number },
    { id: number }
  >(`
    UPDATE digest_runs SET claimed_at = @now, claims = claims + 1
    WHERE platform = @platform AND channel_id = @channel_id AND local_date = @local_date AND kind = 'scheduled'
      AND status = 'claimed' AND claimed_at < @stale_before AND claims <= @retries
    RETURNING id`)
  const abandonStale = db.prepare<DayKey & { now: string; stale_before: string }>(`
    UPDATE digest_runs SET status = 'failed', completed_at = @now,
      error = 'gave up: claimed ' || claims || ' time(s), and each claim went stale without completing ' ||
        '(the posting process probably died mid-post)'
    WHERE platform = @platform AND channel_id = @channel_id AND local_date = @local_date AND kind = 'scheduled'
      AND status = 'claimed' AND claimed_at < @stale_before`)
  const complete = db.prepare<{
    id: number
    status: 'posted' | 'failed'
    attempts: number
    error: string | null
    completed_at: string
  }>(`
    UPDATE digest_runs SET status = @status, attempts = @attempts, error = @error, completed_at = @completed_at
    WHERE id = @id AND status = 'claimed'`)
  const exists = db.prepare<[number], number>('SELECT 1 FROM digest_runs WHERE id = ?').pluck()
  const selectLastPosted = db.prepare<{ platform: Platform; channel_id: string }, RunRow>(`
    SELECT * FROM digest_runs WHERE platform = @platform AND channel_id = @channel_id AND status = 'posted'
    ORDER BY completed_at DESC, id DESC LIMIT 1`)
  const selectScheduled = db.prepare<DayKey, RunRow>(`
    SELECT * FROM digest_runs
    WHERE platform = @platform AND channel_id = @channel_id AND local_date = @local_date AND kind = 'scheduled'`)

  const claim = db.transaction((key: DayKey, kind: DigestRunKind, now: Date): number | null => {
    const nowText = now.toISOString()
    const inserted = insert.get({ ...key, kind, now: nowText })
    if (inserted) return inserted.id
    const staleBefore = new Date(now.getTime() - policy.staleAfterMs).toISOString()
    const reclaimed = reclaimStale.get({
      ...key,
      now: nowText,
      stale_before: staleBefore,
      retries: policy.retries,
    })
    if (reclaimed) return reclaimed.id
    abandonStale.run({ ...key, now: nowText, stale_before: staleBefore })
    return null
  })

  return {
    claimDigestRun({ platform, channelId, localDate, kind, now }) {
      checkChannel(platform, channelId)
      checkLocalDate(localDate)
      checkOneOf(kind, ['scheduled', 'manual'], 'kind')
      toStoredTime(now, 'now')
      // IMMEDIATE: take the write lock before reading, so a racing claimer waits (busy_timeout) instead of
      // both reading "no run yet" or failing with SQLITE_BUSY when upgrading a read to a write.
      return claim.immediate({ platform, channel_id: channelId, local_date: localDate }, kind, now)
    },
    completeDigestRun(id, { status, attempts, error, postedAt }) {
      checkInteger(id, 'id', 1)
      checkOneOf(status, ['posted', 'failed'], 'status')
      checkInteger(attempts, 'attempts', 0)
      const completedAt = toStoredTime(postedAt, 'postedAt')
      const { changes } = complete.run({
        id,
        status,
        attempts,
        error: error ?? null,
        completed_at: completedAt,
      })
      if (changes > 0) return true
      if (exists.get(id) === undefined) {
        throw new StoreError(
          'STORE_RUN_NOT_FOUND',
          `No digest run has id ${id}; pass the id that claimDigestRun returned (and the same database file).`,
          { context: { id, path: db.name } },
        )
      }
      return false
    },
    lastPostedRun(platform, channelId) {
      checkChannel(platform, channelId)
      const row = selectLastPosted.get({ platform, channel_id: channelId })
      return row ? toRun(row) : null
    },
    getRun(platform, channelId, localDate) {
      checkChannel(platform, channelId)
      checkLocalDate(localDate)
      const row = selectScheduled.get({ platform, channel_id: channelId, local_date: localDate })
      return row ? toRun(row) : null
    },
  }
}

function toRun(row: RunRow): DigestRun {
  const completedAt = row.completed_at === null ? null : fromStoredTime(row.completed_at)
  const status = row.status as DigestRunStatus
  return {
    id: row.id,
    // CHECK constraints on the columns admit only these union values.
    platform: row.platform as Platform,
    channelId: row.channel_id,
    localDate: row.local_date,
    kind: row.kind as DigestRunKind,
    status,
    claimedAt: fromStoredTime(row.claimed_at),
    claims: row.claims,
    attempts: row.attempts,
    error: row.error,
    completedAt,
    postedAt: status === 'posted' ? completedAt : null,
  }
}
