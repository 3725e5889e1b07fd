import { GatewayIntentBits } from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import {
  botMessages,
  checkAndClose,
  delay,
  type Running,
  replyTo,
  sentMessages,
  startBot,
} from './harness.js'

let running: Running | undefined

afterEach(async () => {
  const r = running
  running = undefined
  await checkAndClose(r)
})

const channelPosts = (r: Running) => r.fake.requestsTo('POST', /^\/channels\/\d+\/messages$/)

describe('mentions and follow-ups on Discord', () => {
  it('asks only for the Guilds and GuildMessages intents, not the privileged MessageContent', async () => {
    running = await startBot()
    expect(running.fake.identifies[0]?.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages,
    )
  })

  it('answers a message that mentions it as a reply to that message, without the mention in the question', async () => {
    running = await startBot()
    const { fake } = running
    const asked = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    const reply = await replyTo(running, asked.id)

    expect(reply.message_reference?.message_id).toBe(asked.id)
    expect(reply.channel_id).toBe(fake.textChannelId)
    expect(reply.embeds[0]?.author?.name).toBe('❓ is it mandatory?')
    expect(reply.embeds[0]?.description).toContain('⚠️ **Contested**')
    expect(reply.embeds[0]?.description).toContain('> Besides,nobody ever cares about Sesame Credit')
    expect(channelPosts(running)[0]?.body).toMatchObject({ allowed_mentions: { parse: [] } })
    // The bot's own answer is echoed back over the gateway; it must not answer itself.
    await delay(100)
    expect(channelPosts(running)).toHaveLength(1)
  })

  it('answers a reply to its answer without a typed mention (the reply ping delivers the content)', async () => {
    running = await startBot()
    const { fake } = running
    const asked = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    const answer = await replyTo(running, asked.id)

    const followUp = fake.messageCreate({ content: 'who scores citizens?', replyToMessageId: answer.id })
    const second = await replyTo(running, followUp.id)
    expect(second.embeds[0]?.author?.name).toBe('❓ who scores citizens?')
    expect(sentMessages(fake).map((b) => b.allowed_mentions)).toEqual([{ parse: [] }, { parse: [] }])
  })

  it('ignores messages that do not mention it, and replies to it with the ping turned off (their content is withheld)', async () => {
    running = await startBot()
    const { fake } = running
    const asked = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    const answer = await replyTo(running, asked.id)

    fake.messageCreate({ content: 'is it mandatory? just chatting' })
    fake.messageCreate({ content: 'who scores citizens?', replyToMessageId: answer.id, mentionsBot: false })
    await delay(200)
    expect(channelPosts(running)).toHaveLength(1)
  })

  it('shows help for a bare mention and the sources for “/sources” after a mention', async () => {
    running = await startBot()
    const { fake } = running
    const bare = fake.messageCreate({ content: fake.botMention })
    const help = await replyTo(running, bare.id)
    expect(help.embeds[0]?.title).toBe('Ask me about the sources')

    const sources = fake.messageCreate({ content: `${fake.botMention} /sources` })
    const list = await replyTo(running, sources.id)
    expect(list.embeds[0]?.title).toBe('Sources I quote from (5)')
  })

  it('pings nobody when the question carries @everyone, user and role mentions: they are left out of it, Markdown is shown as typed', async () => {
    running = await startBot()
    const { fake } = running
    const asked = fake.messageCreate({
      content: `${fake.botMention} @everyone @here <@123> <@&456> is it __mandatory__?`,
    })
    const reply = await replyTo(running, asked.id)
    expect(reply.mention_everyone).toBe(false)
    expect(reply.mentions).toEqual([])
    expect(reply.embeds[0]?.author?.name).toBe('❓ is it __mandatory__?')
    const sent = sentMessages(fake)
    expect(sent.map((b) => b.allowed_mentions)).toEqual([{ parse: [] }])
    expect(JSON.stringify(sent)).not.toMatch(/@everyone|@here|<@\d|<@&\d/)
  })

  it('answers a mention in a thread inside that thread', async () => {
    running = await startBot()
    const { fake, bot } = running
    const root = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    await replyTo(running, root.id)
    const thread = await bot.client.rest.post(`/channels/${fake.textChannelId}/threads`, {
      body: { name: 'Follow-ups', type: 11 },
    })
    const threadId = (thread as { id: string }).id
    await delay(50) // THREAD_CREATE reaches the client's cache
    const inThread = fake.messageCreate({
      channelId: threadId,
      content: `${fake.botMention} who scores citizens?`,
    })
    const reply = await replyTo(running, inThread.id)
    expect(reply.channel_id).toBe(threadId)
  })

  it('waits out a 429 with Retry-After and then posts the answer exactly once', async () => {
    running = await startBot()
    const { fake } = running
    fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 0.3 })
    const asked = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    const reply = await replyTo(running, asked.id)

    expect(channelPosts(running).map((p) => p.status)).toEqual([429, 200])
    await delay(100)
    expect(botMessages(fake)).toHaveLength(1)
    expect(botMessages(fake)[0]?.id).toBe(reply.id)
  })
})
