import { checkDate } from '../time.js'
import type { Store } from '../types.js'
import { checkChannel, checkNonEmpty } from '../validate.js'
import type { Queryable } from './db.js'

/** The claim-rotation methods of a Postgres Store: a channel's cycle is the claims recorded since it last started. */
export function pgRotationMethods(
  db: Queryable,
): Pick<Store, 'shownClaims' | 'recordShownClaim' | 'startNewRotationCycle'> {
  return {
    async shownClaims(platform, channelId) {
      checkChannel(platform, channelId)
      const rows = await db.rows<{ claim_id: string }>(
        'SELECT claim_id FROM shown_claims WHERE platform = $1 AND channel_id = $2 ORDER BY shown_at, seq',
        [platform, channelId],
      )
      return rows.map((row) => row.claim_id)
    },
    async recordShownClaim(platform, channelId, claimId, at) {
      checkChannel(platform, channelId)
      checkNonEmpty(claimId, 'claimId')
      checkDate(at, 'at')
      // DO NOTHING keeps the first time a claim was shown in the cycle.
      await db.changed(
        `INSERT INTO shown_claims (platform, channel_id, claim_id, shown_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [platform, channelId, claimId, at],
      )
    },
    async startNewRotationCycle(platform, channelId) {
      checkChannel(platform, channelId)
      return db.changed('DELETE FROM shown_claims WHERE platform = $1 AND channel_id = $2', [
        platform,
        channelId,
      ])
    },
  }
}
