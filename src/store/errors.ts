/**
 * Stable codes for what went wrong in the store; code that handles errors switches on these, never on messages.
 *
 * - `STORE_INVALID_INPUT`: a caller passed a value the store cannot keep (an unknown platform, a time that is not `HH:MM`…).
 * - `STORE_OPEN_FAILED`: the database file could not be created, opened or read as SQLite.
 * - `STORE_SCHEMA_TOO_NEW`: the file was migrated by a newer citebot than this one.
 * - `STORE_MIGRATION_FAILED`: a migration's SQL failed; nothing of that open's migrations was applied.
 * - `STORE_MIGRATIONS_INVALID`: the migration list in code is not numbered 1, 2, 3… (a programming error).
 * - `STORE_RUN_NOT_FOUND`: `completeDigestRun` was given an id that no run has.
 * - `STORE_CORRUPT_DATA`: a stored value cannot be read back (edited by hand, or written by other software).
 */
export type StoreErrorCode =
  | 'STORE_INVALID_INPUT'
  | 'STORE_OPEN_FAILED'
  | 'STORE_SCHEMA_TOO_NEW'
  | 'STORE_MIGRATION_FAILED'
  | 'STORE_MIGRATIONS_INVALID'
  | 'STORE_RUN_NOT_FOUND'
  | 'STORE_CORRUPT_DATA'

/** An error from the store: a stable code, the underlying error as `cause`, and the values involved. */
export class StoreError extends Error {
  /** What went wrong, stable across versions. */
  readonly code: StoreErrorCode
  /** The values involved (the path, the channel, the bad value…), for logs; never user ids. */
  readonly context: Readonly<Record<string, unknown>>

  /** `message` says what happened and how to fix it, in one or two sentences. */
  constructor(
    code: StoreErrorCode,
    message: string,
    options: { cause?: unknown; context?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'StoreError'
    this.code = code
    this.context = options.context ?? {}
  }
}

/** True when `error` is a StoreError, optionally with the given code. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code)
}
