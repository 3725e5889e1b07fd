import { Client, GatewayIntentBits } from 'discord.js'
import type { Config } from '../../config.js'
import type { Logger } from '../../logger.js'
import { GuardedShardingStrategy } from './gateway-guard.js'

/**
 * The gateway intents citebot asks for: Guilds (channels and threads are cached, which discord.js needs to
 * deliver messages and interactions) and GuildMessages (messages that mention the bot). Not the privileged
 * MessageContent: Discord still delivers the content of messages that mention the bot, including replies
 * to its answers that keep the reply ping on. Not DirectMessages: the bot answers in servers only.
 */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] as const

/**
 * A discord.js client for citebot: its intents, no pings by default, `DISCORD_API_URL` as REST base, and
 * malformed gateway frames logged to `log` and dropped (see {@link GuardedShardingStrategy}).
 */
export function createDiscordClient(config: NonNullable<Config['discord']>, log: Logger): Client {
  return new Client({
    intents: [...DISCORD_INTENTS],
    // The default for every message that does not set its own; the bot's messages all set { parse: [] } too.
    allowedMentions: { parse: [] },
    // A reply to a message deleted meanwhile is posted without the reference instead of failing.
    failIfNotExists: false,
    // discord.js then asks this API's /gateway/bot for the gateway URL.
    ...(config.apiUrl === null ? {} : { rest: { api: config.apiUrl } }),
    ws: { buildStrategy: (manager) => new GuardedShardingStrategy(manager, log) },
  })
}
