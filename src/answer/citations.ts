import { locate } from '../corpus/location.js'
import { tokenize } from '../search/text.js'
import type { Knowledge } from './knowledge.js'
import type { Citation } from './types.js'

/** Longest quote, in characters. */
export const MAX_QUOTE = 400

/** A span of a source's file to quote. */
export interface Span {
  passageId: string
  start: number
  end: number
}

/**
 * Narrows a span longer than `MAX_QUOTE` to a verbatim window of whole words around the first
 * words of interest (`focus`: search terms), starting at the clause that holds them.
 */
export function fitQuote(kb: Knowledge, span: Span, focus: ReadonlySet<string>): Span {
  if (span.end - span.start <= MAX_QUOTE) return span
  const passage = kb.passages.get(span.passageId)
  if (!passage) return span
  const text = kb.slice(passage.sourceId, span.start, span.end)
  const tokens = tokenize(text)
  const hit = tokens.find((t) => focus.has(t.term)) ?? tokens[0]
  let from = hit ? hit.start : 0
  // Back up to the start of the clause, if it is near.
  const before = text.slice(Math.max(0, from - 150), from)
  const clause = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '), before.lastIndexOf('— '))
  if (clause >= 0) from = from - before.length + clause + 2
  from = Math.min(from, Math.max(0, text.length - MAX_QUOTE))
  // Start and end on word boundaries.
  while (from > 0 && /\S/.test(text[from - 1] ?? '')) from -= 1
  let to = Math.min(text.length, from + MAX_QUOTE)
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to)
    if (space > from) to = space
  }
  const piece = text.slice(from, to)
  const lead = piece.length - piece.trimStart().length
  const trail = piece.length - piece.trimEnd().length
  return { passageId: span.passageId, start: span.start + from + lead, end: span.start + to - trail }
}

/** A citation of a span: the verbatim quote with its source and who wrote it. */
export function cite(kb: Knowledge, span: Span, focus: ReadonlySet<string>, reason?: string): Citation {
  const passage = kb.passages.get(span.passageId)
  if (!passage) throw new Error(`index: no passage ${span.passageId}; run \`npm run index\`.`)
  const source = kb.sourceOf(passage)
  const fitted = fitQuote(kb, span, focus)
  const c: Citation = {
    sourceId: source.id,
    file: source.file,
    title: source.title,
    url: source.url,
    voice: passage.voice,
    author: passage.author,
    passageId: passage.id,
    quote: kb.slice(source.id, fitted.start, fitted.end),
    start: fitted.start,
    end: fitted.end,
  }
  Object.assign(c, locate(passage, source.file, fitted.start, fitted.end))
  if (reason !== undefined) c.reason = reason
  const cutStart = fitted.start > span.start
  const cutEnd = fitted.end < span.end
  if (cutStart || cutEnd) c.clipped = cutStart && cutEnd ? 'both' : cutStart ? 'start' : 'end'
  return c
}
