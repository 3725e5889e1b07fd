/**
 * Escaping for text that people or sources wrote, before it goes into a Slack message: quotes, questions,
 * notes, titles, names. Slack reads `&`, `<` and `>` as control characters (`<@U1>` is a mention, `<!here>`
 * pings a channel, `<url|label>` is a link), and some clients turn a bare `@here` into a ping; none of that
 * may come from a quoted comment or a question.
 */

// A word joiner: invisible, keeps `@here` looking as written, but Slack no longer reads it as a mention.
const JOINER = '\u2060'

/** Escapes Slack's three control characters, so the text shows as typed and forms no link or mention. */
export function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Breaks the bare broadcast words `@channel`, `@here` and `@everyone` so that they cannot ping. */
export function neutralizeBroadcasts(text: string): string {
  return text.replace(/([@＠])(channel|here|everyone)\b/gi, `$1${JOINER}$2`)
}

/** Both: the text as typed, with no link, mention or broadcast in it. For any text from a source or a person. */
export function escapeSlack(text: string): string {
  return neutralizeBroadcasts(escapeControl(text))
}

/** Undoes {@link escapeSlack} (to read back text the bot wrote, such as the question in a button value). */
export function unescapeSlack(text: string): string {
  return text
    .replace(new RegExp(`([@＠])${JOINER}(channel|here|everyone)`, 'gi'), '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Whitespace runs as single spaces, trimmed (quotes are shown on one line of a block quote). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * What Slack would read as a mention or a broadcast: `<@U…>`, `<#C…>`, `<!here>`, `<!channel>`,
 * `<!everyone>`, `<!subteam^…>`, and the bare words `@here`, `@channel`, `@everyone`.
 */
export const MENTION_TOKEN = /<[@#!][^>]*>|[@＠](channel|here|everyone)\b/gi

/** The mention tokens in a text (empty when it pings nobody). */
export function mentionTokens(text: string): string[] {
  return [...text.matchAll(MENTION_TOKEN)].map((m) => m[0])
}

/**
 * `text` escaped and at most `max` characters long: cut on the raw text (never inside an entity such as
 * `&amp;` or a surrogate pair), at a space when one is near, and ended with `…`. For titles, statements and
 * questions; quotes are never cut (renderers drop whole quotes instead).
 */
export function fitText(text: string, max: number): string {
  const full = escapeSlack(text)
  if (full.length <= max) return full
  let n = Math.min(text.length, max - 1)
  while (n > 0) {
    let end = n
    if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end -= 1
    const space = text.lastIndexOf(' ', end)
    if (space > end - 20 && space > 0) end = space
    const cut = `${escapeSlack(text.slice(0, end).trimEnd())}…`
    if (cut.length <= max) return cut
    n = Math.min(end, n) - Math.max(1, cut.length - max)
  }
  return max >= 1 ? '…' : ''
}

/**
 * A URL safe inside `<url|label>`: http(s) only, with the characters that would end the link (`|`, `>`, `<`)
 * and whitespace percent-encoded; null for anything else (`javascript:`, unparseable text).
 */
export function linkUrl(url: string | null): string | null {
  if (url === null) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  return parsed.href.replace(
    /[|<>\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

/** `<url|title>` with the title escaped, or the escaped title in italics when there is no usable URL. */
export function slackLink(title: string, url: string | null, maxTitle = 200): string {
  const text = fitText(squash(title), maxTitle)
  const href = linkUrl(url)
  return href === null ? `_${text}_` : `<${href}|${text}>`
}
