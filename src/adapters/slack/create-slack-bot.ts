import type { AddressInfo } from 'node:net'
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt'
import type { Answer } from '../../answer/types.js'
import type { ChatService } from '../../chat/service.js'
import type { Config } from '../../config.js'
import type { Digest } from '../../digest/types.js'
import type { Logger } from '../../logger.js'
import { renderDigestBlocks } from '../../render/slack-blocks.js'
import type { Store } from '../../store/index.js'
import { InFlight } from '../in-flight.js'
import { registerActions } from './actions.js'
import { boltLevelOf, boltLogger } from './bolt-logger.js'
import { BoundedCache } from './bounded-cache.js'
import { registerCommands } from './commands.js'
import { dedupeEvents } from './dedupe.js'
import type { SlackDeps } from './deps.js'
import { SLACK_API, SlackStartError, slackErrorCode } from './errors.js'
import { registerMessages } from './messages.js'
import { postMessage } from './post.js'
import { refuseSkewedRequests } from './request-age.js'
import { guardSocketFrames } from './socket-guard.js'

/**
 * How much the bot keeps in this process's memory. Handled events and answered threads are in the store (see
 * `SlackBotOptions.store`), shared by every process on its database.
 */
export interface SlackMemoryOptions {
  /** `/ask` answers kept for "Share in channel". Default 500, for a day; older ones are asked again. */
  answers?: number
}

/** What {@link createSlackBot} needs. */
export interface SlackBotOptions {
  /** The checked Slack configuration: Socket Mode when `appToken` is set, else HTTP mode on `port`. */
  config: NonNullable<Config['slack']>
  service: ChatService
  /**
   * Where the events already handled and the threads answered in are kept: with a Postgres store, every process
   * on the database answers an event (and its retries) once between them, and knows the threads any of them
   * answered in, before and after a restart.
   */
  store: Pick<Store, 'claimEvent' | 'rememberThread' | 'knowsThread'>
  /** The application's logger; Slack error codes are logged, tokens never. */
  logger: Logger
  /** The clock (tests pass a fake one). Default: the real time. */
  now?: () => Date
  /** The interface the HTTP receiver listens on (HTTP mode). Default: all interfaces; tests pass 127.0.0.1. */
  host?: string
  /** The fetch used for response_urls. Default: the global fetch. */
  fetch?: typeof fetch
  memory?: SlackMemoryOptions
}

/** A running (or startable) Slack bot. */
export interface SlackBot {
  /** The Bolt app (to add listeners, or for tests). */
  readonly app: App
  /** `socket` (SLACK_APP_TOKEN) or `http` (SLACK_SIGNING_SECRET). */
  readonly mode: 'socket' | 'http'
  /**
   * Checks the bot token (auth.test), then connects (Socket Mode) or listens (HTTP mode). Rejects with a
   * `SlackStartError` saying which token Slack refused and how to fix it.
   */
  start(): Promise<void>
  /**
   * Stops taking events (disconnects, or stops listening), waiting for the socket to close (at most 2 s), then
   * waits for the answers under way to be posted, at most `graceMs` (default 3000); later ones are dropped.
   * Resolves true when none was left under way.
   */
  stop(graceMs?: number): Promise<boolean>
  /** The port the HTTP receiver listens on once started (useful with port 0); null in Socket Mode. */
  readonly port: number | null
  /**
   * Posts a digest in a channel and resolves with the message's ts. Throws a `SlackPostError` carrying Slack's
   * error code (`slackError`: `channel_not_found`, `not_in_channel`, `is_archived`…; `channelGone` is true for
   * those) so that the scheduler can mark the channel inactive.
   */
  postDigest(channelId: string, digest: Digest): Promise<string>
}

const DAY = 24 * 60 * 60 * 1000

