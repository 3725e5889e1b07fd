/**
 * A fake Discord on 127.0.0.1 for tests that drive the real discord.js client: REST under `/api/v10` and a
 * JSON gateway on the same port. Point a client at it with
 * `new Client({ intents, rest: { api: fake.apiBase } })`: discord.js asks `GET /api/v10/gateway/bot` for the
 * gateway URL, so the WebSocket comes here too.
 *
 * Like Discord, it checks what bots often get wrong: the 3-second deadline of an interaction's first
 * response, double acknowledgement (40060), message limits (2000 characters, embed limits; 50035) and empty
 * messages (50006), replies to unknown messages, the MessageContent intent; and it echoes the bot's own
 * messages back as MESSAGE_CREATE/UPDATE.
 *
 * Not modelled: DMs, more than one guild, sharding, zlib/etf transport (discord.js uses neither unless
 * `zlib-sync`/`erlpack` are installed), rate limits other than scripted ones, replay of missed events on
 * RESUME (RESUMED is sent at once), permissions beyond a fixed @everyone set.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type {
  APIApplicationCommand,
  APIInteraction,
  APIMessage,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  GatewayIdentifyData,
} from 'discord.js'
import {
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayIntentBits,
  InteractionType,
} from 'discord.js'
import { WebSocketServer } from 'ws'
import {
  FakeGateway,
  type GatewayConnection,
  type GatewaySession,
  hasIntent,
  type ReceivedGatewayPacket,
} from './discord-gateway.js'
import { interactionToken, nextSnowflake, snowflakeAt } from './discord-ids.js'
import {
  type CommandOptionInput,
  type FakeWorld,
  makeButtonInteraction,
  makeCommandInteraction,
  makeGuildCreate,
  makeMessage,
  makeMessageCreate,
  makeTextChannel,
  makeThread,
  makeUser,
} from './discord-payloads.js'
import {
  ERROR_MESSAGES,
  findRoute,
  type InteractionRecord,
  type RecordedFile,
  type RestContext,
  type RestReply,
  type RestRequest,
} from './discord-rest.js'

export type { GatewayConnection, ReceivedGatewayPacket } from './discord-gateway.js'
export type { CommandOptionInput, FakeWorld } from './discord-payloads.js'
export type { RecordedFile } from './discord-rest.js'

/** Options of {@link startFakeDiscord}. */
export interface FakeDiscordOptions {
  /** When set, only this bot token is accepted (REST 401, gateway close 4004 otherwise); default: any. */
  token?: string
  /** heartbeat_interval sent in HELLO (default 41250, like Discord; ACKs are immediate anyway). */
  heartbeatIntervalMs?: number
  /** ms after dispatch within which an interaction must get its first callback (default 3000, like Discord). */
  interactionDeadlineMs?: number
  /** The bot's username (default "citebot"). */
  botName?: string
  /** The guild's name (default "Fake Guild"). */
  guildName?: string
  /**
   * Withhold content, embeds, attachments and components of MESSAGE_CREATE from sessions without the
   * privileged MessageContent intent, unless the message mentions the bot or is the bot's own — as Discord
   * does (default true).
   */
  enforceMessageContentIntent?: boolean
}

/** One REST request the fake received, and how it answered. */
export interface RecordedRequest {
  method: string
  /** Route under `/api/vN`, without the query: `/channels/123/messages`. */
  path: string
  /** The raw request target, e.g. `/api/v10/interactions/1/tok/callback?with_response=false`. */
  url: string
  /** The API version from the URL (10 for discord.js 14), undefined outside `/api/vN`. */
  version: number | undefined
  query: Record<string, string>
  /** Parsed JSON body, or the `payload_json` part of a multipart body; undefined when empty. */
  body: unknown
  /** File parts of a multipart body. */
  files: RecordedFile[]
  /** Lower-cased header names. */
  headers: Record<string, string>
  /** Date.now() when the request arrived. */
  at: number
  /** The status the fake answered. */
  status: number
  /** The JSON the fake answered (undefined for 204). */
  response: unknown
  /** No route matched: answered 404 `{ message: 'Unknown', code: 0 }`. */
  unhandled: boolean
  /** Answered by a {@link FakeDiscord.failNext} failure instead of the route. */
  injected: boolean
}

