import { StoreError } from '../errors.js'
import { retentionOf } from '../retention.js'
import { storeSettings } from '../settings.js'
import type { OpenStoreOptions, Store } from '../types.js'
import { checkInteger } from '../validate.js'
import { pgConversationMethods } from './conversations.js'
import { createPgDb, type PgDb } from './db.js'
import { pgDigestRunMethods } from './digest-runs.js'
import { pgEventMemoryMethods } from './event-memory.js'
import { pgFeedbackMethods } from './feedback.js'
import { pgInstallationMethods } from './installation.js'
import { migratePostgres } from './migrate.js'
import { postgresMigrations } from './migrations.js'
import { pgQuestionMethods } from './questions.js'
import { pgRotationMethods } from './rotation.js'
import { pgSnapshotMethods } from './snapshots.js'
import { pgSubscriptionMethods } from './subscriptions.js'

/**
 * Opens the Postgres store at `url` (`postgres://user:password@host:port/database`, DATABASE_URL), checks that
 * the server answers, and applies any new migrations. Any number of processes, on any machines, may open the
 * same database: what they must share (digest claims, handled events, answered threads) is decided by the
 * database. Rejects with a StoreError: `STORE_OPEN_FAILED` (the server cannot be reached, refuses the login,
 * has no such database), `STORE_SCHEMA_TOO_NEW`, `STORE_MIGRATION_FAILED` or `STORE_INVALID_INPUT`.
 */
export async function openPostgresStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const settings = storeSettings(options)
  const retention = retentionOf(options)
  const maxConnections = options.maxConnections ?? 10
  checkInteger(maxConnections, 'maxConnections', 1)
  const db = createPgDb(url, { connectTimeoutMs: settings.busyTimeoutMs, maxConnections })
  try {
    await migratePostgres(db, postgresMigrations, settings.clock())
  } catch (error) {
    await db.end()
    throw error instanceof StoreError ? error : pgOpenFailed(db, error)
  }
  return {
    kind: 'postgres',
    ...pgSubscriptionMethods(db, settings.clock),
    ...pgDigestRunMethods(db, settings.stale),
    ...pgRotationMethods(db),
    ...pgSnapshotMethods(db, settings.clock),
    ...pgQuestionMethods(db),
    ...pgFeedbackMethods(db),
    ...pgConversationMethods(db, settings.turns),
    ...pgInstallationMethods(db, settings.clock),
    ...pgEventMemoryMethods(db, retention),
    close: () => db.end(),
  }
}

/** The `STORE_OPEN_FAILED` error for the database of `db`, wrapping `cause`: one line that says why and what to check. */
export function pgOpenFailed(db: PgDb, cause: unknown): StoreError {
  return new StoreError(
    'STORE_OPEN_FAILED',
    `Could not open the Postgres store at ${db.where}: ${reasonOf(cause)}. Check DATABASE_URL ` +
      '(postgres://user:password@host:port/database) and that the server runs and lets this user in.',
    { cause, context: { path: db.where } },
  )
}

// What went wrong, in words, on one line (Postgres's SQLSTATE codes, or the network's errno).
function reasonOf(cause: unknown): string {
  const code = (cause as { code?: unknown }).code
  if (code === '28P01' || code === '28000') return 'the server refused the user name or password'
  if (code === '3D000') return 'the server has no database of that name (create it, e.g. createdb citebot)'
  if (code === 'ECONNREFUSED') return 'nothing accepts connections at that host and port'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve'
  const text = cause instanceof Error ? cause.message : String(cause)
  if (/timeout/i.test(text)) return `the server did not answer in time (${text})`
  if (cause instanceof AggregateError && cause.errors.length > 0) return reasonOf(cause.errors[0])
  return text.replace(/\s+/g, ' ').trim() || String(code)
}
