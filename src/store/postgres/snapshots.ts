import { checkedSnapshot, checkHashes } from '../snapshots.js'
import type { Store } from '../types.js'
import { checkChannel } from '../validate.js'
import type { PgDb } from './db.js'

/** The sources-snapshot methods of a Postgres Store; `clock` stamps `updated_at`. */
export function pgSnapshotMethods(
  db: PgDb,
  clock: () => Date,
): Pick<Store, 'getSourcesSnapshot' | 'setSourcesSnapshot'> {
  return {
    async getSourcesSnapshot(platform, channelId) {
      checkChannel(platform, channelId)
      const [row] = await db.rows<{ hashes: unknown }>(
        'SELECT hashes FROM source_snapshots WHERE platform = $1 AND channel_id = $2',
        [platform, channelId],
      )
      if (row === undefined) return null
      return checkedSnapshot(row.hashes, platform, channelId, db.where)
    },
    async setSourcesSnapshot(platform, channelId, hashes) {
      checkChannel(platform, channelId)
      checkHashes(hashes, platform, channelId)
      await db.changed(
        `INSERT INTO source_snapshots (platform, channel_id, hashes, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, channel_id) DO UPDATE SET hashes = excluded.hashes, updated_at = excluded.updated_at`,
        [platform, channelId, JSON.stringify(hashes), clock()],
      )
    },
  }
}