/** A scripted failure for {@link FakeDiscord.failNext}. */
export interface Failure {
  /** HTTP status: 429 for a rate limit, 403/404/500/... otherwise. */
  status: number
  /** For 429: seconds to wait (`Retry-After` header and `retry_after`); default 1. */
  retryAfter?: number
  /** For 429: a global rate limit (`X-RateLimit-Global`) rather than a per-route one. */
  global?: boolean
  /** Discord's JSON error code, e.g. 50001 Missing Access, 50013 Missing Permissions (default 0). */
  code?: number
  /** Field errors, as in a 400 Invalid Form Body (`{ 0: { name: { _errors: [{ code, message }] } } }`). */
  errors?: object
  /** The error message (default: Discord's message for `code`). */
  message?: string
  /** How many matching requests fail (default 1). */
  times?: number
}

/** Input of {@link FakeDiscord.messageCreate}. */
export interface MessageCreateInput {
  content: string
  /** Default: the guild's text channel. */
  channelId?: string
  /** Default: the fake's human user. Fields given override theirs; a new id makes a new user. */
  author?: Partial<APIUser>
  /**
   * Whether the bot is in `mentions`. Default: the content contains `<@botId>`, or the message replies to
   * one of the bot's messages (a reply pings its author).
   */
  mentionsBot?: boolean
  /** Default: a fresh snowflake. */
  messageId?: string
  /** Make it a reply (type 19) to this stored message. */
  replyToMessageId?: string
}

/** Input of {@link FakeDiscord.interactionCreate}. */
export type InteractionCreateInput =
  | {
      type: 'command'
      /** The chat-input command's name; its id is taken from the registered commands when there. */
      name: string
      options?: CommandOptionInput[]
      channelId?: string
      user?: Partial<APIUser>
    }
  | {
      type: 'button'
      customId: string
      /** The stored message carrying the button; default: a new bot message with that one button. */
      messageId?: string
      channelId?: string
      user?: Partial<APIUser>
    }

/** What {@link FakeDiscord.interactionCreate} dispatched: enough to find its callback and webhook requests. */
export interface DispatchedInteraction {
  id: string
  token: string
  applicationId: string
  channelId: string
  /** The INTERACTION_CREATE `d` as sent. */
  payload: APIInteraction
}

interface Waiter<T> {
  matches: (item: T) => boolean
  resolve: (item: T) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
}

interface PendingFailure {
  method: string
  path: RegExp
  failure: Failure
  left: number
}

const BASE_TIME = Date.UTC(2024, 0, 1)

/**
 * Starts a fake Discord on 127.0.0.1 with an OS-assigned port: one guild ("Fake Guild") with a text channel
 * ("general"), the bot user and one human user. Call {@link FakeDiscord.close} when done.
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  return new FakeDiscord(server, options)
}

/** The running fake; see {@link startFakeDiscord}. */
export class FakeDiscord {
  /** The port it listens on (127.0.0.1). */
  readonly port: number
  /** What to pass as `rest.api` to discord.js / @discordjs/rest: `http://127.0.0.1:PORT/api`. */
  readonly apiBase: string
  /** The gateway URL served by `GET /gateway/bot`: `ws://127.0.0.1:PORT`. */
  readonly gatewayUrl: string
  /** The bot user (its id is also the application id). */
  readonly botUser: APIUser
  readonly applicationId: string
  /** The default human author of messages and interactions. */
  readonly user: APIUser
  readonly guildId: string
  /** The guild's text channel "general". */
  readonly textChannelId: string
  /** `<@botId>`, to put in message content. */
  readonly botMention: string

