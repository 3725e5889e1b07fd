import { once } from 'node:events'
import { type Client, DiscordAPIError, Events, type Interaction, type Message, RESTEvents } from 'discord.js'
import type { ChatService, Reply } from '../../chat/service.js'
import type { Config } from '../../config.js'
import type { Digest } from '../../digest/types.js'
import type { Logger } from '../../logger.js'
import { type DiscordMessage, renderDigest, renderReply, renderText } from '../../render/discord-embeds.js'
import { parseFeedbackId } from '../../render/discord-message.js'
import { InFlight } from '../in-flight.js'
import { innermostMessage, unreachableCode } from '../network-error.js'
import { createDiscordClient } from './client.js'
import { type HandlerDeps, SORRY } from './deps.js'
import { handleFeedback } from './feedback.js'
import { apologize, handleMessage } from './mentions.js'
import { postDigest } from './post-digest.js'
import { send } from './respond.js'
import { handleSlashCommand } from './slash-commands.js'

/** What the Discord bot needs. */
export interface DiscordBotOptions {
  /** `config.discord` (token, application id, guild id, REST base). */
  config: NonNullable<Config['discord']>
  service: ChatService
  logger: Logger
  /** Turns a chat reply into a message. Default `renderReply`. */
  render?: (reply: Reply) => DiscordMessage
  /** ms a fast command (/sources, /digest status…) may take before it is deferred. Default 2000. */
  deferAfterMs?: number
}

/** The running bot. */
export interface DiscordBot {
  /** The discord.js client (for tests and for anything main.ts wants to log). */
  readonly client: Client
  /** Logs in and resolves once the gateway is ready (guilds received). Throws a clear error on a bad token. */
  start(): Promise<void>
  /**
   * Stops taking events, waits for the answers under way to be sent, at most `graceMs` (default 3000; later
   * ones are dropped), then disconnects and destroys the client. Resolves true when none was left under way.
   */
  stop(graceMs?: number): Promise<boolean>
  /**
   * Posts a digest in a channel; throws `DiscordPostError` (with Discord's `code`, and `channelGone` for
   * 10003/50001/50013/50008) so the scheduler can mark the subscription inactive.
   */
  postDigest(channelId: string, digest: Digest): Promise<void>
}

/** A login failure, with what to do about it. */
export class DiscordLoginError extends Error {
  override name = 'DiscordLoginError'
  readonly code = 'DISCORD_LOGIN_FAILED'
}

/**
 * citebot on Discord: `/ask`, `/sources`, `/digest`, mentions and replies to its answers, 👍/👎 feedback, and
 * digests posted by the scheduler. Nothing it sends pings anyone.
 */
export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { config, logger } = options
  const client = createDiscordClient(config, logger)
  const deps: HandlerDeps = {
    service: options.service,
    logger,
    render: options.render ?? ((reply) => renderReply(reply)),
    deferAfterMs: options.deferAfterMs ?? 2000,
  }

  // Events are counted until answered, so that stop() can let the answers under way finish; once stopping,
  // new ones are left unanswered.
  const inFlight = new InFlight()
  let stopping = false
  client.on(Events.InteractionCreate, (i) => {
    if (!stopping) void inFlight.run(() => onInteraction(i, deps))
  })
  client.on(Events.MessageCreate, (m) => {
    if (!stopping) void inFlight.run(() => onMessage(m, deps))
  })
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'))
  client.on(Events.Warn, (message) => logger.warn(message))
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(
      { route: info.route, retryAfterMs: info.retryAfter, global: info.global },
      'Discord rate limit',
    ),
  )

  return {
    client,
    async start() {
      const ready = once(client, Events.ClientReady)
      try {
        await Promise.all([client.login(config.token), ready])
      } catch (error) {
        throw loginError(error, config.apiUrl ?? DISCORD_API)
      }
      logger.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size },
        'Discord bot connected; answering /ask, /sources, /digest and mentions',
      )
    },
    async stop(graceMs = 3000) {
      stopping = true
      const idle = await inFlight.idle(graceMs)
      if (!idle)
        logger.warn({ left: inFlight.size }, `stopped with ${inFlight.size} answer(s) still under way`)
      await client.destroy()
      return idle
    },
    postDigest(channelId, digest) {
      return postDigest(client, channelId, digest, (d) => renderDigest(d))
    },
  }
}

async function onInteraction(i: Interaction, deps: HandlerDeps): Promise<void> {
  try {
    if (i.isChatInputCommand()) {
      await handleSlashCommand(i, deps)
    } else if (i.isButton()) {
      const vote = parseFeedbackId(i.customId)
      if (vote !== null) await handleFeedback(i, vote, deps)
    }
  } catch (error) {
    deps.logger.error(
      { err: error, interactionId: i.id, channelId: i.channelId },
      'Discord interaction failed',
    )
    if (!i.isRepliable()) return
    await send(i, renderText(SORRY), true).catch((e: unknown) =>
      deps.logger.warn(
        { err: e, interactionId: i.id },
        'could not tell the user that the interaction failed',
      ),
    )
  }
}

async function onMessage(message: Message, deps: HandlerDeps): Promise<void> {
  try {
    await handleMessage(message, deps)
  } catch (error) {
    deps.logger.error(
      { err: error, messageId: message.id, channelId: message.channelId },
      'Discord message failed',
    )
    await apologize(message, deps, SORRY)
  }
}

/** Discord's public REST API, the default of `DISCORD_API_URL`. */
export const DISCORD_API = 'https://discord.com/api'

function loginError(error: unknown, apiUrl: string): DiscordLoginError {
  const status = error instanceof DiscordAPIError ? error.status : null
  const tokenProblem =
    status === 401 || (error instanceof Error && /token/i.test(`${error.message} ${error.name}`))
  const unreachable = status === null && unreachableCode(error) !== null
  const message = tokenProblem
    ? 'Discord rejected DISCORD_TOKEN; copy a fresh one from the Developer Portal (Bot → Reset Token).'
    : unreachable
      ? `Discord could not be reached at ${apiUrl} (${innermostMessage(error)}). Check DISCORD_API_URL (unset, it is ${DISCORD_API}) and the network.`
      : `Could not connect to Discord: ${error instanceof Error ? error.message : String(error)}. Check the network and DISCORD_API_URL.`
  return new DiscordLoginError(message, { cause: error })
}
