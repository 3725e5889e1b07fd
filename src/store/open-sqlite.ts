import { connect, openFailed } from './connect.js'
import { conversationMethods } from './conversations.js'
import { digestRunMethods } from './digest-runs.js'
import { StoreError } from './errors.js'
import { eventMemoryMethods } from './event-memory.js'
import { feedbackMethods } from './feedback.js'
import { installationMethods } from './installation.js'
import { migrate } from './migrate.js'
import { migrations } from './migrations.js'
import { questionMethods } from './questions.js'
import { retentionOf } from './retention.js'
import { rotationMethods } from './rotation.js'
import { type StoreSettings, storeSettings } from './settings.js'
import { snapshotMethods } from './snapshots.js'
import { subscriptionMethods } from './subscriptions.js'
import type { OpenStoreOptions, Store, SyncStore } from './types.js'

/**
 * Opens (creating if missing) the SQLite store at `path`, a file path such as `data/citebot.db` (its parent
 * directory is created if missing) or `':memory:'` for a private in-memory database, and applies any new
 * migrations. Several processes on one machine may open the same file. Rejects with a StoreError:
 * `STORE_OPEN_FAILED`, `STORE_SCHEMA_TOO_NEW`, `STORE_MIGRATION_FAILED` or `STORE_INVALID_INPUT` (bad options).
 */
export async function openSqliteStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  const settings = storeSettings(options)
  if (typeof path !== 'string' || path.length === 0) {
    throw new StoreError(
      'STORE_INVALID_INPUT',
      `The store path must be a file path (e.g. data/citebot.db) or ':memory:'; got ${JSON.stringify(path)}.`,
      { context: { path } },
    )
  }
  return asyncStore(openSync(path, settings, options))
}

function openSync(path: string, settings: StoreSettings, options: OpenStoreOptions): SyncStore {
  const db = connect(path, settings.busyTimeoutMs)
  const clock = settings.clock
  try {
    migrate(db, migrations, clock())
    return {
      ...subscriptionMethods(db, clock),
      ...digestRunMethods(db, settings.stale),
      ...rotationMethods(db),
      ...snapshotMethods(db, clock),
      ...questionMethods(db),
      ...feedbackMethods(db),
      ...conversationMethods(db, settings.turns),
      ...installationMethods(db, clock),
      ...eventMemoryMethods(db, retentionOf(options)),
      close() {
        db.close()
      },
    }
  } catch (error) {
    db.close()
    throw error instanceof StoreError ? error : openFailed(path, error)
  }
}

// better-sqlite3 answers at once; the port is asynchronous so that a Postgres store can fit it. Each method runs
// its synchronous twin inside an async function, so an invalid input rejects rather than throws.
function asyncStore(sync: SyncStore): Store {
  const store: Record<string, unknown> = { kind: 'sqlite' }
  for (const [name, method] of Object.entries(sync) as [string, (...args: unknown[]) => unknown][]) {
    store[name] = async (...args: unknown[]) => method(...args)
  }
  return store as unknown as Store
}
