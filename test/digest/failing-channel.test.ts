import { describe, expect, it } from 'vitest'
import { goneCode, isChannelGone } from '../../src/digest/channel-gone.js'
import type { DigestLog } from '../../src/digest/runner.js'
import { clockedStore, digestRig, fakeClock, type Post, recordingPoster, zoned } from './helpers.js'

const PARIS = 'Europe/Paris'

/** A Slack Web API platform error, as @slack/web-api raises it. */
const slackError = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error },
  })
/** A Discord REST error, as discord.js raises it (`code` is Discord's JSON error code). */
const discordError = (code: number, message: string) =>
  Object.assign(new Error(message), { code, status: code === 10003 ? 404 : 403 })

function logSpy(): DigestLog & {
  lines: { level: string; fields: Record<string, unknown>; message: string }[]
} {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = []
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message })
  }
  return { lines, info: at('info'), warn: at('warn'), error: at('error') }
}

async function setUp(platform: 'slack' | 'discord', fail: (channelId: string, call: number) => unknown) {
  const clock = fakeClock(zoned('2024-05-01T08:00', PARIS))
  const store = await clockedStore(':memory:', clock)
  const posts: Post[] = []
  const poster = recordingPoster(platform, clock, posts, fail)
  const log = logSpy()
  const rig = digestRig(store, clock, [poster], { log })
  await store.subscribe({ platform, channelId: 'C1', time: '09:00', timeZone: PARIS })
  clock.set(zoned('2024-05-01T09:00', PARIS))
  return { clock, store, posts, poster, log, ...rig }
}

describe('a failing channel', () => {
  it('marks a Slack channel that is gone inactive, logs it and does not retry', async () => {
    const { store, poster, posts, log, sleeps, scheduler, clock } = await setUp('slack', () =>
      slackError('channel_not_found'),
    )

    const report = await scheduler.runDue()

    expect(report.results[0]?.result).toMatchObject({ status: 'failed', attempts: 1, gone: true })
    expect(poster.calls).toBe(1)
    expect(sleeps).toEqual([])
    expect(await store.getSubscription('slack', 'C1')).toMatchObject({
      active: false,
      inactiveReason: 'channel gone: channel_not_found',
    })
    expect(await store.getRun('slack', 'C1', '2024-05-01')).toMatchObject({ status: 'failed', attempts: 1 })
    expect(log.lines.filter((l) => l.level === 'warn')).toHaveLength(1)

    clock.set(zoned('2024-05-02T09:00', PARIS))
    await scheduler.runDue()
    expect(poster.calls).toBe(1)
    expect(posts).toEqual([])
  })

  it('marks a Discord channel the bot lost access to (50001) inactive', async () => {
    const { store, poster, scheduler } = await setUp('discord', () => discordError(50001, 'Missing Access'))

    await scheduler.runDue()

    expect(poster.calls).toBe(1)
    expect(await store.getSubscription('discord', 'C1')).toMatchObject({ active: false })
  })

  it('retries a transient error with backoff, then posts once', async () => {
    const { store, posts, poster, sleeps, scheduler } = await setUp('slack', (_c, call) =>
      call <= 2 ? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) : undefined,
    )

    const report = await scheduler.runDue()

    expect(report.results[0]?.result).toMatchObject({ status: 'posted', attempts: 3 })
    expect(poster.calls).toBe(3)
    expect(sleeps).toEqual([2000, 4000])
    expect(posts).toHaveLength(1)
    expect(await store.getRun('slack', 'C1', '2024-05-01')).toMatchObject({
      status: 'posted',
      attempts: 3,
      error: 'ECONNRESET: socket hang up',
    })
    expect((await store.getSubscription('slack', 'C1'))?.active).toBe(true)
    await scheduler.runDue()
    expect(poster.calls).toBe(3)
  })

  it('waits as long as a rate limit asks before retrying', async () => {
    const { sleeps, scheduler, posts } = await setUp('slack', (_c, call) =>
      call === 1 ? Object.assign(slackError('ratelimited'), { retryAfter: 30 }) : undefined,
    )

    await scheduler.runDue()

    expect(sleeps).toEqual([30_000])
    expect(posts).toHaveLength(1)
  })

  it('gives up after a few tries, records the run as failed and keeps the subscription', async () => {
    const { store, poster, sleeps, scheduler, log, clock, posts } = await setUp('slack', (_c, call) =>
      call <= 4 ? slackError('internal_error') : undefined,
    )

    const report = await scheduler.runDue()

    expect(report.results[0]?.result).toMatchObject({ status: 'failed', attempts: 4, gone: false })
    expect(sleeps).toEqual([2000, 4000, 8000])
    expect(await store.getRun('slack', 'C1', '2024-05-01')).toMatchObject({
      status: 'failed',
      attempts: 4,
      error: 'slack_webapi_platform_error/internal_error: An API error occurred: internal_error',
    })
    expect(log.lines.filter((l) => l.level === 'error')).toHaveLength(1)
    // Not retried again that day; the next day's digest comes as usual.
    await scheduler.runDue()
    expect(poster.calls).toBe(4)
    clock.set(zoned('2024-05-02T09:00', PARIS))
    await scheduler.runDue()
    expect(posts.map((p) => p.digest.localDate)).toEqual(['2024-05-02'])
  })

  it('does not count a failed post’s claim as shown', async () => {
    const { store, scheduler, clock, posts } = await setUp('slack', (_c, call) =>
      call <= 4 ? slackError('internal_error') : undefined,
    )

    await scheduler.runDue()
    expect(await store.shownClaims('slack', 'C1')).toEqual([])
    expect(await store.getSourcesSnapshot('slack', 'C1')).toBeNull()
    clock.set(zoned('2024-05-02T09:00', PARIS))
    await scheduler.runDue()
    expect(await store.shownClaims('slack', 'C1')).toEqual([posts[0]?.digest.claim?.id])
  })
})

describe('isChannelGone', () => {
  it('reads Slack’s data.error and Discord’s numeric code', () => {
    expect(isChannelGone(slackError('not_in_channel'))).toBe(true)
    expect(isChannelGone(slackError('is_archived'))).toBe(true)
    expect(isChannelGone({ code: 'channel_not_found' })).toBe(true)
    expect(isChannelGone(discordError(10003, 'Unknown Channel'))).toBe(true)
    expect(isChannelGone(discordError(50001, 'Missing Access'))).toBe(true)
  })

  it('takes an adapter’s own verdict, and looks into the cause', () => {
    const wrapped = (channelGone: boolean, cause: unknown) =>
      Object.assign(new Error('Could not post', { cause }), { code: 50013, channelGone })
    expect(goneCode(wrapped(true, null))).toBe('50013')
    expect(isChannelGone(wrapped(false, slackError('channel_not_found')))).toBe(false)
    expect(goneCode(new Error('Could not post', { cause: slackError('is_archived') }))).toBe('is_archived')
  })

  it('leaves transient and unknown errors to be retried', () => {
    expect(isChannelGone(slackError('ratelimited'))).toBe(false)
    expect(isChannelGone(discordError(500, 'Internal'))).toBe(false)
    expect(isChannelGone(new Error('channel_not_found in the message only'))).toBe(false)
    expect(isChannelGone(null)).toBe(false)
    expect(isChannelGone('channel_not_found')).toBe(false)
  })
})
