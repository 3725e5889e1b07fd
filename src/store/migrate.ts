import type Database from 'better-sqlite3'
import { StoreError } from './errors.js'
import type { Migration } from './migrations.js'

/**
 * Brings the database's schema up to date: applies, in order and in one transaction, the migrations whose
 * version is above the database's `PRAGMA user_version`, logging each in the `migrations` table. Returns the
 * versions applied (empty when up to date). Throws `STORE_SCHEMA_TOO_NEW` when the database has a version
 * the list does not have, and `STORE_MIGRATION_FAILED`, having applied none, when a migration's SQL fails.
 */
export function migrate(db: Database.Database, list: readonly Migration[], now: Date): number[] {
  checkMigrationList(list)
  const latest = list.length
  // The common case (up to date) only reads, so opening never waits for another process's write lock.
  if (checkedVersion(db, latest) === latest) return []

  const apply = db.transaction((): number[] => {
    // Read again under the write lock: another process may have migrated since the read above.
    const current = checkedVersion(db, latest)
    db.exec(`CREATE TABLE IF NOT EXISTS migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`)
    const log = db.prepare<[number, string, string]>(
      'INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)',
    )
    const applied: number[] = []
    for (const migration of list.slice(current)) {
      try {
        db.exec(migration.up)
      } catch (cause) {
        throw migrationFailed(db.name, migration, cause)
      }
      log.run(migration.version, migration.name, now.toISOString())
      // user_version is part of the database header, so it commits or rolls back with the migrations.
      db.pragma(`user_version = ${migration.version}`)
      applied.push(migration.version)
    }
    return applied
  })
  // IMMEDIATE takes the write lock at BEGIN, so two processes opening a new file migrate one after the other.
  return apply.immediate()
}

function checkedVersion(db: Database.Database, latest: number): number {
  const version = db.pragma('user_version', { simple: true })
  if (typeof version !== 'number') throw new Error(`PRAGMA user_version returned ${String(version)}`)
  if (version > latest) {
    throw schemaTooNew(db.name, version, latest, 'point this one at another database file')
  }
  return version
}

/** Throws `STORE_MIGRATIONS_INVALID` unless `list` is numbered 1, 2, 3… in order (a programming error). */
export function checkMigrationList(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new StoreError(
        'STORE_MIGRATIONS_INVALID',
        `Migration "${migration.name}" is number ${index + 1} in the list but has version ${migration.version}; ` +
          'versions must be 1, 2, 3… in list order. Fix src/store/migrations.ts (or its Postgres twin, src/store/postgres/migrations.ts).',
        { context: { index, version: migration.version, name: migration.name } },
      )
    }
  })
}

/** `STORE_MIGRATION_FAILED` for `migration` on the database at `where`, wrapping the SQL error. */
export function migrationFailed(where: string, migration: Migration, cause: unknown): StoreError {
  return new StoreError(
    'STORE_MIGRATION_FAILED',
    `Migration ${migration.version} (${migration.name}) failed on ${where}: ${String(cause)}. ` +
      'Nothing was changed; fix the migration (or the database it trips on) and open the store again.',
    { cause, context: { path: where, version: migration.version, name: migration.name } },
  )
}

/** `STORE_SCHEMA_TOO_NEW`: the database at `where` is at `version`, above the `latest` this code knows. */
export function schemaTooNew(where: string, version: number, latest: number, instead: string): StoreError {
  return new StoreError(
    'STORE_SCHEMA_TOO_NEW',
    `The database ${where} is at schema version ${version}, but this citebot only knows versions up to ` +
      `${latest}: a newer citebot has used it. Run the newer citebot, or ${instead}.`,
    { context: { path: where, databaseVersion: version, codeVersion: latest } },
  )
}
