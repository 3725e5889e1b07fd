import { connect, openFailed } from './connect.js'
import { conversationMethods } from './conversations.js'
import { digestRunMethods } from './digest-runs.js'
import { StoreError } from './errors.js'
import { feedbackMethods } from './feedback.js'
import { installationMethods } from './installation.js'
import { migrate } from './migrate.js'
import { migrations } from './migrations.js'
import { questionMethods } from './questions.js'
import { rotationMethods } from './rotation.js'
import { snapshotMethods } from './snapshots.js'
import { subscriptionMethods } from './subscriptions.js'
import type { OpenStoreOptions, Store } from './types.js'
import { checkInteger, checkPositive } from './validate.js'

const defaults = {
  staleClaimMinutes: 10,
  staleClaimRetries: 1,
  busyTimeoutMs: 5000,
  conversationTurns: 3,
  conversationDays: 7,
}

/**
 * Opens (creating if missing) the SQLite store at `path`, a file path such as `data/citebot.db` (its parent
 * directory is created if missing) or `':memory:'` for a private in-memory database, and applies any new
 * migrations. Several processes may open the same file. Throws a StoreError: `STORE_OPEN_FAILED`,
 * `STORE_SCHEMA_TOO_NEW`, `STORE_MIGRATION_FAILED` or `STORE_INVALID_INPUT` (for bad options).
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const staleClaimMinutes = options.staleClaimMinutes ?? defaults.staleClaimMinutes
  const staleClaimRetries = options.staleClaimRetries ?? defaults.staleClaimRetries
  const busyTimeoutMs = options.busyTimeoutMs ?? defaults.busyTimeoutMs
  const clock = options.now ?? (() => new Date())
  const conversationTurns = options.conversationTurns ?? defaults.conversationTurns
  const conversationDays = options.conversationDays ?? defaults.conversationDays
  checkInteger(conversationTurns, 'conversationTurns', 1)
  checkPositive(conversationDays, 'conversationDays')
  checkPositive(staleClaimMinutes, 'staleClaimMinutes')
  checkInteger(staleClaimRetries, 'staleClaimRetries', 0)
  checkInteger(busyTimeoutMs, 'busyTimeoutMs', 0)
  if (typeof path !== 'string' || path.length === 0) {
    throw new StoreError(
      'STORE_INVALID_INPUT',
      `The store path must be a file path (e.g. data/citebot.db) or ':memory:'; got ${JSON.stringify(path)}.`,
      { context: { path } },
    )
  }

  const db = connect(path, busyTimeoutMs)
  try {
    migrate(db, migrations, clock())
    const store: Store = {
      ...subscriptionMethods(db, clock),
      ...digestRunMethods(db, { staleAfterMs: staleClaimMinutes * 60_000, retries: staleClaimRetries }),
      ...rotationMethods(db),
      ...snapshotMethods(db, clock),
      ...questionMethods(db),
      ...feedbackMethods(db),
      ...conversationMethods(db, { keep: conversationTurns, ttlMs: conversationDays * 86_400_000 }),
      ...installationMethods(db, clock),
      close() {
        db.close()
      },
    }
    return store
  } catch (error) {
    db.close()
    throw error instanceof StoreError ? error : openFailed(path, error)
  }
}
