import { typedText } from '../../chat/typed-text.js'

// Discord's mention and markup tokens: users (<@1>, <@!1>), roles (<@&1>), channels (<#1>), custom emoji
// (<:name:1>, <a:name:1>), timestamps (<t:1700000000:R>), slash-command mentions (</ask:1>) and server
// navigation (<id:customize>); and @everyone / @here. None of them is part of what is asked.
const TOKEN = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[a-zA-Z])?|\/[^:>]+:\d+|id:[\w-]+(?::\d+)?)>/g
const BROADCAST = /@(?:everyone|here)\b/g

/**
 * A Discord message's text (or a slash command's option) as the question a person typed: every mention
 * token removed (the bot's, other people's, roles, channels, `@everyone`), custom emoji and timestamps
 * removed, control characters and bidi overrides removed, whitespace squashed.
 */
export function questionFromDiscord(content: string): string {
  return typedText(content.replace(TOKEN, ' ').replace(BROADCAST, ' ')).replace(/\s+/g, ' ').trim()
}
