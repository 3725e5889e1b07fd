import { afterEach, describe, expect, it } from 'vitest'
import { localDateOf, localTimeOf } from '../../src/digest/local-time.js'
import type { DigestScheduler } from '../../src/digest/scheduler.js'
import { clockedStore, digestRig, fakeClock, MINUTE, type Post, recordingPoster } from './helpers.js'

const NY = 'America/New_York'
let running: DigestScheduler | null = null
afterEach(async () => {
  await running?.stop()
  running = null
})

/** Subscribes C1 at `time` in New York, then runs the scheduler every `step` from `from` to `to`. */
async function simulate(time: string, from: string, to: string, step = 5 * MINUTE) {
  const clock = fakeClock(from)
  const store = await clockedStore(':memory:', clock)
  await store.subscribe({ platform: 'slack', channelId: 'C1', time, timeZone: NY })
  const posts: Post[] = []
  const { scheduler } = digestRig(store, clock, [recordingPoster('slack', clock, posts)])
  running = scheduler
  await scheduler.start()
  const planned = scheduler.scheduled()[0]?.nextRun ?? null
  for (clock.advance(step); clock.now() < new Date(to); clock.advance(step)) await scheduler.runDue()
  return { posts, planned, store }
}

const local = (p: Post) => `${localDateOf(p.at, NY)} ${localTimeOf(p.at, NY)}`

describe('the hour in a time zone across daylight-saving changes', () => {
  it('posts 09:00 New York once each day around the March change, at 09:00 local time', async () => {
    const { posts, planned } = await simulate('09:00', '2024-03-08T05:00:00Z', '2024-03-12T05:00:00Z')

    expect(posts.map(local)).toEqual([
      '2024-03-08 09:00',
      '2024-03-09 09:00',
      '2024-03-10 09:00',
      '2024-03-11 09:00',
    ])
    // EST is UTC−5 before the change, EDT UTC−4 after it.
    expect(posts.map((p) => p.at.toISOString())).toEqual([
      '2024-03-08T14:00:00.000Z',
      '2024-03-09T14:00:00.000Z',
      '2024-03-10T13:00:00.000Z',
      '2024-03-11T13:00:00.000Z',
    ])
    expect(posts.map((p) => p.digest.localDate)).toEqual([
      '2024-03-08',
      '2024-03-09',
      '2024-03-10',
      '2024-03-11',
    ])
    expect(planned?.toISOString()).toBe('2024-03-08T14:00:00.000Z')
  })

  it('posts 09:00 New York once each day around the November change, at 09:00 local time', async () => {
    const { posts } = await simulate('09:00', '2024-11-01T04:00:00Z', '2024-11-05T05:00:00Z')

    expect(posts.map(local)).toEqual([
      '2024-11-01 09:00',
      '2024-11-02 09:00',
      '2024-11-03 09:00',
      '2024-11-04 09:00',
    ])
    expect(posts.map((p) => p.at.toISOString())).toEqual([
      '2024-11-01T13:00:00.000Z',
      '2024-11-02T13:00:00.000Z',
      '2024-11-03T14:00:00.000Z',
      '2024-11-04T14:00:00.000Z',
    ])
  })

  it('schedules the croner job at 09:00 local on the days of both changes', async () => {
    const clock = fakeClock('2024-03-09T15:00:00Z')
    const store = await clockedStore(':memory:', clock)
    await store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timeZone: NY })
    const { scheduler } = digestRig(store, clock, [recordingPoster('slack', clock)])
    running = scheduler
    await scheduler.start()
    expect(scheduler.scheduled()).toEqual([
      { key: 'slack:C1', pattern: '0 9 * * *', timeZone: NY, nextRun: new Date('2024-03-10T13:00:00Z') },
    ])
    clock.set('2024-11-02T14:00:00Z')
    expect(scheduler.scheduled()[0]?.nextRun).toEqual(new Date('2024-11-03T14:00:00Z'))
  })

  it('posts a time that the spring change skips once, just after the gap', async () => {
    const { posts } = await simulate('02:30', '2024-03-09T12:00:00Z', '2024-03-11T12:00:00Z', MINUTE)

    expect(posts.map(local)).toEqual(['2024-03-10 03:00', '2024-03-11 02:30'])
  })

  it('posts a time that the autumn change repeats once, at its first occurrence', async () => {
    const { posts } = await simulate('01:30', '2024-11-02T12:00:00Z', '2024-11-04T12:00:00Z', MINUTE)

    expect(posts.map((p) => p.at.toISOString())).toEqual([
      // 01:30 EDT; the second 01:30 (EST) an hour later posts nothing.
      '2024-11-03T05:30:00.000Z',
      '2024-11-04T06:30:00.000Z',
    ])
  })
})
