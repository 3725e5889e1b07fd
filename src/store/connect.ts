import { mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { StoreError } from './errors.js'

/**
 * Opens a better-sqlite3 connection to `path` (a file path, its directory created if missing, or `':memory:'`)
 * with SQLite's busy_timeout set to `busyTimeoutMs`, and a file database in WAL mode. Throws `STORE_OPEN_FAILED`.
 */
export function connect(path: string, busyTimeoutMs: number): Database.Database {
  const memory = path === ':memory:'
  let db: Database.Database | undefined
  try {
    if (!memory) {
      makeDirectories(dirname(resolve(path)))
      if (isDirectory(path)) throw new Error(`${path} is a directory, not a file`)
    }
    // `timeout` is SQLite's busy_timeout: a connection waits this long for another one's lock.
    db = new Database(path, { timeout: busyTimeoutMs })
    if (!memory) useWal(db, busyTimeoutMs)
    // Reading the header fails here, not at the first query, when the file is not a SQLite database.
    db.pragma('user_version')
    return db
  } catch (error) {
    db?.close()
    throw openFailed(path, error)
  }
}

/** The `STORE_OPEN_FAILED` error for `path`, wrapping `cause`: one line that says why and what to check. */
export function openFailed(path: string, cause: unknown): StoreError {
  return new StoreError(
    'STORE_OPEN_FAILED',
    `Could not open the store at ${path}: ${reasonOf(cause)}. Check that the path (DATABASE_PATH) is a writable ` +
      'file location (its directory can be created) and that the file, if it exists, is a citebot SQLite database.',
    { cause, context: { path } },
  )
}

// What went wrong, in words, on one line.
function reasonOf(cause: unknown): string {
  if (cause instanceof Database.SqliteError) {
    if (cause.code === 'SQLITE_NOTADB') return 'the file is not a SQLite database'
    if (cause.code.startsWith('SQLITE_CANTOPEN')) return 'SQLite cannot open or create a file there'
    if (cause.code.startsWith('SQLITE_READONLY')) return 'the file is read-only'
  }
  const errno = cause as NodeJS.ErrnoException
  if (errno.syscall === 'mkdir' && typeof errno.path === 'string') {
    return `cannot create the directory ${errno.path} (${errno.code})`
  }
  const text = cause instanceof Error ? cause.message : String(cause)
  return text.replace(/\s+/g, ' ').trim()
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

// `mkdirSync(dir, { recursive: true })` never returns for a path under /proc (Node retries ENOENT for ever), so
// the missing directories are made one at a time, down from the nearest one that exists, and any failure
// (ENOENT under /proc, EPERM under /sys, EACCES) ends the walk at once.
function makeDirectories(dir: string): void {
  const missing: string[] = []
  for (let at = dir; ; at = dirname(at)) {
    let directory: boolean
    try {
      directory = statSync(at).isDirectory()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(at) === at) throw error
      missing.push(at)
      continue
    }
    if (!directory) throw new Error(`${at} is a file, not a directory`)
    break
  }
  for (const at of missing.reverse()) {
    try {
      mkdirSync(at)
    } catch (error) {
      // Another process (a second bot on the same file) made it meanwhile.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(at).isDirectory()) throw error
    }
  }
}

// WAL lets readers run while another process writes. It is a property of the file, so once one connection has
// switched it, others only need to see that it is on. The switch needs an exclusive lock, and SQLite reports
// SQLITE_BUSY for it at once, without waiting out busy_timeout: two processes opening a new file together
// hit this, so it is retried here until busy_timeout's deadline. On file systems without shared memory (some
// network mounts) SQLite keeps its rollback journal, slower but as safe, so the resulting mode is not checked.
function useWal(db: Database.Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs
  for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 2, 100)) {
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL')
      return
    } catch (error) {
      const busy = error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')
      if (!busy || Date.now() >= deadline) throw error
      sleep(pauseMs)
    }
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
