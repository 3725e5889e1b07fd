import { afterEach, describe, expect, it, vi } from 'vitest'
import { DigestRunner } from '../../src/digest/runner.js'
import { DigestScheduler } from '../../src/digest/scheduler.js'
import { openStore } from '../../src/store/open-store.js'
import { seedEngine } from '../helpers/built.js'
import { HOUR, MINUTE, type Post, recordingPoster } from './helpers.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('croner triggers the passes', () => {
  it('posts at the subscription’s local hour on a daylight-saving day, and picks up new subscriptions on the sweep', async () => {
    // 07:00 EDT on the day New York moves its clocks forward (at 02:00).
    vi.useFakeTimers({ now: new Date('2024-03-10T11:00:00Z') })
    const clock = { now: () => new Date(), set() {}, advance() {} }
    const store = await openStore(':memory:')
    const posts: Post[] = []
    const runner = new DigestRunner({
      kb: seedEngine().kb,
      store,
      posters: [recordingPoster('slack', clock, posts)],
    })
    const scheduler = new DigestScheduler({ store, runner, sweepMinutes: 10 })
    await store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timeZone: 'America/New_York' })
    await scheduler.start()

    await vi.advanceTimersByTimeAsync(2 * HOUR - MINUTE)
    expect(posts).toEqual([])
    await vi.advanceTimersByTimeAsync(MINUTE + 1000)
    expect(posts.map((p) => p.at.toISOString())).toEqual(['2024-03-10T13:00:00.000Z'])

    // A subscription made by another process is picked up by the sweep, then has its own job.
    await store.subscribe({ platform: 'slack', channelId: 'C2', time: '09:30', timeZone: 'America/New_York' })
    await vi.advanceTimersByTimeAsync(10 * MINUTE)
    expect(scheduler.scheduled().map((j) => j.key)).toEqual(['slack:C1', 'slack:C2'])
    await vi.advanceTimersByTimeAsync(30 * MINUTE)
    expect(posts.map((p) => p.channelId)).toEqual(['C1', 'C2'])

    expect(posts[1]?.at.toISOString()).toBe('2024-03-10T13:30:00.000Z')
    await scheduler.stop()
    await store.close()
  })
})
