import { terms as termsOf } from '../search/text.js'
import { type CorpusContext, SPECIFIC_WEIGHT } from './context.js'
import { similarEnough } from './similar-enough.js'
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
/** Most sentences of each kind (articles', readers') a reader's sentence is compared with, looking for the one it copies. */
export const MAX_COPY_CANDIDATES = 96

const QUOTED = /[“"]([^”"]{20,})[”"]/g

/** Most sentences compared with one sentence, taken rarest term first (see `candidates`). */
export const MAX_CANDIDATES = 256

/** An index from terms to the sentences holding them, to find candidates quickly. */
export interface TermIndex {
  postings: Map<string, SentenceRecord[]>
  /** Each sentence's place in the indexed list. */
  position: Map<SentenceRecord, number>
}

/** Indexes `sentences` by their terms. */
export function termIndex(sentences: readonly SentenceRecord[]): TermIndex {
  const postings = new Map<string, SentenceRecord[]>()
  const position = new Map<SentenceRecord, number>()
  sentences.forEach((s, i) => {
    position.set(s, i)
    for (const t of s.terms) {
      const list = postings.get(t)
      if (list) list.push(s)
      else postings.set(t, [s])
    }
  })
  return { postings, position }
}

/**
 * Sentences (outside `exceptPassage`) that share a specific term with `terms`: every sentence
 * that can be similar at all, since similarity needs shared specific terms. They come in the
 * order of `terms`, then of the index. In a large corpus a sentence's terms may be in thousands
 * of sentences (its near-copies among them): then at most `limit` are taken, gathered
 * from the rarest term on, since sentences that share the rarest words are the likeliest to say
 * the same (the prefix filtering of similarity joins).
 */
export function candidates(
  ctx: CorpusContext,
  index: TermIndex,
  terms: readonly string[],
  exceptPassage: string,
  limit = MAX_CANDIDATES,
): SentenceRecord[] {
  const pick = terms
    .filter((t) => ctx.weight(t) >= SPECIFIC_WEIGHT)
    .map((t, i) => ({ i, list: index.postings.get(t) ?? [] }))
    .sort((a, b) => a.list.length - b.list.length || a.i - b.i)
  // Candidate → the first of `terms` (by place) it holds.
  const first = new Map<SentenceRecord, number>()
  scan: for (const { i, list } of pick) {
    for (const c of list) {
      if (c.passageId === exceptPassage) continue
      const at = first.get(c)
      if (at !== undefined) {
        if (i < at) first.set(c, i)
        continue
      }
      if (first.size >= limit) break scan
      first.set(c, i)
    }
  }
  // Sorted by the first term held, then place in the index (each read once, not in every comparison).
  const found = Array.from(first, ([c, at]) => ({ c, at, place: index.position.get(c) ?? 0 }))
  found.sort((a, b) => a.at - b.at || a.place - b.place)
  return found.map((x) => x.c)
}

/**
 * Finds the sentences of reader comments that repeat another passage — inside quotation marks
 * ("“Anybody can check…” but in fact…") or as a copied sentence — with the words that answer it.
 * Such a sentence is never support for the claim it quotes.
 */
export function findQuotations(ctx: CorpusContext): Map<string, Quotation> {
  const all = ctx.sentenceList
  const index = termIndex(all)
  const isComment = (s: SentenceRecord) => ctx.passageOf(s).voice === 'comment'
  const articles = termIndex(all.filter((s) => !isComment(s)))
  const readers = termIndex(all.filter(isComment))
  const place = (s: SentenceRecord) => index.position.get(s) ?? 0
  const siblings = commentSentences(ctx)
  const out = new Map<string, Quotation>()
  for (const s of all) {
    const passage = ctx.passageOf(s)
    if (passage.voice !== 'comment') continue
    const text = ctx.textOf(s)
    for (const m of text.matchAll(QUOTED)) {
      const q = termsOf(m[1] ?? '')
      if (q.length < 4) continue
      const best = bestMatch(ctx, index, q, passage.id, (c) => {
        const held = ctx.probe(q).measure(ctx.encode(c.terms))
        return held.total === 0 ? 0 : held.shared / held.total
      })
      if (!best || best.score < QUOTE_CONTAINMENT) continue
      const after = s.start + m.index + m[0].length
      const rest = text.slice(m.index + m[0].length)
      const answer =
        termsOf(rest).length >= 3
          ? { sentenceId: s.id, start: after, end: s.end }
          : nextAnswer(ctx, siblings, s)
      out.set(s.id, {
        sentenceId: s.id,
        quotes: best.sentence.id,
        answer: answer ? trimLead(ctx, answer) : null,
      })
      break
    }
    if (out.has(s.id) || s.terms.length < 4) continue
    // The sentence it is most like, if that is an article's (or an update's) and alike enough;
    // a reader's sentence as alike, and earlier, is the better match (the reader copied a reader).
    // Only a copy (COPY_SIMILARITY or more) counts: below that, how alike is of no matter.
    const similar = (c: SentenceRecord) => similarEnough(ctx, s, c, COPY_SIMILARITY)
    const copy = bestMatch(ctx, articles, s.terms, passage.id, similar, MAX_COPY_CANDIDATES)
    if (!copy || copy.score < COPY_SIMILARITY) continue
    const reader = bestMatch(ctx, readers, s.terms, passage.id, similar, MAX_COPY_CANDIDATES)
    const beaten =
      reader !== null &&
      (reader.score > copy.score ||
        (reader.score === copy.score && place(reader.sentence) < place(copy.sentence)))
    if (!beaten) {
      out.set(s.id, { sentenceId: s.id, quotes: copy.sentence.id, answer: nextAnswer(ctx, siblings, s) })
    }
  }
  // A copied sentence's answer is the comment's first sentence that is not itself a copy.
  // Each sentence is passed once: a copy followed by a sentence that quotes and answers in itself
  // hands on an answer that points back at that same sentence.
  for (const q of out.values()) {
    const passed = new Set([q.sentenceId])
    while (q.answer && out.has(q.answer.sentenceId) && !passed.has(q.answer.sentenceId)) {
      passed.add(q.answer.sentenceId)
      q.answer = out.get(q.answer.sentenceId)?.answer ?? null
    }
  }
  return out
}

function bestMatch(
  ctx: CorpusContext,
  index: TermIndex,
  terms: readonly string[],
  exceptPassage: string,
  score: (c: SentenceRecord) => number,
  limit = MAX_CANDIDATES,
): { sentence: SentenceRecord; score: number } | null {
  let best: { sentence: SentenceRecord; score: number } | null = null
  for (const c of candidates(ctx, index, terms, exceptPassage, limit)) {
    const v = score(c)
    if (!best || v > best.score) best = { sentence: c, score: v }
    // Scores are at most 1: nothing after a perfect match can replace it.
    if (best.score >= 1) break
  }
  return best
}

/**
 * The sentences of each comment (across its paragraphs) or, outside comments, of each passage,
 * in file order, by the key that `nextAnswer` looks them up with.
 */
function commentSentences(ctx: CorpusContext): Map<string, SentenceRecord[]> {
  const out = new Map<string, SentenceRecord[]>()
  for (const x of ctx.sentenceList) {
    const p = ctx.passages.get(x.passageId)
    if (!p) continue
    const key = p.commentId ?? `passage:${p.id}`
    const list = out.get(key)
    if (list) list.push(x)
    else out.set(key, [x])
  }
  return out
}

/** The sentence after `s` in the same comment (across its paragraphs), as an answer span. */
function nextAnswer(
  ctx: CorpusContext,
  siblings: ReadonlyMap<string, SentenceRecord[]>,
  s: SentenceRecord,
): Quotation['answer'] {
  const p = ctx.passageOf(s)
  const list = siblings.get(p.commentId ?? `passage:${p.id}`) ?? []
  const next = list[list.indexOf(s) + 1]
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
