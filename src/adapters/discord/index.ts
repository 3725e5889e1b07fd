export { createDiscordBot, type DiscordBot, type DiscordBotOptions, DiscordLoginError } from './bot.js'
export { DISCORD_INTENTS } from './client.js'
export { DISCORD_COMMANDS } from './commands.js'
export { CHANNEL_GONE_CODES, DiscordPostError } from './errors.js'