// The Web API's base must end with a slash, or method names replace its last path segment.
const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`)

/**
 * Builds the Slack app on Bolt: mentions answered in threads, DMs, thread follow-ups, `/ask`, `/sources`,
 * `/digest`, the 👍/👎 and "Share in channel" buttons, and redeliveries dropped by event id.
 */
export function createSlackBot(options: SlackBotOptions): SlackBot {
  const { config, service, logger } = options
  const clock = options.now ?? (() => new Date())
  const now = () => clock().getTime()
  const memory = options.memory ?? {}
  const apiBase = config.apiUrl ? withSlash(config.apiUrl) : SLACK_API
  const apiUrl = config.apiUrl ? { slackApiUrl: apiBase } : {}
  const clientOptions: webApi.WebClientOptions = {
    ...apiUrl,
    // 429s are retried after their Retry-After (rejectRateLimitedCalls stays false); network failures a few
    // times, briefly, so that the person gets the answer or an apology within seconds, not after the default
    // half hour of retries.
    retryConfig: { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4000, randomize: true },
    timeout: 15_000,
  }
  const common = {
    token: config.botToken,
    // auth.test runs in start() (app.init()), where a refused token is an error the caller gets, rather than
    // in the constructor, where it would be an unhandled rejection.
    deferInitialization: true,
    logger: boltLogger(logger),
    logLevel: boltLevelOf(logger),
    clientOptions,
  }
  let receiver: SocketModeReceiver | null = null
  let app: App
  if (config.appToken !== null) {
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: common.logger,
      logLevel: common.logLevel,
      // Its own options object: the Socket Mode client fills in its own long retries for apps.connections.open
      // (it gives up reconnecting after a network failure that outlasts them), and must not get ours.
      installerOptions: { clientOptions: { ...apiUrl, timeout: 15_000 } },
    })
    guardSocketFrames(receiver.client, logger.child({ component: 'slack' }))
    app = new App({ ...common, socketMode: true, receiver })
  } else if (config.signingSecret !== null) {
    const http = new HTTPReceiver({
      signingSecret: config.signingSecret,
      logger: common.logger,
      logLevel: common.logLevel,
    })
    http.requestListener = refuseSkewedRequests(http.requestListener, logger.child({ component: 'slack' }))
    app = new App({ ...common, receiver: http })
  } else {
    throw new Error(
      'Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode); set one of them.',
    )
  }

  const log = logger.child({ component: 'slack' })
  const deps: SlackDeps = {
    service,
    log,
    memory: { store: options.store, now: clock },
    answers: new BoundedCache<Answer>({ maxEntries: memory.answers ?? 500, ttlMs: DAY, now }),
    fetch: options.fetch ?? fetch,
  }
  // Every event, counted until its listeners are done, so that stop() can let the answers under way finish.
  const inFlight = new InFlight()
  app.use(({ next }) => inFlight.run(next))
  app.use(dedupeEvents(deps.memory, log))
  registerMessages(app, deps)
  registerCommands(app, deps)
  registerActions(app, deps)
  app.error(async (error) => {
    log.error(
      { slackError: slackErrorCode(error), code: error.code },
      `unhandled Slack error: ${error.message}`,
    )
  })

  let port: number | null = null
  const mode = receiver ? 'socket' : 'http'
  return {
    app,
    mode,
    get port() {
      return port
    },
    async start() {
      try {
        await app.init()
      } catch (error) {
        throw new SlackStartError('SLACK_BOT_TOKEN', 'auth.test', error, apiBase)
      }
      if (receiver) {
        try {
          await app.start()
        } catch (error) {
          throw new SlackStartError('SLACK_APP_TOKEN', 'apps.connections.open', error, apiBase)
        }
      } else {
        const listen = options.host === undefined ? config.port : { port: config.port, host: options.host }
        const server = await app.start(listen)
        port = (server.address() as AddressInfo).port
      }
      log.info({ mode, port }, 'Slack app started')
    },
    async stop(graceMs = 3000) {
      const client = receiver?.client
      const closed = client
        ? new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 2000)
            client.once('disconnected', () => {
              clearTimeout(timer)
              resolve()
            })
          })
        : Promise.resolve()
      await app.stop()
      await closed
      port = null
      const idle = await inFlight.idle(graceMs)
      if (!idle) log.warn({ left: inFlight.size }, `stopped with ${inFlight.size} answer(s) still under way`)
      return idle
    },
    postDigest(channelId, digest) {
      return postMessage(app.client, { channel: channelId }, renderDigestBlocks(digest))
    },
  }
}
