import { type Command, parseCommand } from '../../chat/commands.js'

/**
 * A Slack message's text as the question a person typed: the bot's own mention removed, other mentions,
 * channel links and links as their words, Slack's `&amp;` `&lt;` `&gt;` decoded, whitespace squashed.
 */
export function questionFromSlack(text: string, botUserId: string | undefined): string {
  let t = text
  if (botUserId !== undefined && botUserId !== '') {
    t = t.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g'), ' ')
  }
  t = t
    .replace(/<@([A-Z0-9]+)\|([^>]+)>/g, '@$2')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]+))?>/g, (_m, label?: string) => label ?? '@group')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<!(\w+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
  return t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim()
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
  return parseCommand(questionFromSlack(text, undefined), command)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
