import type Database from 'better-sqlite3'
import { StoreError } from './errors.js'
import { toStoredTime } from './time.js'
import type { Platform, SyncStore } from './types.js'
import { checkChannel } from './validate.js'

interface ChannelKey {
  platform: Platform
  channel_id: string
}

/** The sources-snapshot methods of a Store, on an open, migrated database; `clock` stamps `updated_at`. */
export function snapshotMethods(
  db: Database.Database,
  clock: () => Date,
): Pick<SyncStore, 'getSourcesSnapshot' | 'setSourcesSnapshot'> {
  const select = db
    .prepare<ChannelKey, string>(
      'SELECT hashes FROM source_snapshots WHERE platform = @platform AND channel_id = @channel_id',
    )
    .pluck()
  const upsert = db.prepare<ChannelKey & { hashes: string; now: string }>(`
    INSERT INTO source_snapshots (platform, channel_id, hashes, updated_at)
    VALUES (@platform, @channel_id, @hashes, @now)
    ON CONFLICT (platform, channel_id) DO UPDATE SET hashes = excluded.hashes, updated_at = excluded.updated_at`)

  return {
    getSourcesSnapshot(platform, channelId) {
      checkChannel(platform, channelId)
      const text = select.get({ platform, channel_id: channelId })
      if (text === undefined) return null
      const hashes: unknown = JSON.parse(text)
      return checkedSnapshot(hashes, platform, channelId, db.name)
    },
    setSourcesSnapshot(platform, channelId, hashes) {
      checkChannel(platform, channelId)
      checkHashes(hashes, platform, channelId)
      const now = toStoredTime(clock(), 'clock()')
      upsert.run({ platform, channel_id: channelId, hashes: JSON.stringify(hashes), now })
    },
  }
}

/** True when `value` is a plain object of strings: a sources snapshot. */
export function isHashMap(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.values(value).every((hash) => typeof hash === 'string')
}

/** `stored` as a snapshot; throws `STORE_CORRUPT_DATA`, naming the row, when it is not one. */
export function checkedSnapshot(
  stored: unknown,
  platform: Platform,
  channelId: string,
  where: string,
): Record<string, string> {
  if (isHashMap(stored)) return stored
  throw new StoreError(
    'STORE_CORRUPT_DATA',
    `The sources snapshot of ${platform} channel ${channelId} in ${where} is not an object of strings. ` +
      'Delete its row in source_snapshots; the next digest then treats every source as new.',
    { context: { platform, channelId, path: where } },
  )
}

/** Throws `STORE_INVALID_INPUT` unless `hashes` is a snapshot to save. */
export function checkHashes(hashes: unknown, platform: Platform, channelId: string): void {
  if (isHashMap(hashes)) return
  throw new StoreError(
    'STORE_INVALID_INPUT',
    'hashes must be a plain object mapping source ids to hash strings, e.g. { "some-source": "ab12…" }.',
    { context: { field: 'hashes', platform, channelId } },
  )
}
