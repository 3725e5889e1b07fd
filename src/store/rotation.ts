import type Database from 'better-sqlite3'
import { toStoredTime } from './time.js'
import type { Platform, SyncStore } from './types.js'
import { checkChannel, checkNonEmpty } from './validate.js'

interface ChannelKey {
  platform: Platform
  channel_id: string
}

/**
 * The claim-rotation methods of a Store, on an open, migrated database. A channel's current cycle is simply
 * the set of claims recorded since its last `startNewRotationCycle`, which deletes them: no cycle numbers,
 * since nothing needs past cycles.
 */
export function rotationMethods(
  db: Database.Database,
): Pick<SyncStore, 'shownClaims' | 'recordShownClaim' | 'startNewRotationCycle'> {
  const select = db
    .prepare<ChannelKey, string>(`
      SELECT claim_id FROM shown_claims WHERE platform = @platform AND channel_id = @channel_id
      ORDER BY shown_at, rowid`)
    .pluck()
  // DO NOTHING keeps the first time a claim was shown in the cycle.
  const insert = db.prepare<ChannelKey & { claim_id: string; shown_at: string }>(`
    INSERT INTO shown_claims (platform, channel_id, claim_id, shown_at)
    VALUES (@platform, @channel_id, @claim_id, @shown_at)
    ON CONFLICT DO NOTHING`)
  const clear = db.prepare<ChannelKey>(
    'DELETE FROM shown_claims WHERE platform = @platform AND channel_id = @channel_id',
  )

  return {
    shownClaims(platform, channelId) {
      checkChannel(platform, channelId)
      return select.all({ platform, channel_id: channelId })
    },
    recordShownClaim(platform, channelId, claimId, at) {
      checkChannel(platform, channelId)
      checkNonEmpty(claimId, 'claimId')
      insert.run({ platform, channel_id: channelId, claim_id: claimId, shown_at: toStoredTime(at, 'at') })
    },
    startNewRotationCycle(platform, channelId) {
      checkChannel(platform, channelId)
      return clear.run({ platform, channel_id: channelId }).changes
    },
  }
}
