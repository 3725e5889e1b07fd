import { once } from 'node:events'
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  type ClientEvents,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Message,
  REST,
  RESTEvents,
  Routes,
  SlashCommandBuilder,
  type TextChannel,
} from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from './discord.js'

const TOKEN = 'fake-bot-token'
const DEFAULT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]

let fake: FakeDiscord | undefined
let client: Client | undefined

afterEach(async () => {
  await client?.destroy()
  await fake?.close()
  client = undefined
  fake = undefined
})

/** A fake Discord and a real discord.js client logged in to it and ready. */
async function connect(
  options: { intents?: GatewayIntentBits[]; fake?: FakeDiscordOptions } = {},
): Promise<{ fake: FakeDiscord; client: Client<true> }> {
  fake = await startFakeDiscord(options.fake)
  client = new Client({ intents: options.intents ?? DEFAULT_INTENTS, rest: { api: fake.apiBase } })
  const ready = once(client, Events.ClientReady)
  await client.login(TOKEN)
  await ready
  return { fake, client: client as Client<true> }
}

/** The next `event` the client emits whose arguments pass `filter`. */
function nextEvent<E extends keyof ClientEvents>(
  on: Client,
  event: E,
  filter: (...args: ClientEvents[E]) => boolean = () => true,
  timeoutMs = 3000,
): Promise<ClientEvents[E]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: ClientEvents[E]) => {
      if (!filter(...args)) return
      clearTimeout(timer)
      on.off(event, listener)
      resolve(args)
    }
    const timer = setTimeout(() => {
      on.off(event, listener)
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`))
    }, timeoutMs)
    on.on(event, listener)
  })
}

function textChannel(c: Client<true>, f: FakeDiscord): TextChannel {
  const channel = c.channels.cache.get(f.textChannelId)
  if (channel === undefined || !channel.isTextBased() || channel.isDMBased() || channel.isThread()) {
    throw new Error('the fake guild text channel is not cached')
  }
  return channel as TextChannel
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('fake Discord with the real discord.js client', () => {
  it('serves the gateway URL from /api/v10/gateway/bot, accepts a JSON identify and makes the client ready', async () => {
    const { fake, client } = await connect()

    const gatewayBot = fake.requestsTo('GET', /^\/gateway\/bot$/)
    expect(gatewayBot.length).toBeGreaterThanOrEqual(1)
    expect(gatewayBot[0]?.url).toBe('/api/v10/gateway/bot')
    expect(gatewayBot[0]?.headers.authorization).toBe(`Bot ${TOKEN}`)
    expect(fake.gatewayConnections[0]?.query).toEqual({ v: '10', encoding: 'json' })
    expect(fake.identifies).toHaveLength(1)
    expect(fake.identifies[0]).toMatchObject({
      token: TOKEN,
      intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages,
      compress: false,
      shard: [0, 1],
    })

    expect(client.user.id).toBe(fake.botUser.id)
    expect(client.user.bot).toBe(true)
    expect(client.application.id).toBe(fake.applicationId)
    const guild = client.guilds.cache.get(fake.guildId)
    expect(guild?.available).toBe(true)
    expect(guild?.members.me?.id).toBe(fake.botUser.id)
    expect(textChannel(client, fake).name).toBe('general')
    expect(textChannel(client, fake).permissionsFor(client.user)?.has('SendMessages')).toBe(true)

    const fetched = await client.channels.fetch(fake.textChannelId, { force: true })
    expect(fetched?.id).toBe(fake.textChannelId)
    expect(fake.requestsTo('GET', /^\/channels\/\d+$/)).toHaveLength(1)
    expect(fake.unhandledRequests).toEqual([])
  })

  it('acknowledges heartbeats at once, so the client keeps its session and measures a ping', async () => {
    const { fake, client } = await connect({ fake: { heartbeatIntervalMs: 100 } })

    await fake.waitForGateway((p) => p.op === 1)
    // A second heartbeat comes only if the first was ACKed; otherwise discord.js would drop the "zombie".
    await fake.waitForGateway((p) => p.op === 1 && fake.gatewayPackets.filter((q) => q.op === 1).length >= 2)

    expect(fake.gatewayPackets.map((p) => p.op)).not.toContain(6)
    expect(fake.gatewayConnections).toHaveLength(1)
    expect(client.ws.ping).toBeGreaterThanOrEqual(0)
  })

  it('delivers a message that mentions the bot with its content without MessageContent, and records the reply', async () => {
    const { fake, client } = await connect()
    const received = nextEvent(client, Events.MessageCreate, (m) => !m.author.bot)

    const sent = fake.messageCreate({ content: `${fake.botMention} what does the charter say?` })
    const [message] = await received
    expect(message.id).toBe(sent.id)
    expect(message.content).toBe(`${fake.botMention} what does the charter say?`)
    expect(message.mentions.users.has(client.user.id)).toBe(true)
    expect(message.guildId).toBe(fake.guildId)

    const echo = nextEvent(client, Events.MessageCreate, (m) => m.author.id === client.user.id)
    const reply = await message.reply({ content: 'It says: "…"', allowedMentions: { parse: [] } })

    const [post] = fake.requestsTo('POST', /^\/channels\/\d+\/messages$/)
    expect(post?.path).toBe(`/channels/${fake.textChannelId}/messages`)
    expect(post?.body).toMatchObject({
      content: 'It says: "…"',
      message_reference: { message_id: sent.id },
      allowed_mentions: { parse: [] },
    })
    expect(reply.author.id).toBe(client.user.id)
    expect(reply.reference?.messageId).toBe(sent.id)
    // Like Discord, the fake echoes the bot's own message over the gateway: bots must ignore their own.
    const [own] = await echo
    expect(own.id).toBe(reply.id)
  })

  it('withholds the content of a message that does not mention the bot from a client without MessageContent', async () => {
    const { fake, client } = await connect()
    const received = nextEvent(client, Events.MessageCreate)

    fake.messageCreate({ content: 'just chatting among humans' })
    const [message] = await received
    expect(message.content).toBe('')
    expect(message.mentions.users.size).toBe(0)
  })

  it('delivers the content of every message to a client with the MessageContent intent', async () => {
    const { fake, client } = await connect({
      intents: [...DEFAULT_INTENTS, GatewayIntentBits.MessageContent],
    })
    const received = nextEvent(client, Events.MessageCreate)

    fake.messageCreate({ content: 'just chatting among humans' })
    const [message] = await received
    expect(message.content).toBe('just chatting among humans')
  })

  it('delivers a slash command to interactionCreate and records reply() as a type 4 callback within 3 s', async () => {
    const { fake, client } = await connect()
    const received = nextEvent(client, Events.InteractionCreate)

    const { id, token } = fake.interactionCreate({
      type: 'command',
      name: 'ask',
      options: [{ name: 'question', value: 'Who signed it?' }],
    })
    const [interaction] = await received
    expect(interaction.isChatInputCommand()).toBe(true)
    const command = interaction as ChatInputCommandInteraction
    expect(command.commandName).toBe('ask')
    expect(command.options.getString('question')).toBe('Who signed it?')
    expect(command.inGuild()).toBe(true)
    await command.reply({ content: 'Three delegates signed it.' })

    const callback = await fake.waitForRequest(
      'POST',
      new RegExp(`^/interactions/${id}/${escapeRegExp(token)}/callback$`),
    )
    expect(callback.body).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'Three delegates signed it.' }),
    })
    expect(callback.status).toBe(204)
    // Interaction callbacks are not authenticated with the bot token.
    expect(callback.headers.authorization).toBeUndefined()
    expect(fake.firstResponseMs(id)).toBeLessThan(3000)
  })

  it('records deferReply() and editReply() as a type 5 callback then a PATCH of @original', async () => {
    const { fake, client } = await connect()
    const received = nextEvent(client, Events.InteractionCreate)

    const { id, token } = fake.interactionCreate({ type: 'command', name: 'ask', options: [] })
    const [interaction] = await received
    const command = interaction as ChatInputCommandInteraction
    await command.deferReply()
    const edited = await command.editReply({ content: 'Found it.' })

    const [callback] = fake.requestsTo('POST', new RegExp(`^/interactions/${id}/`))
    expect(callback?.body).toEqual({ type: 5, data: { flags: 0 } })
    const [patch] = fake.requestsTo('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/)
    expect(patch?.path).toBe(`/webhooks/${fake.applicationId}/${token}/messages/@original`)
    expect(patch?.body).toMatchObject({ content: 'Found it.' })
    expect(edited.content).toBe('Found it.')
    expect(fake.firstResponseMs(id)).toBeLessThan(3000)

    const fetched = await command.fetchReply()
    expect(fetched.content).toBe('Found it.')
    expect(fake.requestsTo('GET', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/)).toHaveLength(1)

    const followUp = await command.followUp({ content: 'One more thing.' })
    expect(followUp.content).toBe('One more thing.')
    expect(fake.requestsTo('POST', /^\/webhooks\/\d+\/[^/]+$/)[0]?.query).toMatchObject({ wait: 'true' })
  })

  it('delivers a button click as a ButtonInteraction and records update() as a type 7 callback', async () => {
    const { fake, client } = await connect()
    const received = nextEvent(client, Events.InteractionCreate)

    const { id } = fake.interactionCreate({ type: 'button', customId: 'more:1' })
    const [interaction] = await received
    expect(interaction.isButton()).toBe(true)
    const button = interaction as ButtonInteraction
    expect(button.customId).toBe('more:1')
    await button.update({ content: 'More quotes', components: [] })

    const [callback] = fake.requestsTo('POST', new RegExp(`^/interactions/${id}/`))
    expect(callback?.body).toMatchObject({ type: 7, data: { content: 'More quotes', components: [] } })
    expect(fake.messages.get(button.message.id)?.content).toBe('More quotes')
  })

  it('answers a callback after the interaction deadline with 10062 Unknown interaction', async () => {
    const { fake, client } = await connect({ fake: { interactionDeadlineMs: 20 } })
    const received = nextEvent(client, Events.InteractionCreate)

    fake.interactionCreate({ type: 'command', name: 'ask' })
    const [interaction] = await received
    await new Promise((resolve) => setTimeout(resolve, 50))
    const late = (interaction as ChatInputCommandInteraction).reply({ content: 'too late' })

    await expect(late).rejects.toMatchObject({ code: 10062, status: 404 })
  })

  it('makes the client wait out a 429 with Retry-After and retry the message successfully', async () => {
    const { fake, client } = await connect()
    fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 1 })
    const rateLimits: unknown[] = []
    client.rest.on(RESTEvents.RateLimited, (info) => rateLimits.push(info))

    const started = Date.now()
    const sent = await textChannel(client, fake).send('after the rate limit')
    const elapsed = Date.now() - started

    const posts = fake.requestsTo('POST', /^\/channels\/\d+\/messages$/)
    expect(posts.map((p) => p.status)).toEqual([429, 200])
    expect(posts[0]?.response).toEqual({
      message: 'You are being rate limited.',
      retry_after: 1,
      global: false,
    })
    expect(posts[1]?.body).toMatchObject({ content: 'after the rate limit' })
    expect(sent.content).toBe('after the rate limit')
    expect(elapsed).toBeGreaterThanOrEqual(1000)
    expect(rateLimits.length).toBeGreaterThanOrEqual(1)
  })

  it('surfaces a scripted 403 as a DiscordAPIError with code 50001 Missing Access', async () => {
    const { fake, client } = await connect()
    fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 403, code: 50001 })

    const error = await textChannel(client, fake)
      .send('nope')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DiscordAPIError)
    expect(error).toMatchObject({ status: 403, code: 50001, message: 'Missing Access' })
  })

  it('rejects a message over 2000 characters with 50035 Invalid Form Body, as Discord does', async () => {
    const { fake, client } = await connect()

    const error = await textChannel(client, fake)
      .send('x'.repeat(2001))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 400, code: 50035 })
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    })
  })

  it('starts a thread on a message and accepts messages in it', async () => {
    const { fake, client } = await connect()
    const received = nextEvent(client, Events.MessageCreate, (m) => !m.author.bot)
    fake.messageCreate({ content: `${fake.botMention} long question` })
    const [message] = await received

    const thread = await message.startThread({ name: 'Answer' })
    const inThread = await thread.send('The long answer.')

    expect(thread.id).toBe(message.id)
    expect(fake.requestsTo('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/)[0]?.body).toMatchObject({
      name: 'Answer',
    })
    expect(inThread.channelId).toBe(thread.id)
  })

  it('records a REST PUT of guild application commands and echoes them with ids', async () => {
    fake = await startFakeDiscord()
    const ask = new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask the documents a question')
      .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true))
      .toJSON()
    const rest = new REST({ api: fake.apiBase }).setToken(TOKEN)

    const result = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), {
      body: [ask],
    })) as { id: string; name: string; application_id: string; guild_id: string }[]

    const [put] = fake.requestsTo('PUT', /^\/applications\/\d+\/guilds\/\d+\/commands$/)
    expect(put?.body).toEqual([ask])
    expect(put?.headers.authorization).toBe(`Bot ${TOKEN}`)
    expect(result).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^\d{17,20}$/),
        name: 'ask',
        application_id: fake.applicationId,
        guild_id: fake.guildId,
      }),
    ])
    expect(fake.commands.guild.map((c) => c.name)).toEqual(['ask'])
  })

  it("answers the bot's own user at /users/@me", async () => {
    fake = await startFakeDiscord()
    const rest = new REST({ api: fake.apiBase }).setToken(TOKEN)

    expect(await rest.get(Routes.user())).toMatchObject({ id: fake.botUser.id, bot: true })
  })

  it('answers REST calls without a bot token with 401', async () => {
    fake = await startFakeDiscord({ token: TOKEN })
    const rest = new REST({ api: fake.apiBase }).setToken('wrong-token')

    await expect(rest.get(Routes.user())).rejects.toMatchObject({ status: 401 })
  })

  it('answers unknown routes with 404 and lists them as unhandled', async () => {
    fake = await startFakeDiscord()
    const rest = new REST({ api: fake.apiBase }).setToken(TOKEN)

    await expect(rest.get('/guilds/123456789012345678/audit-logs')).rejects.toMatchObject({ status: 404 })
    expect(fake.unhandledRequests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /guilds/123456789012345678/audit-logs',
    ])
  })

  it('lets the client resume after the gateway drops the connection, and events keep flowing', async () => {
    const { fake, client } = await connect()

    const resumed = nextEvent(client, Events.ShardResume)
    fake.disconnectGateway(4000)
    const resume = await fake.waitForGateway((p) => p.op === 6)
    expect(resume.d).toMatchObject({ token: TOKEN, session_id: expect.any(String) })
    await resumed

    const received = nextEvent(client, Events.MessageCreate)
    fake.messageCreate({ content: `${fake.botMention} still there?` })
    const [message] = await received
    expect((message as Message).content).toBe(`${fake.botMention} still there?`)
    expect(fake.identifies).toHaveLength(1)
  })
})