  readonly #server: Server
  readonly #wss: WebSocketServer
  readonly #gateway: FakeGateway
  readonly #world: FakeWorld
  readonly #ctx: RestContext
  readonly #enforceContentIntent: boolean
  readonly #token: string | undefined
  readonly #requests: RecordedRequest[] = []
  readonly #failures: PendingFailure[] = []
  readonly #waiters = new Set<Waiter<RecordedRequest>>()
  readonly #commandIds = new Map<string, string>()

  /** Use {@link startFakeDiscord}. */
  constructor(server: Server, options: FakeDiscordOptions) {
    this.#server = server
    this.port = (server.address() as AddressInfo).port
    this.apiBase = `http://127.0.0.1:${this.port}/api`
    this.gatewayUrl = `ws://127.0.0.1:${this.port}`
    this.#token = options.token
    this.#enforceContentIntent = options.enforceMessageContentIntent ?? true

    const botId = snowflakeAt(BASE_TIME, 1)
    this.#world = {
      botUser: makeUser(botId, options.botName ?? 'citebot', true),
      applicationId: botId,
      user: makeUser(snowflakeAt(BASE_TIME, 4), 'reader'),
      guildId: snowflakeAt(BASE_TIME, 2),
      guildName: options.guildName ?? 'Fake Guild',
      textChannelId: snowflakeAt(BASE_TIME, 3),
      joinedAt: new Date(BASE_TIME + 86_400_000).toISOString(),
    }
    this.botUser = this.#world.botUser
    this.applicationId = this.#world.applicationId
    this.user = this.#world.user
    this.guildId = this.#world.guildId
    this.textChannelId = this.#world.textChannelId
    this.botMention = `<@${botId}>`

