import { afterEach, describe, expect, it } from 'vitest'
import type { DigestScheduler } from '../../src/digest/scheduler.js'
import type { Store } from '../../src/store/types.js'
import {
  clockedStore,
  digestRig,
  type FakeClock,
  fakeClock,
  HOUR,
  MINUTE,
  type Post,
  recordingPoster,
  useTempDir,
  zoned,
} from './helpers.js'

const PARIS = 'Europe/Paris'
const freshPath = useTempDir('restart')
const open: { scheduler: DigestScheduler; store: Store }[] = []

afterEach(async () => {
  for (const { scheduler, store } of open.splice(0)) {
    await scheduler.stop()
    await store.close()
  }
})

/** A process: its own connection to the database file, runner and scheduler, posting into `posts`. */
async function boot(path: string, clock: FakeClock, posts: Post[]) {
  const store = await clockedStore(path, clock)
  const rig = digestRig(store, clock, [recordingPoster('slack', clock, posts)])
  open.push({ scheduler: rig.scheduler, store })
  return { store, ...rig }
}

describe('restarts', () => {
  it('posts the digest missed while the bot was down once, at start-up later that day', async () => {
    const path = freshPath()
    const clock = fakeClock(zoned('2024-05-01T08:00', PARIS))
    const setup = await clockedStore(path, clock)
    await setup.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timeZone: PARIS })
    await setup.close()
    const posts: Post[] = []

    // Down at 09:00; up at 15:00.
    clock.set(zoned('2024-05-01T15:00', PARIS))
    const first = await boot(path, clock, posts)
    const report = await first.scheduler.start()
    expect(report.results.map((r) => r.result.status)).toEqual(['posted'])
    expect(posts.map((p) => [p.channelId, p.digest.localDate, p.digest.kind])).toEqual([
      ['C1', '2024-05-01', 'scheduled'],
    ])
    await first.scheduler.stop()
    await first.store.close()

    // Restarted again at 16:00: today's is done.
    clock.set(zoned('2024-05-01T16:00', PARIS))
    const second = await boot(path, clock, posts)
    await second.scheduler.start()
    await second.scheduler.runDue()
    expect(posts).toHaveLength(1)
    expect(await second.store.getRun('slack', 'C1', '2024-05-01')).toMatchObject({
      status: 'posted',
      attempts: 1,
    })

    // The next day comes at its hour as usual.
    clock.set(zoned('2024-05-02T09:00', PARIS))
    await second.scheduler.runDue()
    expect(posts.map((p) => p.digest.localDate)).toEqual(['2024-05-01', '2024-05-02'])
  })

  it('does not post yesterday’s missed digest the next morning before the hour', async () => {
    const path = freshPath()
    const clock = fakeClock(zoned('2024-05-01T08:00', PARIS))
    const posts: Post[] = []
    const { store, scheduler } = await boot(path, clock, posts)
    await store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timeZone: PARIS })

    clock.set(zoned('2024-05-02T08:59', PARIS))
    await scheduler.start()
    expect(posts).toEqual([])
    clock.advance(MINUTE)
    await scheduler.runDue()
    expect(posts.map((p) => p.digest.localDate)).toEqual(['2024-05-02'])
  })

  it('starts a subscription made after the day’s hour the next day', async () => {
    const clock = fakeClock(zoned('2024-05-01T10:00', PARIS))
    const posts: Post[] = []
    const { store, scheduler } = await boot(freshPath(), clock, posts)
    await store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timeZone: PARIS })

    await scheduler.start()
    clock.advance(12 * HOUR)
    await scheduler.runDue()
    expect(posts).toEqual([])
    clock.set(zoned('2024-05-02T09:00', PARIS))
    await scheduler.runDue()
    expect(posts.map((p) => p.digest.localDate)).toEqual(['2024-05-02'])
  })

  it('reschedules when a channel changes its time, and still posts once that day', async () => {
    const clock = fakeClock(zoned('2024-05-01T08:00', PARIS))
    const posts: Post[] = []
    const { store, scheduler } = await boot(freshPath(), clock, posts)
    await store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timeZone: PARIS })
    await scheduler.start()
    clock.set(zoned('2024-05-01T09:00', PARIS))
    await scheduler.runDue()

    await store.subscribe({ platform: 'slack', channelId: 'C1', time: '11:00', timeZone: 'UTC' })
    await scheduler.sync()
    expect(scheduler.scheduled().map((j) => [j.pattern, j.timeZone])).toEqual([['0 11 * * *', 'UTC']])
    clock.set(new Date('2024-05-01T11:00:00Z'))
    await scheduler.runDue()
    expect(posts).toHaveLength(1)

    await store.unsubscribe('slack', 'C1')
    await scheduler.sync()
    expect(scheduler.scheduled()).toEqual([])
  })
})

describe('two processes on one database file', () => {
  it('posts once when two schedulers run at the same moment', async () => {
    const path = freshPath()
    const clock = fakeClock(zoned('2024-05-01T08:00', PARIS))
    const posts: Post[] = []
    const a = await boot(path, clock, posts)
    const b = await boot(path, clock, posts)
    await a.store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timeZone: PARIS })
    await b.store.subscribe({ platform: 'slack', channelId: 'C2', time: '09:00', timeZone: PARIS })
    await Promise.all([a.scheduler.start(), b.scheduler.start()])

    clock.set(zoned('2024-05-01T09:00', PARIS))
    await Promise.all([
      a.scheduler.runDue(),
      b.scheduler.runDue(),
      a.scheduler.runDue(),
      b.scheduler.runDue(),
    ])

    expect(posts.map((p) => p.channelId).sort()).toEqual(['C1', 'C2'])
    expect(await a.store.getRun('slack', 'C1', '2024-05-01')).toMatchObject({ status: 'posted', claims: 1 })
  })

  it('takes over a run whose process died mid-post once its claim is stale, and posts it once', async () => {
    const path = freshPath()
    const clock = fakeClock(zoned('2024-05-01T08:00', PARIS))
    const posts: Post[] = []
    const survivor = await boot(path, clock, posts)
    await survivor.store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timeZone: PARIS })
    await survivor.scheduler.start()

    // The other process claimed 09:00's run, then died before posting.
    clock.set(zoned('2024-05-01T09:00', PARIS))
    const dead = await clockedStore(path, clock)
    const runId = await dead.claimDigestRun({
      platform: 'slack',
      channelId: 'C1',
      localDate: '2024-05-01',
      kind: 'scheduled',
      now: clock.now(),
    })
    await dead.close()
    expect(runId).not.toBeNull()

    clock.advance(5 * MINUTE)
    await survivor.scheduler.runDue()
    expect(posts).toEqual([])
    clock.advance(10 * MINUTE)
    await survivor.scheduler.runDue()
    await survivor.scheduler.runDue()
    expect(posts).toHaveLength(1)
    expect(await survivor.store.getRun('slack', 'C1', '2024-05-01')).toMatchObject({
      id: runId,
      status: 'posted',
      claims: 2,
    })
  })
})
