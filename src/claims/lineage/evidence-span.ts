/** Longest quote of evidence, in characters (as a citation's). */
export const MAX_EVIDENCE = 400

/**
 * The span of a sentence to quote as evidence: the whole sentence, or, when it is longer than
 * `MAX_EVIDENCE`, a window of whole words around the cue (`at`, `length`: its place in the sentence).
 * `offset` is the sentence's place in its file; the span and its verbatim text are returned.
 */
export function evidenceSpan(
  sentence: string,
  offset: number,
  at: number,
  length: number,
): { start: number; end: number; quote: string } {
  let from = 0
  let to = sentence.length
  if (to > MAX_EVIDENCE) {
    from = Math.max(0, Math.min(at - 120, at + length - MAX_EVIDENCE))
    while (from > 0 && /\S/.test(sentence[from - 1] ?? '')) from += 1
    to = Math.min(sentence.length, from + MAX_EVIDENCE)
    if (to < sentence.length) {
      const space = sentence.lastIndexOf(' ', to)
      if (space > from) to = space
    }
  }
  const piece = sentence.slice(from, to)
  const lead = piece.length - piece.trimStart().length
  const trail = piece.length - piece.trimEnd().length
  return {
    start: offset + from + lead,
    end: offset + to - trail,
    quote: piece.trim(),
  }
}
