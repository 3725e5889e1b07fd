import { join } from 'node:path'
import { openStore } from '../../src/store/open-store.js'
import { describeStoreContract } from './store-contract.js'
import { useTempDir } from './temp-dir.js'

const dir = useTempDir('store')
let files = 0

describeStoreContract('a database file', (options) => {
  files += 1
  return openStore(join(dir, `contract-${files}.db`), options)
})

describeStoreContract(':memory:', (options) => openStore(':memory:', options))
