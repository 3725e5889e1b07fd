import type { APIMessage } from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import { buildDigest } from '../../../src/digest/build-digest.js'
import { strings } from '../slack/harness.js'
import { checkAndClose, type Running, responseTo, seedEngine, sentMessages, startBot } from './harness.js'

let running: Running | undefined

afterEach(async () => {
  const r = running
  running = undefined
  await checkAndClose(r)
})

/** Control characters (but tab and newline) and bidi controls, anywhere in a text. */
const UNSEEN = /(?![\t\n])[\p{Cc}\p{Bidi_Control}]/u

/** Mentions the bot with `text` and returns its reply. */
async function mention(r: Running, text: string): Promise<APIMessage> {
  const asked = r.fake.messageCreate({ content: `${r.fake.botMention} ${text}` })
  const post = await r.fake.waitFor(
    (q) =>
      q.method === 'POST' &&
      q.status === 200 &&
      (q.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === asked.id,
  )
  return post.response as APIMessage
}

describe('what people type, on Discord', () => {
  it('answers a question with mentions, emoji and timestamps in it as it answers the question alone', async () => {
    running = await startBot()
    const plain = await mention(running, 'is it mandatory?')
    expect(plain.embeds[0]?.author?.name).toBe('❓ is it mandatory?')
    for (const token of [
      '<@123>',
      '<@!123>',
      '<@&456>',
      '<#789>',
      '<:shrug:42>',
      '<a:wave:43>',
      '<t:1700000000:R>',
      '<t:1700000000>',
      '</ask:44>',
      '@everyone',
      '@here',
    ]) {
      const reply = await mention(running, `${token} is it mandatory?`)
      expect(reply.embeds, token).toEqual(plain.embeds)
    }
  })

  it('answers /ask with mentions in its question as it answers the question alone', async () => {
    running = await startBot()
    const { fake } = running
    const asked = (value: string) => {
      const { id, token } = fake.interactionCreate({
        type: 'command',
        name: 'ask',
        options: [{ name: 'question', value }],
      })
      return fake
        .waitForRequest('PATCH', new RegExp(`/${token}/messages/@original$`))
        .then(() => responseTo(fake, id))
    }
    const plain = await asked('is it mandatory?')
    const withMentions = await asked('<@123> <#789> <t:1700000000:R> is it mandatory?')
    expect(withMentions?.embeds).toEqual(plain?.embeds)
  })

  it('stores, answers and lists in the digest a question without its control characters and bidi overrides', async () => {
    running = await startBot()
    const { fake, store } = running
    const asked = Date.now()
    const reply = await mention(running, 'is\u0000 it\u0007 mandatory\u001b[2J\u007f\u0085?\u202e')
    expect(reply.embeds[0]?.author?.name).toBe('❓ is it mandatory[2J?')
    await mention(running, 'what\u0000 is the weather in \u2066Tokyo\u2069?\u200f')
    const logged = await store.questionsBetween(
      'discord',
      fake.textChannelId,
      new Date(asked - 1000),
      new Date(Date.now() + 1000),
    )
    expect(logged.map((q) => q.question)).toEqual(['is it mandatory[2J?', 'what is the weather in Tokyo?'])

    const at = logged[0]?.at ?? new Date()
    const { digest } = await buildDigest({
      kb: seedEngine().kb,
      store,
      platform: 'discord',
      channelId: fake.textChannelId,
      localDate: new Date(at.getTime() + 24 * 3600_000).toISOString().slice(0, 10),
      timeZone: 'UTC',
      kind: 'manual',
    })
    await running.bot.postDigest(fake.textChannelId, digest)
    expect(strings(sentMessages(fake).at(-1)).join('\n')).toContain('what is the weather in Tokyo?')
    expect(strings(sentMessages(fake)).filter((s) => UNSEEN.test(s))).toEqual([])
  })
})
