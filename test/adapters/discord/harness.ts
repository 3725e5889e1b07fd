import type { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIApplicationCommandInteractionDataOption, APIMessage } from 'discord.js'
import { createDiscordBot, type DiscordBot } from '../../../src/adapters/discord/index.js'
import { Engine } from '../../../src/answer/engine.js'
import { loadKnowledge } from '../../../src/build/load.js'
import { storeConversations } from '../../../src/chat/conversations.js'
import { ChatService, type DigestHandler } from '../../../src/chat/service.js'
import { createLogger } from '../../../src/logger.js'
import { openStore, type Store } from '../../../src/store/index.js'
import {
  type FakeDiscord,
  type FakeDiscordOptions,
  type RecordedRequest,
  startFakeDiscord,
} from '../../fakes/discord.js'

let engine: Engine | undefined

/** The real engine on the committed index and seeds, loaded once per test file. */
export function seedEngine(): Engine {
  engine ??= new Engine(loadKnowledge().knowledge)
  return engine
}

/** A fake Discord with citebot logged in to it, on a real SQLite file. */
export interface Running {
  fake: FakeDiscord
  bot: DiscordBot
  store: Store
  /** The SQLite file (to read back what was stored). */
  databasePath: string
  /** What the bot logged at warn level and above, parsed. */
  readonly logs: { level: number; msg: string; [key: string]: unknown }[]
  close(): Promise<void>
}

/** Starts a fake Discord and the real bot (real discord.js client, engine, chat service and store). */
export async function startBot(
  options: { fake?: FakeDiscordOptions; digest?: DigestHandler; deferAfterMs?: number } = {},
): Promise<Running> {
  const fake = await startFakeDiscord(options.fake)
  const raw: string[] = []
  const dir = mkdtempSync(join(tmpdir(), 'citebot-discord-'))
  const databasePath = join(dir, 'citebot.db')
  const store = await openStore(databasePath)
  const service = new ChatService({
    engine: seedEngine(),
    store,
    conversations: storeConversations(store),
    ...(options.digest ? { digest: options.digest } : {}),
  })
  const bot = createDiscordBot({
    config: {
      token: 'fake-token',
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      apiUrl: fake.apiBase,
    },
    service,
    logger: createLogger('warn', { write: (line: string) => void raw.push(line) }),
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  })
  await bot.start()
  return {
    fake,
    bot,
    store,
    databasePath,
    get logs() {
      return raw.map((line) => JSON.parse(line) as Running['logs'][number])
    },
    async close() {
      await bot.stop()
      await fake.close()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The message body a request carries, when it sends or edits a message. */
export function messageBody(r: RecordedRequest): Record<string, unknown> | undefined {
  const body = (r.body ?? {}) as Record<string, unknown>
  if (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)) return body
  if (r.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(r.path)) return body
  if (/^\/webhooks\/\d+\/[^/]+(\/messages\/.+)?$/.test(r.path) && r.method !== 'GET' && r.method !== 'DELETE')
    return body
  if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) {
    const type = body.type
    // 4: a message, 7: an update of the message; 5 and 6 are placeholders without content.
    if (type === 4 || type === 7) return (body.data ?? {}) as Record<string, unknown>
  }
  return undefined
}

/** Every message the bot sent or edited, as request bodies, oldest first. */
export function sentMessages(fake: FakeDiscord): Record<string, unknown>[] {
  return fake.requests.map(messageBody).filter((b): b is Record<string, unknown> => b !== undefined)
}

/** The bot's messages the fake stored (created or edited), oldest first. */
export function botMessages(fake: FakeDiscord): APIMessage[] {
  return [...fake.messages.values()].filter((m) => m.author.id === fake.botUser.id)
}

/** The message the bot posted in answer to interaction `id` (its `@original`). */
export function responseTo(fake: FakeDiscord, id: string): APIMessage | undefined {
  return [...fake.messages.values()].find((m) => m.interaction_metadata?.id === id)
}

/**
 * The fake dispatches only flat command options; this rewrites the next INTERACTION_CREATE before discord.js
 * reads it (its `raw` event gets the same object) into a subcommand with options, and optionally sets the
 * member's permissions.
 */
export function nextInteractionAs(
  running: Running,
  sub: string,
  options: APIApplicationCommandInteractionDataOption[] = [],
  permissions?: string,
): void {
  const client = running.bot.client as unknown as EventEmitter
  const rewrite = (packet: { t?: string; d?: Record<string, unknown> }) => {
    if (packet.t !== 'INTERACTION_CREATE' || !packet.d) return
    client.off('raw', rewrite)
    const data = packet.d.data as { options?: unknown[] }
    data.options = [{ type: 1, name: sub, options }]
    if (permissions !== undefined) (packet.d.member as { permissions: string }).permissions = permissions
  }
  client.on('raw', rewrite)
}

/** Resolves after `ms`. */
export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Fails unless every message the bot sent or edited carried `allowed_mentions: { parse: [] }`; then closes.
 * For `afterEach`, so that every test checks it.
 */
export async function checkAndClose(running: Running | undefined): Promise<void> {
  if (running === undefined) return
  try {
    for (const body of sentMessages(running.fake)) {
      if (JSON.stringify(body.allowed_mentions) !== '{"parse":[]}') {
        throw new Error(
          `a message without allowed_mentions { parse: [] }: ${JSON.stringify(body).slice(0, 300)}`,
        )
      }
    }
  } finally {
    await running.close()
  }
}

/** Waits for the bot's reply to message `id` (the message the fake returned for it). */
export async function replyTo(r: Running, id: string): Promise<APIMessage> {
  const post = await r.fake.waitFor(
    (q) =>
      q.method === 'POST' &&
      q.status === 200 &&
      (q.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === id,
  )
  return post.response as APIMessage
}

/**
 * Like {@link replyTo}, then waits until the bot has noted which message showed the answer (it does so just
 * after Discord returns the message): a person replies later than that, a test must wait for it.
 */
export async function answerTo(r: Running, id: string): Promise<APIMessage> {
  const reply = await replyTo(r, id)
  for (let i = 0; i < 200 && (await r.store.turnByMessage('discord', reply.id, new Date())) === null; i++)
    await delay(10)
  return reply
}
