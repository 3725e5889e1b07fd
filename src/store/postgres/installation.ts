import { randomBytes } from 'node:crypto'
import { FEEDBACK_KEY } from '../installation.js'
import type { Store } from '../types.js'
import type { Queryable } from './db.js'

/**
 * The installation's secret on Postgres: made the first time any process asks for it and kept in the database;
 * of processes making one at once, the first insert wins and every process reads that one. `clock` stamps it.
 */
export function pgInstallationMethods(db: Queryable, clock: () => Date): Pick<Store, 'installationSecret'> {
  let cached: string | undefined
  return {
    async installationSecret() {
      if (cached === undefined) {
        await db.changed(
          'INSERT INTO installation (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
          [FEEDBACK_KEY, randomBytes(32).toString('hex'), clock()],
        )
        const [row] = await db.rows<{ value: string }>('SELECT value FROM installation WHERE name = $1', [
          FEEDBACK_KEY,
        ])
        cached = row?.value ?? ''
      }
      return cached
    },
  }
}
