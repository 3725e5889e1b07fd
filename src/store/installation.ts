import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { SyncStore } from './types.js'

/** The name the feedback voters' HMAC key is kept under in the `installation` table. */
export const FEEDBACK_KEY = 'feedback-voter-key'

/**
 * The installation's secret: 32 random bytes (hex) made the first time it is asked for and kept in the
 * database, the same for every process sharing the file (the first writer wins). `clock` stamps it.
 */
export function installationMethods(
  db: Database.Database,
  clock: () => Date,
): Pick<SyncStore, 'installationSecret'> {
  const insert = db.prepare<[string, string, string]>(
    'INSERT INTO installation (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING',
  )
  const select = db.prepare<[string], string>('SELECT value FROM installation WHERE name = ?').pluck()
  let cached: string | undefined
  return {
    installationSecret() {
      if (cached === undefined) {
        // ON CONFLICT DO NOTHING: when two processes make one at once, both then read the one that was kept.
        if (select.get(FEEDBACK_KEY) === undefined)
          insert.run(FEEDBACK_KEY, randomBytes(32).toString('hex'), clock().toISOString())
        cached = select.get(FEEDBACK_KEY) ?? ''
      }
      return cached
    },
  }
}
