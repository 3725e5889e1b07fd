/** A sentence of a passage: a verbatim span of the file. */
export interface SentenceSpan {
  /** Offset of the first character in the file. */
  start: number
  /** Offset one past the last character. */
  end: number
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

// "nonsense.Sesame", "Alibaba.And": a sentence end written without the space after it.
const GLUED_END = /[\p{Ll}]{2}[.!?](?=[\p{Lu}][\p{Ll}])/gu

/** Words in a span, roughly. */
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length

/** Sentences shorter than this many words join the sentence before them ("So far.", "All 869,582 of them."). */
export const MIN_SENTENCE_WORDS = 5

/**
 * Splits a passage into sentences with the Unicode sentence rules (Intl.Segmenter), also at
 * sentence ends written without a space, never at a line break alone (a wrapped line), and joins fragments too short to stand alone to the
 * sentence before them. Offsets are relative to the file: `offset` is the passage's start.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const raw: SentenceSpan[] = []
  // A line break inside a passage is a wrapped line, not the end of a sentence (the Unicode rules
  // end one at every line break): segment as if it were a space, offsets unchanged.
  const flat = text.includes('\n') ? text.replace(/[\r\n]/g, ' ') : text
  for (const seg of segmenter.segment(flat)) {
    const cuts = [0]
    for (const m of seg.segment.matchAll(GLUED_END)) cuts.push(m.index + 3)
    cuts.push(seg.segment.length)
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = seg.index + (cuts[i] ?? 0)
      const b = seg.index + (cuts[i + 1] ?? 0)
      const piece = tightenSpan(text, a, b)
      if (piece) raw.push(piece)
    }
  }
  // Footnote marks ("[1][2]") after a full stop belong to the sentence they annotate (the Unicode
  // rules may even cut inside the first mark: "billboards.[" + "1][2] Within…").
  for (let i = 1; i < raw.length; i++) {
    const cur = raw[i] as SentenceSpan
    const prev = raw[i - 1] as SentenceSpan
    const opened = text[prev.end - 1] === '[' ? '[' : ''
    const marks = new RegExp(`^${opened ? '\\d+\\]' : ''}(\\[\\d+\\])*\\s*`).exec(
      text.slice(cur.start, cur.end),
    )
    if (!marks || marks[0] === '') continue
    prev.end = cur.start + marks[0].trimEnd().length
    cur.start += marks[0].length
  }
  const merged: SentenceSpan[] = []
  for (const s of raw) {
    if (s.end <= s.start) continue
    const prev = merged[merged.length - 1]
    if (prev && wordCount(text.slice(s.start, s.end)) < MIN_SENTENCE_WORDS) prev.end = s.end
    else merged.push({ ...s })
  }
  // A short first sentence ("Really ?") stays; a short opener followed by more joins the next one.
  const first = merged[0]
  const second = merged[1]
  if (first && second && wordCount(text.slice(first.start, first.end)) < MIN_SENTENCE_WORDS) {
    merged.splice(0, 2, { start: first.start, end: second.end })
  }
  return merged.map((s) => ({ start: s.start + offset, end: s.end + offset }))
}

function tightenSpan(text: string, a: number, b: number): SentenceSpan | null {
  let s = a
  let e = b
  while (s < e && /\s/.test(text[s] ?? '')) s += 1
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1
  return e > s ? { start: s, end: e } : null
}
