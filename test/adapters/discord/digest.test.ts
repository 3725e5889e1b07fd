import type { APIEmbed } from 'discord.js'
import { PermissionFlagsBits } from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import { DiscordPostError } from '../../../src/adapters/discord/index.js'
import type { ChatContext, Reply } from '../../../src/chat/service.js'
import type { Digest } from '../../../src/digest/types.js'
import { EVERYONE_PERMISSIONS } from '../../fakes/discord-payloads.js'
import {
  checkAndClose,
  delay,
  nextInteractionAs,
  type Running,
  responseTo,
  seedEngine,
  sentMessages,
  startBot,
} from './harness.js'

let running: Running | undefined

afterEach(async () => {
  const r = running
  running = undefined
  await checkAndClose(r)
})

const MANAGER = (BigInt(EVERYONE_PERMISSIONS) | PermissionFlagsBits.ManageChannels).toString()

function digest(channelId: string, kind: Digest['kind'] = 'scheduled'): Digest {
  return {
    platform: 'discord',
    channelId,
    localDate: '2024-05-02',
    kind,
    claim: seedEngine().ask('is it mandatory?').claims[0] ?? null,
    questions: { total: 2, topics: [{ term: 'mandatory', count: 2 }], unanswered: [] },
    sources: { added: [], changed: [] },
  }
}

/** A digest handler that records what it was asked and answers with `reply` (after `ms`). */
function recorder(reply: (args: string, ctx: ChatContext) => Reply, ms = 0) {
  const calls: { args: string; ctx: ChatContext }[] = []
  const handler = async (args: string, ctx: ChatContext) => {
    calls.push({ args, ctx })
    if (ms > 0) await delay(ms)
    return reply(args, ctx)
  }
  return { calls, handler }
}

const callback = (r: Running, id: string) =>
  r.fake.waitForRequest('POST', new RegExp(`^/interactions/${id}/`))

