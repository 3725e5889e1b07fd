import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import { postgresMigrations } from '../../src/store/postgres/migrations.js'
import type { Store } from '../../src/store/types.js'
import { unusedUrl } from '../helpers/free-port.js'
import { useFreshDatabases } from '../helpers/postgres.js'
import { minutes, scheduled, t0 } from './fixtures.js'
import { storeErrorOf } from './store-error.js'

const freshDatabase = useFreshDatabases('pgstore')

const opened: Store[] = []
async function open(url: string, options: Parameters<typeof openStore>[1] = {}): Promise<Store> {
  const store = await openStore(url, options)
  opened.push(store)
  return store
}
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close()
})

async function raw<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url)
  await client.connect()
  try {
    return (await client.query(sql)).rows as T[]
  } finally {
    await client.end()
  }
}

describe('the store on Postgres, shared by several processes', () => {
  it('is chosen by a postgres:// URL and says so', async () => {
    const store = await open(await freshDatabase())
    expect(store.kind).toBe('postgres')
  })

  it('stores opened together on a new database migrate it once, and re-opening applies nothing', async () => {
    const url = await freshDatabase()
    await Promise.all(Array.from({ length: 5 }, () => open(url, { now: () => t0 })))
    const logged = await raw<{ version: number; name: string }>(
      url,
      'SELECT version, name FROM migrations ORDER BY version',
    )
    expect(logged).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })))
    await open(url)
    expect(await raw(url, 'SELECT version FROM migrations')).toHaveLength(postgresMigrations.length)
  })

  it('of stores racing for one channel-day, exactly one claims the scheduled digest; all see the outcome', async () => {
    const url = await freshDatabase()
    const stores = await Promise.all(Array.from({ length: 6 }, () => open(url)))
    const ids = await Promise.all(stores.map((s) => s.claimDigestRun(scheduled)))
    const winners = ids.filter((id) => id !== null)
    expect(winners).toHaveLength(1)
    const [a, b] = stores as [Store, Store]
    await a.completeDigestRun(winners[0] ?? 0, { status: 'posted', attempts: 1, postedAt: minutes(1) })
    expect((await b.lastPostedRun('slack', 'C1'))?.id).toBe(winners[0])
    expect(await b.claimDigestRun({ ...scheduled, now: minutes(60) })).toBeNull()
  })

  it('of stores racing to claim one event, exactly one gets it, and a thread one answered in is known to all', async () => {
    const url = await freshDatabase()
    const stores = await Promise.all(Array.from({ length: 6 }, () => open(url)))
    const claims = await Promise.all(stores.map((s) => s.claimEvent('slack', 'event:Ev1', t0)))
    expect(claims.filter(Boolean)).toHaveLength(1)
    const [a, b] = stores as [Store, Store]
    await a.rememberThread('slack', 'C1:1.0', t0)
    expect(await b.knowsThread('slack', 'C1:1.0', minutes(1))).toBe(true)
  })

  it('a claim whose process died before completing is re-claimed by another once it is stale', async () => {
    const url = await freshDatabase()
    const crashed = await openStore(url)
    const id = await crashed.claimDigestRun(scheduled)
    await crashed.close()
    const restarted = await open(url, { staleClaimMinutes: 10 })
    expect(await restarted.claimDigestRun({ ...scheduled, now: minutes(9) })).toBeNull()
    expect(await restarted.claimDigestRun({ ...scheduled, now: minutes(11) })).toBe(id)
  })

  it('refuses a database migrated by a newer citebot, with a clear error, and leaves it untouched', async () => {
    const url = await freshDatabase()
    await (await openStore(url)).close()
    const future = postgresMigrations.length + 5
    await raw(url, `INSERT INTO migrations (version, name, applied_at) VALUES (${future}, 'future', now())`)
    const error = await storeErrorOf(() => openStore(url))
    expect(error.code).toBe('STORE_SCHEMA_TOO_NEW')
    expect(error.message).toContain(`schema version ${future}`)
    expect(error.message).toContain(`up to ${postgresMigrations.length}`)
    expect(await raw(url, 'SELECT version FROM migrations')).toHaveLength(postgresMigrations.length + 1)
  })

  it('says nothing listens at the URL’s host and port, without the password', async () => {
    const url = (await unusedUrl('/citebot')).replace('http://', 'postgres://citebot:s3cret-pw@')
    const error = await storeErrorOf(() => openStore(url, { busyTimeoutMs: 2000 }))
    expect(error.code).toBe('STORE_OPEN_FAILED')
    expect(error.message).toContain('nothing accepts connections at that host and port')
    expect(error.message).toContain('DATABASE_URL')
    expect(error.message).toContain('citebot:***@127.0.0.1')
    expect(`${error.message} ${JSON.stringify(error.context)}`).not.toContain('s3cret-pw')
  })

  it('says the server has no database of that name', async () => {
    const url = new URL(await freshDatabase())
    url.pathname = '/no_such_database'
    const error = await storeErrorOf(() => openStore(url.toString()))
    expect(error.code).toBe('STORE_OPEN_FAILED')
    expect(error.message).toContain('no database of that name')
  })
})
