import { terms as termsOf } from '../search/text.js'
import { type CorpusContext, SPECIFIC_WEIGHT } from './context.js'
import type { SentenceRecord } from './types.js'

/** A comment's sentence that repeats another passage's sentence, and the words that answer it. */
export interface Quotation {
  /** The quoting sentence. */
  sentenceId: string
  /** The quoted sentence, in another passage. */
  quotes: string
  /** The answer: the rest of the sentence after the quotation, or the comment's next sentence(s). */
  answer: { sentenceId: string; start: number; end: number } | null
}

/** Share of a quotation's weight that must be found in the quoted sentence. */
export const QUOTE_CONTAINMENT = 0.75
/** Similarity above which a whole sentence is a copy of another. */
export const COPY_SIMILARITY = 0.8

const QUOTED = /[“"]([^”"]{20,})[”"]/g

/** An index from rare terms to the sentences holding them, to find candidates quickly. */
export function termIndex(
  ctx: CorpusContext,
  sentences: readonly SentenceRecord[],
): Map<string, SentenceRecord[]> {
  const index = new Map<string, SentenceRecord[]>()
  for (const s of sentences) {
    for (const t of s.terms) {
      const list = index.get(t) ?? []
      list.push(s)
      index.set(t, list)
    }
  }
  void ctx
  return index
}

/**
 * Sentences (outside `exceptPassage`) that share a specific term with `terms`: every sentence
 * that can be similar at all, since similarity needs shared specific terms.
 */
export function candidates(
  ctx: CorpusContext,
  index: Map<string, SentenceRecord[]>,
  terms: readonly string[],
  exceptPassage: string,
): SentenceRecord[] {
  const pick = terms.filter((t) => ctx.weight(t) >= SPECIFIC_WEIGHT)
  const seen = new Map<string, SentenceRecord>()
  for (const t of pick)
    for (const c of index.get(t) ?? []) if (c.passageId !== exceptPassage) seen.set(c.id, c)
  return [...seen.values()]
}

/**
 * Finds the sentences of reader comments that repeat another passage — inside quotation marks
 * ("“Anybody can check…” but in fact…") or as a copied sentence — with the words that answer it.
 * Such a sentence is never support for the claim it quotes.
 */
export function findQuotations(ctx: CorpusContext): Map<string, Quotation> {
  const all = ctx.sentenceList
  const index = termIndex(ctx, all)
  const out = new Map<string, Quotation>()
  for (const s of all) {
    const passage = ctx.passageOf(s)
    if (passage.voice !== 'comment') continue
    const text = ctx.textOf(s)
    for (const m of text.matchAll(QUOTED)) {
      const q = termsOf(m[1] ?? '')
      if (q.length < 4) continue
      const best = bestMatch(ctx, index, q, passage.id, (c) => ctx.coverage(q, new Set(c.terms)))
      if (!best || best.score < QUOTE_CONTAINMENT) continue
      const after = s.start + m.index + m[0].length
      const rest = text.slice(m.index + m[0].length)
      const answer =
        termsOf(rest).length >= 3 ? { sentenceId: s.id, start: after, end: s.end } : nextAnswer(ctx, s)
      out.set(s.id, {
        sentenceId: s.id,
        quotes: best.sentence.id,
        answer: answer ? trimLead(ctx, answer) : null,
      })
      break
    }
    if (out.has(s.id) || s.terms.length < 4) continue
    const copy = bestMatch(ctx, index, s.terms, passage.id, (c) => ctx.sentenceSimilarity(s, c))
    if (copy && copy.score >= COPY_SIMILARITY && ctx.passageOf(copy.sentence).voice !== 'comment') {
      out.set(s.id, { sentenceId: s.id, quotes: copy.sentence.id, answer: nextAnswer(ctx, s) })
    }
  }
  // A copied sentence's answer is the comment's first sentence that is not itself a copy.
  for (const q of out.values()) {
    while (q.answer && out.has(q.answer.sentenceId) && q.answer.sentenceId !== q.sentenceId) {
      q.answer = out.get(q.answer.sentenceId)?.answer ?? null
    }
  }
  return out
}

function bestMatch(
  ctx: CorpusContext,
  index: Map<string, SentenceRecord[]>,
  terms: readonly string[],
  exceptPassage: string,
  score: (c: SentenceRecord) => number,
): { sentence: SentenceRecord; score: number } | null {
  let best: { sentence: SentenceRecord; score: number } | null = null
  for (const c of candidates(ctx, index, terms, exceptPassage)) {
    const v = score(c)
    if (!best || v > best.score) best = { sentence: c, score: v }
  }
  return best
}

/** The sentence after `s` in the same comment (across its paragraphs), as an answer span. */
function nextAnswer(ctx: CorpusContext, s: SentenceRecord): Quotation['answer'] {
  const passage = ctx.passageOf(s)
  const comment = passage.commentId
  const siblings = ctx.sentenceList.filter((x) => {
    const p = ctx.passages.get(x.passageId)
    return p !== undefined && (x.passageId === s.passageId || (comment !== null && p.commentId === comment))
  })
  const next = siblings[siblings.findIndex((x) => x.id === s.id) + 1]
  return next ? { sentenceId: next.id, start: next.start, end: next.end } : null
}

/** Drops leading punctuation and spaces from an answer span ("” but in fact" → "but in fact"). */
function trimLead(ctx: CorpusContext, a: NonNullable<Quotation['answer']>): NonNullable<Quotation['answer']> {
  const s = ctx.sentences.get(a.sentenceId)
  if (!s) return a
  const text = ctx.textOf({ passageId: s.passageId, start: a.start, end: a.end })
  const lead = text.length - text.replace(/^[\s,;:.—–-]+/, '').length
  return { ...a, start: a.start + lead }
}