describe('digests on Discord', () => {
  it('posts a digest in a channel: the claim of the day with its quotes and note, pinging nobody', async () => {
    running = await startBot()
    const { fake, bot } = running
    await bot.postDigest(fake.textChannelId, digest(fake.textChannelId))

    const [post] = fake.requestsTo('POST', /^\/channels\/\d+\/messages$/)
    const body = post?.body as { embeds: APIEmbed[]; allowed_mentions: unknown }
    expect(post?.status).toBe(200)
    expect(body.allowed_mentions).toEqual({ parse: [] })
    expect(body.embeds[0]?.author?.name).toBe('📰 Daily digest · 2024-05-02')
    expect(body.embeds[0]?.title).toContain('Claim of the day: While the system is voluntary')
    expect(body.embeds[0]?.description).toContain('⚠️ **Contested**')
    expect(body.embeds[1]?.description).toContain('**2 questions** asked.')
  })

  it('throws an error carrying Discord’s code 50001 when the channel refuses the post', async () => {
    running = await startBot()
    const { fake, bot } = running
    fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 403, code: 50001 })

    const error = await bot
      .postDigest(fake.textChannelId, digest(fake.textChannelId))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DiscordPostError)
    expect(error).toMatchObject({
      code: 50001,
      status: 403,
      channelId: fake.textChannelId,
      channelGone: true,
    })
    expect((error as Error).message).toContain('Missing Access (code 50001)')
    expect((error as Error).message).toContain('give it View Channel and Send Messages')
  })

  it('throws an error carrying 10003 Unknown Channel for a deleted channel', async () => {
    running = await startBot()
    const error = await running.bot.postDigest('123456789012345678', digest('x')).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'DiscordPostError', code: 10003, status: 404, channelGone: true })
  })

  it('passes /digest subscribe with its options to the chat service and answers privately', async () => {
    const { calls, handler } = recorder(() => ({
      kind: 'text',
      text: 'Subscribed: a digest every day at 08:30 (Europe/Paris).',
    }))
    running = await startBot({ digest: handler })
    const { fake } = running
    nextInteractionAs(
      running,
      'subscribe',
      [
        { type: 3, name: 'time', value: '08:30' },
        { type: 3, name: 'timezone', value: 'Europe/Paris' },
      ],
      MANAGER,
    )
    const { id } = fake.interactionCreate({ type: 'command', name: 'digest' })
    const answer = await callback(running, id)

    expect(calls).toEqual([
      { args: 'subscribe 08:30 Europe/Paris', ctx: { platform: 'discord', channelId: fake.textChannelId } },
    ])
    expect(answer.body).toMatchObject({
      type: 4,
      data: {
        flags: 64,
        content: 'Subscribed: a digest every day at 08:30 (Europe/Paris).',
        allowed_mentions: { parse: [] },
      },
    })
  })

  it('refuses /digest subscribe and unsubscribe privately to members without Manage Channels', async () => {
    const { calls, handler } = recorder(() => ({ kind: 'text', text: 'done' }))
    running = await startBot({ digest: handler })
    const { fake } = running
    for (const sub of ['subscribe', 'unsubscribe']) {
      nextInteractionAs(running, sub)
      const { id } = fake.interactionCreate({ type: 'command', name: 'digest' })
      const answer = await callback(running, id)
      expect(answer.body).toMatchObject({
        type: 4,
        data: { flags: 64, content: expect.stringContaining('(Manage Channels)') },
      })
    }
    expect(calls).toEqual([])
  })

  it('answers /digest status privately for anyone allowed to use /digest', async () => {
    const { calls, handler } = recorder(() => ({
      kind: 'text',
      text: 'This channel gets a digest at 09:00 UTC.',
    }))
    running = await startBot({ digest: handler })
    nextInteractionAs(running, 'status')
    const { id } = running.fake.interactionCreate({ type: 'command', name: 'digest' })
    const answer = await callback(running, id)
    expect(calls.map((c) => c.args)).toEqual(['status'])
    expect(answer.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: 'This channel gets a digest at 09:00 UTC.' },
    })
  })

  it('posts /digest now publicly in the channel', async () => {
    const { handler } = recorder((_, ctx) => ({ kind: 'digest', digest: digest(ctx.channelId, 'manual') }))
    running = await startBot({ digest: handler })
    const { fake } = running
    nextInteractionAs(running, 'now')
    const { id } = fake.interactionCreate({ type: 'command', name: 'digest' })
    await fake.waitForRequest('PATCH', /\/messages\/@original$/)
    const posted = responseTo(fake, id)
    expect(posted?.flags ?? 0).toBe(0)
    expect(posted?.embeds[0]?.author?.name).toBe('📰 Digest on request · 2024-05-02')
    expect(fake.firstResponseMs(id)).toBeLessThan(3000)
  })

  it('says privately when digests are not available (the chat service’s default), removing the public placeholder', async () => {
    running = await startBot()
    const { fake } = running
    nextInteractionAs(running, 'now')
    const { id } = fake.interactionCreate({ type: 'command', name: 'digest' })
    const followUp = await fake.waitForRequest('POST', /^\/webhooks\/\d+\/[^/]+$/)
    expect(followUp.body).toMatchObject({
      flags: 64,
      content: 'Daily digests are not available yet.',
      allowed_mentions: { parse: [] },
    })
    expect(fake.requestsTo('DELETE', /\/messages\/@original$/)).toHaveLength(1)
    expect(fake.firstResponseMs(id)).toBeLessThan(3000)
  })

  it('defers a slow /digest status privately, then edits the private placeholder', async () => {
    const { handler } = recorder(() => ({ kind: 'text', text: 'No digest here yet.' }), 150)
    running = await startBot({ digest: handler, deferAfterMs: 20 })
    const { fake } = running
    nextInteractionAs(running, 'status')
    const { id } = fake.interactionCreate({ type: 'command', name: 'digest' })
    const edit = await fake.waitForRequest('PATCH', /\/messages\/@original$/)
    expect((await callback(running, id)).body).toEqual({ type: 5, data: { flags: 64 } })
    expect(edit.body).toMatchObject({ content: 'No digest here yet.', allowed_mentions: { parse: [] } })
    expect(responseTo(fake, id)?.flags).toBe(64)
  })

  it('apologizes privately when answering fails', async () => {
    running = await startBot({
      digest: () => {
        throw new Error('database is locked')
      },
    })
    const { fake } = running
    nextInteractionAs(running, 'status')
    const { id } = fake.interactionCreate({ type: 'command', name: 'digest' })
    const answer = await callback(running, id)
    expect(answer.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringContaining('Sorry') },
    })
    expect(JSON.stringify(sentMessages(fake))).not.toContain('database is locked')
  })
})