    const channels = new Map<string, APITextChannel | APIThreadChannel>([
      [this.textChannelId, makeTextChannel(this.textChannelId, this.guildId, 'general', 0)],
    ])
    this.#ctx = {
      world: this.#world,
      channels,
      messages: new Map(),
      interactions: new Map(),
      globalCommands: [],
      guildCommands: new Map(),
      gatewayUrl: this.gatewayUrl,
      interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
      echoMessage: (t, message) => {
        this.#gateway.broadcast(t, (session) => this.#messageFor(session, message))
      },
      echoThread: (thread) => {
        this.#gateway.broadcast('THREAD_CREATE', (session) =>
          hasIntent(session, GatewayIntentBits.Guilds) ? { ...thread, newly_created: true } : undefined,
        )
      },
    }

    this.#wss = new WebSocketServer({ server })
    this.#gateway = new FakeGateway(this.#wss, {
      world: this.#world,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      token: options.token,
      url: () => this.gatewayUrl,
      guildCreate: () => {
        const all = [...channels.values()]
        const text = all.filter((c): c is APITextChannel => c.type === ChannelType.GuildText)
        const threads = all.filter((c): c is APIThreadChannel => c.type !== ChannelType.GuildText)
        return makeGuildCreate(this.#world, text, threads)
      },
    })
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void this.#onRequest(req, res)
    })
  }

  // ------------------------------------------------------------------------------------------------------
  // What was received

  /** Every REST request, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests
  }

  /** REST requests with this method (case-insensitive) whose path (under /api/vN, no query) matches. */
  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    const m = method.toUpperCase()
    return this.#requests.filter((r) => r.method === m && path.test(r.path))
  }

  /** REST requests no route answered (404 `{ message: 'Unknown', code: 0 }`). */
  get unhandledRequests(): RecordedRequest[] {
    return this.#requests.filter((r) => r.unhandled)
  }

  /** The IDENTIFY payloads received (token, intents, properties, shard, ...). */
  get identifies(): GatewayIdentifyData[] {
    return this.#gateway.received.filter((p) => p.op === 2).map((p) => p.d as GatewayIdentifyData)
  }

  /** Every packet clients sent to the gateway, oldest first. */
  get gatewayPackets(): readonly ReceivedGatewayPacket[] {
    return this.#gateway.received
  }

  /** Every gateway connection with its query (`v`, `encoding`, `compress`). */
  get gatewayConnections(): readonly GatewayConnection[] {
    return this.#gateway.connections
  }

  /** Messages the fake knows: sent by tests (messageCreate) and created by the bot. */
  get messages(): ReadonlyMap<string, APIMessage> {
    return this.#ctx.messages
  }

  /** Application commands registered with `PUT .../commands`, global and per guild. */
  get commands(): { global: readonly APIApplicationCommand[]; guild: readonly APIApplicationCommand[] } {
    return { global: this.#ctx.globalCommands, guild: this.#ctx.guildCommands.get(this.guildId) ?? [] }
  }

  /** Channels of the guild, including threads the bot created. */
  get channels(): ReadonlyMap<string, APITextChannel | APIThreadChannel> {
    return this.#ctx.channels
  }

  /**
   * ms from dispatching interaction `interactionId` to the first `POST /interactions/:id/:token/callback`
   * for it (whatever its answer); undefined if there was none.
   */
  firstResponseMs(interactionId: string): number | undefined {
    const interaction = this.#ctx.interactions.get(interactionId)
    const prefix = `/interactions/${interactionId}/`
    const first = this.#requests.find((r) => r.method === 'POST' && r.path.startsWith(prefix))
    return interaction && first ? first.at - interaction.dispatchedAt : undefined
  }

  /**
   * Resolves with the first recorded request (already received or still to come) that matches; rejects after
   * `timeoutMs` listing what was received.
   */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.#requests.find(predicate)
    if (found) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const waiter: Waiter<RecordedRequest> = {
        matches: predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter)
          reject(
            new Error(`fake Discord: no matching request within ${timeoutMs} ms; got:\n${this.#summary()}`),
          )
        }, timeoutMs),
      }
      this.#waiters.add(waiter)
    })
  }

  /** {@link waitFor} a request with this method and path; by default one that got a 2xx answer. */
  waitForRequest(method: string, path: RegExp, options: { timeoutMs?: number; ok?: boolean } = {}) {
    const m = method.toUpperCase()
    const wantOk = options.ok ?? true
    return this.waitFor(
      (r) => r.method === m && path.test(r.path) && (!wantOk || (r.status >= 200 && r.status < 300)),
      options.timeoutMs,
    )
  }

  /** Resolves with the first packet clients sent to the gateway (so far or later) that matches. */
  waitForGateway(
    predicate: (packet: ReceivedGatewayPacket) => boolean,
    timeoutMs = 5000,
  ): Promise<ReceivedGatewayPacket> {
    const found = this.#gateway.received.find(predicate)
    if (found) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const stop = this.#gateway.onPacket(() => {
        const packet = this.#gateway.received.find(predicate)
        if (packet === undefined) return
        stop()
        clearTimeout(timer)
        resolve(packet)
      })
      const timer = setTimeout(() => {
        stop()
        const ops = this.#gateway.received.map((p) => p.op).join(', ')
        reject(new Error(`fake Discord: no matching gateway packet within ${timeoutMs} ms; ops: [${ops}]`))
      }, timeoutMs)
    })
  }

  // ------------------------------------------------------------------------------------------------------
  // Scripting

  /**
   * Makes the next matching REST request(s) fail. Path is tested against the route under /api/vN.
   * 429 answers `{ message: 'You are being rate limited.', retry_after, global }` with `Retry-After` and the
   * X-RateLimit-* headers, so @discordjs/rest waits and retries; other statuses answer `{ message, code }`.
   */
  failNext(method: string, path: RegExp, failure: Failure): void {
    this.#failures.push({ method: method.toUpperCase(), path, failure, left: failure.times ?? 1 })
  }

  /** Sends dispatch `t` with data `d` as is to every connected session; throws if none is connected. */
  dispatch(t: string, d: unknown): number {
    this.#requireSession()
    return this.#gateway.broadcast(t, () => d)
  }

  /**
   * Sends a gateway frame as it is (text that need not be JSON, a dispatch without its data, an unknown opcode),
   * as a broken or hostile gateway could; throws if no session is connected. Returns how many sessions got it.
   */
  sendGatewayFrame(frame: string): number {
    this.#requireSession()
    return this.#gateway.sendRaw(frame)
  }

  /**
   * A person starts a public thread under the text channel: the fake stores it and dispatches THREAD_CREATE (to
   * sessions with the Guilds intent), so that messages can then be sent in it. Returns the thread's id.
   */
  createThread(name = 'a thread'): string {
    this.#requireSession()
    const parent = { id: this.textChannelId, guildId: this.guildId }
    const thread = makeThread(nextSnowflake(), parent, name, this.#person(undefined).id, 1440)
    this.#ctx.channels.set(thread.id, thread)
    this.#ctx.echoThread(thread)
    return thread.id
  }

  /**
   * Dispatches MESSAGE_CREATE for a message from a human in the guild and stores it (so the bot can reply to
   * it). Sessions without GuildMessages get nothing; without MessageContent, an unmentioned message arrives
   * with empty content (see {@link FakeDiscordOptions.enforceMessageContentIntent}). Returns the full message.
   */
  messageCreate(input: MessageCreateInput): APIMessage {
    this.#requireSession()
    const channel = this.#channel(input.channelId)
    const author = this.#person(input.author)
    let replyTo: APIMessage | undefined
    if (input.replyToMessageId !== undefined) {
      replyTo = this.#ctx.messages.get(input.replyToMessageId)
      if (replyTo === undefined)
        throw new Error(`fake Discord: no message ${input.replyToMessageId} to reply to`)
    }
    const mentioned = new RegExp(`<@!?${this.botUser.id}>`).test(input.content)
    const mentionsBot = input.mentionsBot ?? (mentioned || replyTo?.author.id === this.botUser.id)
    const message = makeMessage({
      id: input.messageId ?? nextSnowflake(),
      channelId: channel.id,
      author,
      content: input.content,
      mentions: mentionsBot ? [this.botUser] : [],
      ...(replyTo === undefined ? {} : { replyTo, guildId: this.guildId }),
    })
    this.#ctx.messages.set(message.id, message)
    channel.last_message_id = message.id
    this.#gateway.broadcast('MESSAGE_CREATE', (session) => this.#messageFor(session, message))
    return message
  }

  /**
   * Dispatches INTERACTION_CREATE for a chat-input command or a button click in the guild, and starts its
   * clock for {@link firstResponseMs} and the 3-second deadline.
   */
  interactionCreate(input: InteractionCreateInput): DispatchedInteraction {
    this.#requireSession()
    const channel = this.#channel(input.channelId)
    const user = this.#person(input.user)
    const place = { id: nextSnowflake(), token: interactionToken(), channel, user }
    const record: InteractionRecord = {
      id: place.id,
      token: place.token,
      type: input.type === 'command' ? InteractionType.ApplicationCommand : InteractionType.MessageComponent,
      channelId: channel.id,
      user,
      dispatchedAt: 0,
    }
    let payload: APIInteraction
    if (input.type === 'command') {
      const command = { id: this.#commandId(input.name), name: input.name, options: input.options ?? [] }
      payload = makeCommandInteraction(this.#world, place, command)
      record.name = input.name
    } else {
      const message = this.#buttonMessage(channel.id, input.customId, input.messageId)
      payload = makeButtonInteraction(this.#world, place, input.customId, message)
      record.componentMessageId = message.id
    }
    this.#ctx.interactions.set(record.id, record)
    record.dispatchedAt = Date.now()
    this.#gateway.broadcast('INTERACTION_CREATE', () => payload)
    return {
      id: record.id,
      token: record.token,
      applicationId: this.applicationId,
      channelId: channel.id,
      payload,
    }
  }

  /** Closes every gateway socket with `code` (default 4000, after which discord.js RESUMEs). */
  disconnectGateway(code?: number): void {
    this.#gateway.disconnect(code)
  }

  /** Stops everything: sockets, the HTTP server, pending waits. */
  async close(): Promise<void> {
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer)
      waiter.reject(new Error('fake Discord closed'))
    }
    this.#waiters.clear()
    for (const client of this.#wss.clients) client.terminate()
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()))
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  // ------------------------------------------------------------------------------------------------------
  // Internals

  #requireSession(): void {
    if (!this.#gateway.sessions.some((s) => s.socket !== null)) {
      throw new Error('fake Discord: no gateway session is connected (did the client log in and get ready?)')
    }
  }

  #channel(id: string | undefined): APITextChannel | APIThreadChannel {
    const channel = this.#ctx.channels.get(id ?? this.textChannelId)
    if (channel === undefined) throw new Error(`fake Discord: no channel ${id}`)
    return channel
  }

  #person(partial: Partial<APIUser> | undefined): APIUser {
    if (partial === undefined) return this.user
    const base =
      partial.id === undefined || partial.id === this.user.id ? this.user : makeUser(partial.id, 'someone')
    return { ...base, ...partial }
  }

  #commandId(name: string): string {
    const registered = [
      ...(this.#ctx.guildCommands.get(this.guildId) ?? []),
      ...this.#ctx.globalCommands,
    ].find((c) => c.name === name && c.type === ApplicationCommandType.ChatInput)
    if (registered) return registered.id
    let id = this.#commandIds.get(name)
    if (id === undefined) {
      id = nextSnowflake()
      this.#commandIds.set(name, id)
    }
    return id
  }

  #buttonMessage(channelId: string, customId: string, messageId: string | undefined): APIMessage {
    if (messageId !== undefined) {
      const message = this.#ctx.messages.get(messageId)
      if (message === undefined) throw new Error(`fake Discord: no message ${messageId} carrying the button`)
      return message
    }
    const message = makeMessage({
      id: nextSnowflake(),
      channelId,
      author: this.botUser,
      content: 'A message with a button',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Primary, label: customId, custom_id: customId },
          ],
        },
      ],
    })
    this.#ctx.messages.set(message.id, message)
    return message
  }

  /** MESSAGE_CREATE/UPDATE `d` for one session, or undefined when its intents keep the event away. */
  #messageFor(session: GatewaySession, message: APIMessage): unknown {
    if (!hasIntent(session, GatewayIntentBits.GuildMessages)) return undefined
    const channelType = this.#ctx.channels.get(message.channel_id)?.type ?? ChannelType.GuildText
    const payload = makeMessageCreate(this.#world, message, message.author, channelType)
    const botId = this.botUser.id
    const visible =
      !this.#enforceContentIntent ||
      hasIntent(session, GatewayIntentBits.MessageContent) ||
      message.author.id === botId ||
      message.mentions.some((u) => u.id === botId)
    return visible ? payload : { ...payload, content: '', embeds: [], attachments: [], components: [] }
  }

  #summary(): string {
    return this.#requests.map((r) => `  ${r.method} ${r.path} → ${r.status}`).join('\n') || '  (nothing)'
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.#handleRequest(req, res)
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `fake Discord crashed: ${String(error)}`, code: 0 }))
    }
  }

  async #handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now()
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    const target = new URL(req.url ?? '/', 'http://127.0.0.1')
    // discord.js sends `@original` as `%40original`; Discord accepts both, routes here see decoded segments.
    const pathname = target.pathname.split('/').map(decodeSegment).join('/')
    const versioned = /^\/api\/v(\d+)(\/.*)?$/.exec(pathname)
    const method = (req.method ?? 'GET').toUpperCase()
    const { body, files } = await parseBody(Buffer.concat(chunks), headers['content-type'])
    const request: RestRequest = {
      method,
      path: versioned ? (versioned[2] ?? '/') : pathname,
      query: Object.fromEntries(target.searchParams),
      body,
      files,
      headers,
      at,
    }
    const { reply, unhandled, injected } = this.#answer(request, versioned !== null)
    const recorded: RecordedRequest = {
      ...request,
      url: req.url ?? '/',
      version: versioned ? Number(versioned[1]) : undefined,
      status: reply.status,
      response: reply.body,
      unhandled,
      injected,
    }
    this.#requests.push(recorded)
    for (const waiter of this.#waiters) {
      if (!waiter.matches(recorded)) continue
      this.#waiters.delete(waiter)
      clearTimeout(waiter.timer)
      waiter.resolve(recorded)
    }
    const outHeaders: Record<string, string> = { ...reply.headers }
    if (reply.body !== undefined) outHeaders['content-type'] = 'application/json'
    res.writeHead(reply.status, outHeaders)
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body))
  }

  #answer(
    request: RestRequest,
    versioned: boolean,
  ): { reply: RestReply; unhandled: boolean; injected: boolean } {
    const found = versioned ? findRoute(request.method, request.path) : undefined
    const bucket = createHash('sha1')
      .update(`${request.method} ${found?.route.pattern.source ?? request.path}`)
      .digest('hex')
      .slice(0, 32)
    const failure = this.#takeFailure(request)
    if (failure) return { reply: failureReply(failure, bucket), unhandled: false, injected: true }
    if (found === undefined) {
      return {
        reply: { status: 404, body: { message: 'Unknown', code: 0 } },
        unhandled: true,
        injected: false,
      }
    }
    if (found.route.auth && !this.#authorized(request.headers.authorization)) {
      return {
        reply: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
        unhandled: false,
        injected: false,
      }
    }
    let reply: RestReply
    try {
      reply = found.route.handle(this.#ctx, request, found.params)
    } catch (error) {
      reply = { status: 500, body: { message: `fake Discord crashed: ${String(error)}`, code: 0 } }
    }
    const resetAfter = 5
    reply.headers = {
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '4',
      'x-ratelimit-reset': String((Date.now() + resetAfter * 1000) / 1000),
      'x-ratelimit-reset-after': String(resetAfter),
      'x-ratelimit-bucket': bucket,
      ...reply.headers,
    }
    return { reply, unhandled: false, injected: false }
  }

  #takeFailure(request: RestRequest): Failure | undefined {
    const index = this.#failures.findIndex((f) => f.method === request.method && f.path.test(request.path))
    const pending = this.#failures[index]
    if (pending === undefined) return undefined
    pending.left -= 1
    if (pending.left <= 0) this.#failures.splice(index, 1)
    return pending.failure
  }

  #authorized(authorization: string | undefined): boolean {
    const match = /^Bot (.+)$/.exec(authorization ?? '')
    if (!match) return false
    return this.#token === undefined || match[1] === this.#token
  }
}

