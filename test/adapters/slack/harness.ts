import { createSlackBot, type SlackBot } from '../../../src/adapters/slack/index.js'
import { storeConversations } from '../../../src/chat/conversations.js'
import { ChatService, type DigestHandler } from '../../../src/chat/service.js'
import type { Config } from '../../../src/config.js'
import { createLogger } from '../../../src/logger.js'
import { mentionTokens } from '../../../src/render/slack-blocks.js'
import { openStore, type Store } from '../../../src/store/index.js'
import {
  type EventOptions,
  eventCallback,
  FAKE_IDS,
  type FakeCall,
  type FakeSlack,
  nextTs,
} from '../../fakes/slack.js'
import { seedEngine } from '../../helpers/built.js'

export const SECRET = 'test-signing-secret'

/** One JSON line the application logger wrote. */
export type LogLine = Record<string, unknown> & { level: number; msg: string }

/** A started bot on the fake, with what the tests look at. */
export interface Harness {
  bot: SlackBot
  store: Store
  /** Everything the application logger wrote, parsed. */
  logs: LogLine[]
  /** The raw log text (to check that no token leaks). */
  rawLogs: () => string
  /** The HTTP events URL (HTTP mode only). */
  url: string
  stop(): Promise<void>
}

/** Options of {@link startBot}. */
export interface StartOptions {
  mode: 'socket' | 'http'
  digest?: DigestHandler
  /** The API URL given to the bot; default `fake.apiUrl`. */
  apiUrl?: string
  /** The app token (Socket Mode); default `xapp-test-token`. */
  appToken?: string
  /** The SQLite database; default `:memory:` (a file lets a test restart the bot on the same store). */
  databasePath?: string
}

/** Starts the real bot (real Bolt, real engine on the seeds, SQLite in memory) against the fake. */
export async function startBot(fake: FakeSlack, options: StartOptions): Promise<Harness> {
  const raw: string[] = []
  const logger = createLogger('debug', { write: (line: string) => void raw.push(line) })
  const store = await openStore(options.databasePath ?? ':memory:')
  const service = new ChatService({
    engine: seedEngine(),
    store,
    conversations: storeConversations(store),
    ...(options.digest ? { digest: options.digest } : {}),
  })
  const config: NonNullable<Config['slack']> = {
    botToken: 'xoxb-test-token',
    appToken: options.mode === 'socket' ? (options.appToken ?? 'xapp-test-token') : null,
    signingSecret: options.mode === 'http' ? SECRET : null,
    apiUrl: options.apiUrl ?? fake.apiUrl,
    port: 0,
  }
  const bot = createSlackBot({ config, service, store, logger, host: '127.0.0.1' })
  try {
    await bot.start()
  } catch (error) {
    await bot.stop().catch(() => undefined)
    await store.close()
    throw error
  }
  const harness: Harness = {
    bot,
    store,
    get logs() {
      return raw.map((line) => JSON.parse(line) as LogLine)
    },
    rawLogs: () => raw.join(''),
    url: bot.port === null ? '' : `http://127.0.0.1:${bot.port}/slack/events`,
    async stop() {
      await bot.stop()
      await store.close()
    },
  }
  return harness
}

/** A `message` event in a channel (`channel_type: 'channel'`), by default from U1 in C1. */
export function channelMessageEvent(
  opts: EventOptions & { extra?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const ts = opts.ts ?? nextTs()
  return eventCallback(
    {
      type: 'message',
      channel_type: 'channel',
      user: opts.user ?? FAKE_IDS.userId,
      text: opts.text ?? 'question',
      ts,
      channel: opts.channel ?? FAKE_IDS.channelId,
      event_ts: ts,
      ...(opts.threadTs === undefined ? {} : { thread_ts: opts.threadTs }),
      ...opts.extra,
    },
    opts,
  )
}

/** Every string anywhere in a value (texts, button values, URLs). */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings)
  return []
}

/** The mention tokens in everything the bot sent to the fake (Web API calls and response_url posts). */
export function mentionTokensSent(fake: FakeSlack): string[] {
  const bodies = [
    ...fake.calls.filter((c) => c.method.startsWith('chat.')).map((c) => c.body),
    ...fake.responses.map((r) => r.body),
  ]
  return bodies.flatMap(strings).flatMap(mentionTokens)
}

/** The whole text of a posted message's blocks and fallback. */
export function shown(body: Record<string, unknown>): string {
  return strings({ text: body.text, blocks: body.blocks }).join('\n')
}

/** The value of a button under a posted message, by action id. */
export function buttonValue(body: Record<string, unknown>, actionId: string): string {
  const blocks = (body.blocks ?? []) as {
    type: string
    elements?: { action_id?: string; value?: string }[]
  }[]
  for (const b of blocks) {
    const button = b.elements?.find((e) => e.action_id === actionId)
    if (button?.value !== undefined) return button.value
  }
  throw new Error(`no ${actionId} button in ${JSON.stringify(blocks).slice(0, 200)}`)
}

/** The successful chat.postMessage calls. */
export const posts = (fake: FakeSlack): FakeCall[] => fake.callsTo('chat.postMessage', { ok: true })
