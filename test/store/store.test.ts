import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../src/store/migrations.js'
import { openStore } from '../../src/store/open-store.js'
import { postgresMigrations } from '../../src/store/postgres/migrations.js'
import { useFreshDatabases } from '../helpers/postgres.js'
import { describeStoreContract } from './store-contract.js'
import { useTempDir } from './temp-dir.js'

const dir = useTempDir('store')
let files = 0

describeStoreContract('a database file', (options) => {
  files += 1
  return openStore(join(dir, `contract-${files}.db`), options)
})

describeStoreContract(':memory:', (options) => openStore(':memory:', options))

const freshDatabase = useFreshDatabases('contract')
describeStoreContract('Postgres', async (options) => openStore(await freshDatabase(), options))

describe('the two stores’ migrations', () => {
  it('have the same versions and names, so that both schemas move together', () => {
    const listed = (list: typeof migrations) => list.map(({ version, name }) => ({ version, name }))
    expect(listed(postgresMigrations)).toEqual(listed(migrations))
  })
})
