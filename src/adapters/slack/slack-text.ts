import { type Command, parseCommand } from '../../chat/commands.js'
import { typedText } from '../../chat/typed-text.js'

// Slack's mention tokens: people (<@U1>, <@W1|bob>), channels (<#C1>, <#C1|general>), user groups
// (<!subteam^S1|@team>) and special mentions (<!here>, <!channel>, <!everyone>). They name who or where, never
// what is asked, so they are removed with their labels: searching "bob" or "general" would change the answer.
const MENTION = /<[@#][^>]*>|<!(?!date\^)[^>]*>/g
// A date (<!date^1392734382^{date}|Feb 18th>) reads as its fallback text, a link (<https://x.org|this>) as its label.
const DATE = /<!date\^[^|>]*\|([^>]*)>/g
const LINK = /<([^>|]+)\|([^>]+)>|<([^>]+)>/g

/**
 * A Slack message's text as the question a person typed: every mention token removed (the bot's, other
 * people's, channels, user groups, `<!here>`), dates as their fallback text, links as their label or address,
 * Slack's `&amp;` `&lt;` `&gt;` decoded, control characters and bidi overrides removed, whitespace squashed.
 */
export function questionFromSlack(text: string): string {
  const t = text
    .replace(MENTION, ' ')
    .replace(DATE, '$1')
    .replace(LINK, (_m, address?: string, label?: string, bare?: string) => label ?? bare ?? address ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
  return typedText(t).replace(/\s+/g, ' ').trim()
}

/** True when the text mentions the bot (`<@UBOT>` or `<@UBOT|name>`). */
export function mentionsBot(text: string, botUserId: string | undefined): boolean {
  if (botUserId === undefined || botUserId === '') return false
  return new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`).test(text)
}

/**
 * What a mention or a DM asks for: `help` (or nothing but the mention) is the help, `/sources` and the other
 * commands are commands, anything else is a question.
 */
export function commandFromMessage(question: string): Command {
  if (question === '' || /^\/?(help|\?)$/i.test(question)) return { kind: 'help' }
  return parseCommand(question)
}

/** What a slash command asks for; `/ask` with no text gives its usage, `/ask help` the help. */
export function commandFromSlash(command: string, text: string): Command {
  if (/^\/ask$/i.test(command) && /^(help|\?)$/i.test(text.trim())) return { kind: 'help' }
  return parseCommand(questionFromSlack(text), command)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
