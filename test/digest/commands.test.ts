import { describe, expect, it } from 'vitest'
import type { Reply } from '../../src/chat/service.js'
import { ChatService } from '../../src/chat/service.js'
import { createDigestHandler } from '../../src/digest/commands.js'
import { seedEngine } from '../helpers/built.js'
import { clockedStore, digestRig, fakeClock, recordingPoster, zoned } from './helpers.js'

const PARIS = 'Europe/Paris'
const ctx = { platform: 'slack', channelId: 'C1' } as const

async function setUp(at = zoned('2024-05-01T08:00', PARIS)) {
  const clock = fakeClock(at)
  const store = await clockedStore(':memory:', clock)
  const { runner, scheduler } = digestRig(store, clock, [recordingPoster('slack', clock)])
  const syncs: number[] = []
  const handler = createDigestHandler({
    store,
    runner,
    scheduler: {
      sync: async () => {
        syncs.push(1)
      },
    },
    now: clock.now,
    defaults: { timeZone: PARIS },
  })
  const say = async (args: string): Promise<string> => {
    const reply: Reply = await handler(args, ctx)
    if (reply.kind !== 'text') throw new Error(`expected text, got ${reply.kind}`)
    return reply.text
  }
  return { clock, store, runner, scheduler, handler, say, syncs }
}

describe('/digest', () => {
  it('subscribes at 09:00 in the default zone and says when the next digest comes', async () => {
    const { say, store, syncs } = await setUp()

    expect(await say('subscribe')).toBe(
      'Subscribed: a digest every day at 09:00 Europe/Paris, next on Wednesday 1 May 2024 at 09:00.',
    )
    expect(await store.getSubscription('slack', 'C1')).toMatchObject({
      time: '09:00',
      timeZone: PARIS,
      active: true,
    })
    expect(syncs).toHaveLength(1)
  })

  it('updates a subscription; after the day’s hour the next digest is tomorrow', async () => {
    const { say, clock } = await setUp()
    await say('subscribe')
    clock.set(zoned('2024-05-01T10:00', PARIS))

    expect(await say('subscribe 9:30pm America/New_York')).toBe(
      'Updated: a digest every day at 21:30 America/New_York, next on Wednesday 1 May 2024 at 21:30.',
    )
    expect(await say('subscribe 07:00')).toBe(
      'Updated: a digest every day at 07:00 Europe/Paris, next on Thursday 2 May 2024 at 07:00.',
    )
  })

  it('changes nothing on bad arguments', async () => {
    const { say, store, syncs } = await setUp()
    await say('subscribe 08:00 Asia/Tokyo')
    const before = await store.getSubscription('slack', 'C1')

    for (const bad of [
      'subscribe 25:00',
      'subscribe 9:00 Mars/Olympus',
      'subscribe 9',
      'weekly',
      'unsubscribe me',
      '',
    ]) {
      expect(await say(bad)).toContain('Usage: /digest')
    }

    expect(await store.getSubscription('slack', 'C1')).toEqual(before)
    expect(await store.listActiveSubscriptions()).toEqual([before])
    expect(await store.lastPostedRun('slack', 'C1')).toBeNull()
    expect(syncs).toHaveLength(1)
  })

  it('changes nothing when a channel that never subscribed gets it wrong', async () => {
    const { say, store } = await setUp()
    expect(await say('subscribe 9:00 Nowhere/Land')).toContain('not a time zone I know')
    expect(await store.getSubscription('slack', 'C1')).toBeNull()
  })

  it('unsubscribes, and says so when there was nothing to stop', async () => {
    const { say, store } = await setUp()
    await say('subscribe')
    expect(await say('unsubscribe')).toContain('Unsubscribed')
    expect(await store.getSubscription('slack', 'C1')).toMatchObject({
      active: false,
      inactiveReason: 'unsubscribed',
    })
    expect(await say('unsubscribe')).toBe('This channel has no daily digest to stop.')
  })

  it('tells the status: time, zone, last posted and next run', async () => {
    const { say, handler, clock, store } = await setUp()
    expect(await say('status')).toContain('This channel has no daily digest.')
    await say('subscribe 09:00')
    expect(await say('status')).toBe(
      [
        'Daily digest: every day at 09:00 Europe/Paris.',
        'Last posted: never.',
        'Next: Wednesday 1 May 2024 at 09:00.',
      ].join('\n'),
    )
    clock.set(zoned('2024-05-01T12:15', PARIS))
    await handler('now', ctx)
    expect(await say('status')).toBe(
      [
        'Daily digest: every day at 09:00 Europe/Paris.',
        'Last posted: Wednesday 1 May 2024 at 12:15 (on request).',
        'Next: in a few minutes.',
      ].join('\n'),
    )
    await store.markInactive('slack', 'C1', 'channel gone: channel_not_found')
    expect(await say('status')).toBe(
      'This channel’s daily digest is off (channel gone: channel_not_found). /digest subscribe starts it again.',
    )
  })

  it('returns a digest on request, not counted as the day’s', async () => {
    const { handler, store, scheduler, clock } = await setUp()
    await store.subscribe({ ...ctx, time: '09:00', timeZone: PARIS })

    const reply = await handler('now', ctx)

    expect(reply.kind).toBe('digest')
    if (reply.kind !== 'digest') return
    expect(reply.digest).toMatchObject({
      kind: 'manual',
      localDate: '2024-05-01',
      platform: 'slack',
      channelId: 'C1',
    })
    expect(reply.digest.claim).not.toBeNull()
    expect(await store.lastPostedRun('slack', 'C1')).toMatchObject({ kind: 'manual', status: 'posted' })
    expect(await store.getRun('slack', 'C1', '2024-05-01')).toBeNull()
    // The day's digest still comes, with the next claim.
    clock.set(zoned('2024-05-01T09:00', PARIS))
    const report = await scheduler.runDue()
    expect(report.results.map((r) => r.result.status)).toEqual(['posted'])
    expect(await store.shownClaims('slack', 'C1')).toHaveLength(2)
  })

  it('answers through the chat service', async () => {
    const { handler, store } = await setUp()
    const service = new ChatService({ engine: seedEngine(), store, digest: handler })
    const reply = await service.handle({ kind: 'digest', args: 'subscribe 18:00 UTC' }, ctx)
    expect(reply).toEqual({ kind: 'text', text: expect.stringContaining('every day at 18:00 UTC') })
  })
})
