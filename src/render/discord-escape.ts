/**
 * Escaping for text that people or sources wrote, before it goes into a Discord message: quotes,
 * questions, notes, titles. Discord renders Markdown in content, embed titles, descriptions and field
 * values, and pings on mentions in content; neither should come from a quoted comment or a question.
 */

const ZWSP = '\u200b'

// Characters that start inline Markdown (bold, italics, underline, strike, code, spoilers, masked links)
// and the backslash itself, which would otherwise escape what follows.
const INLINE = /[\\*_~`|[\]]/g

// What makes a line a block quote, a heading or subtext (`-#`) when it starts the line.
const LINE_START = /^([ \t]*)(>|#{1,3}[ \t]|-#[ \t])/gm

/** Escapes Discord Markdown so that the text shows as typed: `*a*` stays `*a*`, not italics. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, '$1\\$2')
}

/**
 * Breaks mentions with a zero-width space so they show as text and cannot ping: `@everyone`, `@here`,
 * users `<@1>` / `<@!1>`, roles `<@&1>`, channels `<#1>`. Messages also carry `allowed_mentions: { parse: [] }`;
 * this is the second belt.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, `@${ZWSP}$1`).replace(/<(@[!&]?|#)(\d+)>/g, `<$1${ZWSP}$2>`)
}

/** Both: text as typed, without Markdown effects or pings. */
export function escapeText(text: string): string {
  return neutralizeMentions(escapeMarkdown(text))
}

/** Removes the zero-width spaces {@link neutralizeMentions} inserted (to read back text the bot wrote). */
export function unneutralize(text: string): string {
  return text.replaceAll(ZWSP, '')
}

/**
 * `text` escaped with `escapeWith` and at most `max` characters long: cut on the raw text (never inside an
 * escape sequence or a surrogate pair), at a space when one is near, and ended with `…`.
 * For titles, statements and questions; quotes are never cut (renderers drop whole quotes instead).
 */
export function fitText(text: string, max: number, escapeWith: (s: string) => string = escapeText): string {
  const full = escapeWith(text)
  if (full.length <= max) return full
  if (max < 1) return ''
  const cutAt = (n: number) => {
    // Do not split a surrogate pair (an emoji, say).
    const end = /[\ud800-\udbff]/.test(text[n - 1] ?? '') ? n - 1 : n
    return `${escapeWith(text.slice(0, end).trimEnd())}…`
  }
  // The longest raw prefix whose escaped form fits (escaping only lengthens, so this is a binary search).
  let lo = 0
  let hi = Math.min(text.length, max - 1)
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (cutAt(mid).length <= max) lo = mid
    else hi = mid - 1
  }
  // Prefer a word boundary when one is near; a shorter cut still fits.
  const space = text.lastIndexOf(' ', lo)
  return cutAt(space > 0 && space > lo - 20 ? space : lo)
}

/**
 * A URL safe to use in a masked link `[title](url)`: http(s) only, with the characters that would end the
 * link or break the Markdown percent-encoded; null for anything else.
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
    /[()<>[\]\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

/** `[title](url)` with the title escaped, or the escaped title in italics when there is no usable URL. */
export function maskedLink(title: string, url: string | null, maxTitle = 200): string {
  const text = fitText(title, maxTitle)
  const href = linkUrl(url)
  return href === null ? `*${text}*` : `[${text}](${href})`
}
