import type Database from 'better-sqlite3'
import { before, purgeGate, type Retention } from './retention.js'
import { toStoredTime } from './time.js'
import type { Platform, SyncStore } from './types.js'
import { checkNonEmpty, checkPlatform } from './validate.js'

interface KeyAt {
  platform: Platform
  key: string
  at: string
}

/**
 * The methods that let several processes on one database act as one bot: events claimed once (a Slack retry or
 * the second event for one message reaching another process is dropped) and the threads the bot answered in.
 */
export function eventMemoryMethods(
  db: Database.Database,
  retention: Retention,
): Pick<SyncStore, 'claimEvent' | 'rememberThread' | 'knowsThread'> {
  // A row comes back when the claim is new, or when it replaces one so old that it is forgotten.
  const claim = db
    .prepare<KeyAt & { expired: string }, number>(`
      INSERT INTO handled_events (platform, event_key, handled_at) VALUES (@platform, @key, @at)
      ON CONFLICT (platform, event_key) DO UPDATE SET handled_at = excluded.handled_at
        WHERE handled_events.handled_at < @expired
      RETURNING 1`)
    .pluck()
  const purgeEvents = db.prepare<[string]>('DELETE FROM handled_events WHERE handled_at < ?')
  const remember = db.prepare<KeyAt>(`
    INSERT INTO answered_threads (platform, thread_key, answered_at) VALUES (@platform, @key, @at)
    ON CONFLICT (platform, thread_key) DO UPDATE SET answered_at = max(answered_at, excluded.answered_at)`)
  const purgeThreads = db.prepare<[string]>('DELETE FROM answered_threads WHERE answered_at < ?')
  const known = db
    .prepare<KeyAt, number>(`
      SELECT 1 FROM answered_threads WHERE platform = @platform AND thread_key = @key AND answered_at >= @at`)
    .pluck()
  const eventsDue = purgeGate()
  const threadsDue = purgeGate()

  return {
    claimEvent(platform, key, at) {
      checkPlatform(platform)
      checkNonEmpty(key, 'key')
      const now = toStoredTime(at, 'at')
      const expired = before(at, retention.eventMs).toISOString()
      if (eventsDue(at)) purgeEvents.run(expired)
      return claim.get({ platform, key, at: now, expired }) !== undefined
    },
    rememberThread(platform, key, at) {
      checkPlatform(platform)
      checkNonEmpty(key, 'key')
      const now = toStoredTime(at, 'at')
      if (threadsDue(at)) purgeThreads.run(before(at, retention.threadMs).toISOString())
      remember.run({ platform, key, at: now })
    },
    knowsThread(platform, key, now) {
      checkPlatform(platform)
      checkNonEmpty(key, 'key')
      const since = before(now, retention.threadMs)
      return known.get({ platform, key, at: toStoredTime(since, 'now') }) !== undefined
    },
  }
}
