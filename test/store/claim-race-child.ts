// A separate process for the claim race in store-file.test.ts: waits until the agreed start time, opens the
// store, claims the scheduled digest of one channel-day and prints `{"id": number | null}`.
import { openStore } from '../../src/store/open-store.js'

const [path, startAtText] = process.argv.slice(2)
if (path === undefined || startAtText === undefined) {
  throw new Error('usage: claim-race-child.ts <database path> <start time, epoch ms>')
}
const wait = Number(startAtText) - Date.now()
// A synchronous sleep, so that every process opens and claims at about the same moment.
if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait)

const store = await openStore(path)
const id = await store.claimDigestRun({
  platform: 'slack',
  channelId: 'C1',
  localDate: '2024-05-01',
  kind: 'scheduled',
  now: new Date(),
})
await store.close()
process.stdout.write(JSON.stringify({ id }))
