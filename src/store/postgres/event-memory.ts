import { before, purgeGate, type Retention } from '../retention.js'
import { checkDate } from '../time.js'
import type { Store } from '../types.js'
import { checkNonEmpty, checkPlatform } from '../validate.js'
import type { Queryable } from './db.js'

/** Events claimed once across processes and the threads the bot answered in, on Postgres (see ../event-memory.ts). */
export function pgEventMemoryMethods(
  db: Queryable,
  retention: Retention,
): Pick<Store, 'claimEvent' | 'rememberThread' | 'knowsThread'> {
  const eventsDue = purgeGate()
  const threadsDue = purgeGate()
  return {
    async claimEvent(platform, key, at) {
      checkPlatform(platform)
      checkNonEmpty(key, 'key')
      checkDate(at, 'at')
      const expired = before(at, retention.eventMs)
      if (eventsDue(at)) await db.changed('DELETE FROM handled_events WHERE handled_at < $1', [expired])
      // One statement: of two processes claiming together, the second waits on the first's row, then finds it
      // fresh and gets no row back.
      const claimed = await db.changed(
        `INSERT INTO handled_events AS h (platform, event_key, handled_at) VALUES ($1, $2, $3)
         ON CONFLICT (platform, event_key) DO UPDATE SET handled_at = excluded.handled_at WHERE h.handled_at < $4`,
        [platform, key, at, expired],
      )
      return claimed > 0
    },
    async rememberThread(platform, key, at) {
      checkPlatform(platform)
      checkNonEmpty(key, 'key')
      checkDate(at, 'at')
      if (threadsDue(at)) {
        await db.changed('DELETE FROM answered_threads WHERE answered_at < $1', [
          before(at, retention.threadMs),
        ])
      }
      await db.changed(
        `INSERT INTO answered_threads AS t (platform, thread_key, answered_at) VALUES ($1, $2, $3)
         ON CONFLICT (platform, thread_key) DO UPDATE SET answered_at = greatest(t.answered_at, excluded.answered_at)`,
        [platform, key, at],
      )
    },
    async knowsThread(platform, key, now) {
      checkPlatform(platform)
      checkNonEmpty(key, 'key')
      checkDate(now, 'now')
      const rows = await db.rows(
        'SELECT 1 FROM answered_threads WHERE platform = $1 AND thread_key = $2 AND answered_at >= $3',
        [platform, key, before(now, retention.threadMs)],
      )
      return rows.length > 0
    },
  }
}
