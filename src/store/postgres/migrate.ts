import { checkMigrationList, migrationFailed, schemaTooNew } from '../migrate.js'
import type { Migration } from '../migrations.js'
import type { PgDb } from './db.js'

// One key for every citebot on the server: opening processes migrate one at a time (a transaction-level
// advisory lock, released at COMMIT or ROLLBACK). The value is arbitrary; it only has to be stable.
const MIGRATION_LOCK = 4_711_015

/**
 * Brings the Postgres schema up to date: applies, in order and in one transaction, the migrations above the
 * highest version logged in the `migrations` table, logging each. Processes opening a new database together
 * wait for each other. Resolves to the versions applied; rejects with `STORE_SCHEMA_TOO_NEW` or, having applied
 * none (Postgres's DDL is transactional), `STORE_MIGRATION_FAILED`.
 */
export async function migratePostgres(db: PgDb, list: readonly Migration[], now: Date): Promise<number[]> {
  checkMigrationList(list)
  const latest = list.length
  return db.transaction(async (q) => {
    await q.rows('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await q.rows(`CREATE TABLE IF NOT EXISTS migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL
    )`)
    const [row] = await q.rows<{ version: number }>(
      'SELECT coalesce(max(version), 0)::int AS version FROM migrations',
    )
    const current = row?.version ?? 0
    if (current > latest) throw schemaTooNew(db.where, current, latest, 'point this one at another database')
    const applied: number[] = []
    for (const migration of list.slice(current)) {
      try {
        await q.rows(migration.up)
      } catch (cause) {
        throw migrationFailed(db.where, migration, cause)
      }
      await q.rows('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now,
      ])
      applied.push(migration.version)
    }
    return applied
  })
}
