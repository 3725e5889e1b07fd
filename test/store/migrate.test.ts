import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { StoreError } from '../../src/store/errors.js'
import { migrate } from '../../src/store/migrate.js'
import type { Migration } from '../../src/store/migrations.js'
import { useTempDir } from './temp-dir.js'

const dir = useTempDir('migrate')
let files = 0
const open: Database.Database[] = []
function freshDb(): Database.Database {
  const db = new Database(join(dir, `migrate-${++files}.db`))
  open.push(db)
  return db
}
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

const t0 = new Date('2024-05-01T07:00:00.000Z')
const one: Migration = { version: 1, name: 'notes', up: 'CREATE TABLE notes (text TEXT NOT NULL) STRICT;' }
const two: Migration = { version: 2, name: 'notes-author', up: 'ALTER TABLE notes ADD COLUMN author TEXT;' }
const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all()

function caught(run: () => unknown): StoreError {
  try {
    run()
  } catch (error) {
    if (error instanceof StoreError) return error
    throw error
  }
  throw new Error('expected a StoreError')
}

describe('migrate', () => {
  it('applies every migration to a new database and records each', () => {
    const db = freshDb()
    expect(migrate(db, [one, two], t0)).toEqual([1, 2])
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(db.prepare('SELECT version, name FROM migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'notes' },
      { version: 2, name: 'notes-author' },
    ])
  })

  it('applies only the migrations that are new since the last run', () => {
    const db = freshDb()
    expect(migrate(db, [one], t0)).toEqual([1])
    db.prepare("INSERT INTO notes (text) VALUES ('kept')").run()
    expect(migrate(db, [one, two], t0)).toEqual([2])
    expect(migrate(db, [one, two], t0)).toEqual([])
    expect(db.prepare('SELECT text, author FROM notes').all()).toEqual([{ text: 'kept', author: null }])
  })

  it('a failing migration applies nothing of that run and names the migration', () => {
    const db = freshDb()
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: 'CREATE TABLE more (x TEXT); SELEC nonsense;',
    }
    const error = caught(() => migrate(db, [one, broken], t0))
    expect(error.code).toBe('STORE_MIGRATION_FAILED')
    expect(error.context).toMatchObject({ version: 2, name: 'broken' })
    expect(error.cause).toBeInstanceOf(Error)
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(tables(db)).toEqual([])
  })

  it('refuses a list that is not numbered 1, 2, 3…', () => {
    const db = freshDb()
    expect(caught(() => migrate(db, [two], t0)).code).toBe('STORE_MIGRATIONS_INVALID')
    expect(caught(() => migrate(db, [one, { ...two, version: 3 }], t0)).code).toBe('STORE_MIGRATIONS_INVALID')
  })

  it('refuses a database at a version the list does not have', () => {
    const db = freshDb()
    migrate(db, [one, two], t0)
    expect(caught(() => migrate(db, [one], t0)).code).toBe('STORE_SCHEMA_TOO_NEW')
  })
})
