/** How a list that may not fit says what it left out: `…and 3 more.` */
export type MoreLine = (leftOut: number) => string

/**
 * The longest prefix of `items` (whole items only, in order) that fits in `max` characters once joined with
 * `separator` after `head`, followed by `more(n)` when n items were left out. Null when not even `head` and
 * the "more" line fit.
 */
export function fitList(
  items: readonly string[],
  max: number,
  options: { head?: string; separator?: string; more: MoreLine },
): { text: string; kept: number } | null {
  const head = options.head ?? ''
  const sep = options.separator ?? '\n'
  for (let kept = items.length; kept >= 0; kept--) {
    const parts = head === '' ? [] : [head]
    parts.push(...items.slice(0, kept))
    if (kept < items.length) parts.push(options.more(items.length - kept))
    const text = parts.join(sep)
    if (text.length <= max) return { text, kept }
  }
  return null
}

/** `1 claim` / `3 claims`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Whitespace runs as single spaces, trimmed (quotes are shown on one line). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
