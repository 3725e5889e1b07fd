import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/store/migrate.js'
import { migrations } from '../../src/store/migrations.js'
import { openStore } from '../../src/store/open-store.js'
import { minutes, scheduled, t0 } from './fixtures.js'
import { storeErrorOf } from './store-error.js'
import { useTempDir } from './temp-dir.js'

const dir = useTempDir('store-file')
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
let files = 0
const freshPath = (name = 'citebot') => join(dir, `${name}-${++files}.db`)

function readRaw<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path)
  try {
    return read(db)
  } finally {
    db.close()
  }
}

describe('the store on a database file', () => {
  it('creates missing parent directories and uses WAL', async () => {
    const path = join(dir, 'nested', 'deeper', 'citebot.db')
    await (await openStore(path)).close()
    expect(existsSync(path)).toBe(true)
    expect(readRaw(path, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal')
  })

  it('re-opening keeps the data and does not re-run migrations', async () => {
    const path = freshPath()
    const first = await openStore(path, { now: () => t0 })
    await first.subscribe({ platform: 'slack', channelId: 'C1', time: '08:30', timeZone: 'UTC' })
    await first.setSourcesSnapshot('slack', 'C1', { a: '1' })
    await first.close()
    const log = () =>
      readRaw(path, (db) => db.prepare('SELECT version, name, applied_at FROM migrations').all())
    const logged = log()
    expect(logged).toEqual(
      migrations.map((m) => ({ version: m.version, name: m.name, applied_at: t0.toISOString() })),
    )

    const second = await openStore(path, { now: () => minutes(60) })
    expect(await second.getSubscription('slack', 'C1')).toMatchObject({ active: true, createdAt: t0 })
    expect(await second.getSourcesSnapshot('slack', 'C1')).toEqual({ a: '1' })
    await second.close()
    expect(log()).toEqual(logged)
    expect(readRaw(path, (db) => db.pragma('user_version', { simple: true }))).toBe(migrations.length)
  })

  it('one installation secret per file, shared by every connection and kept across restarts', async () => {
    const path = freshPath()
    const a = await openStore(path)
    const b = await openStore(path)
    const secret = await b.installationSecret()
    expect(await a.installationSecret()).toBe(secret)
    await a.close()
    await b.close()
    const again = await openStore(path)
    expect(await again.installationSecret()).toBe(secret)
    await again.close()
  })

  it('conversation turns survive a restart', async () => {
    const path = freshPath()
    const first = await openStore(path)
    const id = await first.recordTurn({
      platform: 'slack',
      conversationKey: 'C1:1.0',
      payload: '{"q":1}',
      at: t0,
    })
    await first.close()
    const second = await openStore(path)
    expect((await second.recentTurns('slack', 'C1:1.0', minutes(1))).map((t) => t.id)).toEqual([id])
    await second.close()
  })

  it('migrating a version-1 database turns its recomputable voter hashes into random legacy keys, votes kept', async () => {
    const path = freshPath()
    const known = createHash('sha256').update('citebot:slack:U123').digest('hex')
    readRaw(path, (db) => {
      migrate(db, migrations.slice(0, 1), t0)
      const insert = db.prepare(
        "INSERT INTO feedback VALUES ('slack', ?, ?, 'C1', 'is it mandatory?', ?, ?, ?)",
      )
      insert.run('C1:1.0', known, 'up', t0.toISOString(), t0.toISOString())
      insert.run('C1:1.0', 'another-hash', 'down', t0.toISOString(), t0.toISOString())
    })
    const store = await openStore(path)
    expect(await store.feedbackSummary()).toEqual({ up: 1, down: 1 })
    await store.close()
    const keys = readRaw(path, (db) => db.prepare('SELECT user_key FROM feedback').pluck().all() as string[])
    expect(keys).toHaveLength(2)
    expect(keys).not.toContain(known)
    for (const key of keys) expect(key).toMatch(/^legacy:[0-9a-f]{32}$/)
    expect(new Set(keys).size).toBe(2)
  })

  it('two connections on one file: only one claims the scheduled digest, and both see the outcome', async () => {
    const path = freshPath()
    const a = await openStore(path)
    const b = await openStore(path)
    try {
      const id = await a.claimDigestRun(scheduled)
      expect(id).not.toBeNull()
      expect(await b.claimDigestRun({ ...scheduled, now: minutes(1) })).toBeNull()
      expect((await b.getRun('slack', 'C1', '2024-05-01'))?.id).toBe(id)
      await a.completeDigestRun(id ?? 0, { status: 'posted', attempts: 1, postedAt: minutes(1) })
      expect((await b.lastPostedRun('slack', 'C1'))?.id).toBe(id)
      expect(await b.claimDigestRun({ ...scheduled, now: minutes(60) })).toBeNull()
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('separate processes racing for the same channel-day: exactly one wins', async () => {
    const path = freshPath('race')
    const child = join(projectRoot, 'test/store/claim-race-child.ts')
    const startAt = Date.now() + 2_000
    const runs = Array.from({ length: 6 }, () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', child, path, String(startAt)], {
        cwd: projectRoot,
      }),
    )
    const ids = (await Promise.all(runs)).map(
      ({ stdout }) => (JSON.parse(stdout) as { id: number | null }).id,
    )
    const winners = ids.filter((id) => id !== null)
    expect(winners).toHaveLength(1)
    const store = await openStore(path)
    expect(await store.getRun('slack', 'C1', '2024-05-01')).toMatchObject({ id: winners[0], claims: 1 })
    await store.close()
  })

  it('a claim whose process died before completing is re-claimed by another process once it is stale', async () => {
    const path = freshPath()
    const crashed = await openStore(path)
    const id = await crashed.claimDigestRun(scheduled)
    await crashed.close()

    const restarted = await openStore(path, { staleClaimMinutes: 10 })
    expect(await restarted.claimDigestRun({ ...scheduled, now: minutes(9) })).toBeNull()
    expect(await restarted.claimDigestRun({ ...scheduled, now: minutes(11) })).toBe(id)
    await restarted.completeDigestRun(id ?? 0, { status: 'posted', attempts: 1, postedAt: minutes(12) })
    await restarted.close()

    const later = await openStore(path)
    expect(await later.getRun('slack', 'C1', '2024-05-01')).toMatchObject({ status: 'posted', claims: 2 })
    expect(await later.claimDigestRun({ ...scheduled, now: minutes(120) })).toBeNull()
    await later.close()
  })

  it('refuses a database migrated by a newer citebot, with a clear error, and leaves it untouched', async () => {
    const path = freshPath()
    await (await openStore(path)).close()
    const future = migrations.length + 5
    readRaw(path, (db) => db.pragma(`user_version = ${future}`))

    const error = await storeErrorOf(() => openStore(path))
    expect(error.code).toBe('STORE_SCHEMA_TOO_NEW')
    expect(error.message).toContain(`schema version ${future}`)
    expect(error.message).toContain(`up to ${migrations.length}`)
    expect(error.context).toMatchObject({ path, databaseVersion: future, codeVersion: migrations.length })
    expect(readRaw(path, (db) => db.pragma('user_version', { simple: true }))).toBe(future)
  })

  it('a file that is not a SQLite database fails to open with STORE_OPEN_FAILED', async () => {
    const path = freshPath()
    writeFileSync(path, 'these are not the pages you are looking for\n'.repeat(100))
    const error = await storeErrorOf(() => openStore(path))
    expect(error.code).toBe('STORE_OPEN_FAILED')
    expect(error.message).toContain(path)
    expect(error.cause).toBeInstanceOf(Error)
  })

  it('a path that is a directory fails to open with STORE_OPEN_FAILED', async () => {
    expect((await storeErrorOf(() => openStore(dir))).code).toBe('STORE_OPEN_FAILED')
  })
})