/** The answer for a scripted failure; a 429 carries what @discordjs/rest reads to wait and retry. */
function failureReply(failure: Failure, bucket: string): RestReply {
  if (failure.status !== 429) {
    const code = failure.code ?? 0
    return {
      status: failure.status,
      body: {
        message: failure.message ?? ERROR_MESSAGES[code] ?? 'Unknown',
        code,
        ...(failure.errors === undefined ? {} : { errors: failure.errors }),
      },
    }
  }
  const retryAfter = failure.retryAfter ?? 1
  const global = failure.global ?? false
  const headers: Record<string, string> = {
    // Discord rounds the header up to whole seconds; the fake sends the number given, to allow short waits.
    'retry-after': String(retryAfter),
    'x-ratelimit-scope': global ? 'global' : 'user',
  }
  if (global) headers['x-ratelimit-global'] = 'true'
  else {
    Object.assign(headers, {
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String((Date.now() + retryAfter * 1000) / 1000),
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': bucket,
    })
  }
  return {
    status: 429,
    headers,
    body: { message: failure.message ?? 'You are being rate limited.', retry_after: retryAfter, global },
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** JSON, multipart (`payload_json` + files) or text body of a request. */
async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] }
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType },
    }).formData()
    let payload: unknown
    const fields: Record<string, string> = {}
    const files: RecordedFile[] = []
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') payload = JSON.parse(value)
        else fields[field] = value
      } else {
        const bytes = Buffer.from(await value.arrayBuffer())
        files.push({ field, name: value.name, size: value.size, contentType: value.type, bytes })
      }
    }
    return { body: payload ?? fields, files }
  }
  const text = raw.toString('utf8')
  try {
    return { body: JSON.parse(text), files: [] }
  } catch {
    return { body: text, files: [] }
  }
}
