import { openSqliteStore } from './open-sqlite.js'
import { openPostgresStore } from './postgres/open-postgres.js'
import type { OpenStoreOptions, Store } from './types.js'

/** True when `location` is a Postgres connection URL (`postgres://…` or `postgresql://…`) rather than a file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/**
 * Opens the store at `location` and applies any new migrations: a Postgres database for a `postgres://…` URL
 * (DATABASE_URL: several processes, on any machines), else the SQLite file at that path or `':memory:'`
 * (DATABASE_PATH: one machine). Rejects with a StoreError (`STORE_OPEN_FAILED`, `STORE_SCHEMA_TOO_NEW`,
 * `STORE_MIGRATION_FAILED`, `STORE_INVALID_INPUT`) that says what to fix.
 */
export function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location, options) : openSqliteStore(location, options)
}
