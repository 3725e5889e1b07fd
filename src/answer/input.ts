/** Longest question answered, in characters (after mentions and markup are removed). */
export const MAX_QUESTION_LENGTH = 1000

/** A question made fit to search, or why it cannot be. */
export type CleanQuestion = { ok: true; text: string } | { ok: false; message: string }

// Slack: <@U123>, <@U123|name>, <!here>, <!channel>, <!subteam^S1|@team>, <#C1|general>.
// Discord: <@123>, <@!123>, <@&123>, <#123>, <:emoji:123>, <a:emoji:123>, @everyone, @here.
const MENTION = /<(?:[@#!][^>]*|a?:\w+:\d+)>/g
const BROADCAST = /@(?:everyone|here|channel)\b/gi
// Slack writes links as <https://example.org|label>: keep the label.
const LINK = /<(?:https?|mailto):[^|>]*\|([^>]*)>|<(?:https?|mailto):[^>]*>/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g
const MARKUP = /[*_~`>#|[\]]+/g

/**
 * Cleans a question typed in a chat: removes mentions (so the bot's own name is not searched),
 * links' addresses, markdown and control characters, and refuses what is empty or too long.
 */
export function cleanQuestion(raw: string): CleanQuestion {
  const text = raw
    .replace(LINK, (_m, label: string | undefined) => label ?? ' ')
    .replace(MENTION, ' ')
    .replace(BROADCAST, ' ')
    .replace(CONTROL, ' ')
    .replace(MARKUP, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (text === '') {
    return {
      ok: false,
      message:
        'Ask me a question about the sources, for example “Is it mandatory?”. /sources lists what I can quote.',
    }
  }
  if (text.length > MAX_QUESTION_LENGTH) {
    return {
      ok: false,
      message: `That question is ${text.length.toLocaleString('en-US')} characters long; please ask in ${MAX_QUESTION_LENGTH.toLocaleString('en-US')} characters or fewer.`,
    }
  }
  return { ok: true, text }
}
