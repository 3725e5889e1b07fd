import { disputePhrase } from '../claims/cues.js'
import type { SentenceRecord } from '../claims/types.js'
import { type Token, tokenize } from '../search/text.js'
import { type AnswerType, answersIn } from './answer-types.js'

/** What the ranking reads of a sentence's words beyond its terms, worked out once per sentence. */
export interface SentenceFacts {
  /** Its terms in the order its words stand ('' for a stop word). */
  order: readonly string[]
  /** Terms it holds only inside a larger unit: a name of several words, a hyphenated word. */
  parts: ReadonlySet<string>
  /** True when it doubts or denies ("nonsense", "not true"). */
  doubt: boolean
  /** The answers of a type it holds (see `answersIn`). */
  answers(type: AnswerType): readonly (readonly string[])[]
}

/** Most sentences whose facts are kept; past it the cache starts over (a large corpus has 350,000). */
export const MAX_KEPT = 20_000

/** Sentence facts, worked out when first asked for and kept. */
export class SentenceFactsCache {
  private readonly kept = new Map<string, SentenceFacts>()

  constructor(private readonly textOf: (s: SentenceRecord) => string) {}

  /** The facts of a sentence. */
  get(s: SentenceRecord): SentenceFacts {
    let facts = this.kept.get(s.id)
    if (!facts) {
      if (this.kept.size >= MAX_KEPT) this.kept.clear()
      facts = factsOf(this.textOf(s))
      this.kept.set(s.id, facts)
    }
    return facts
  }
}

function factsOf(text: string): SentenceFacts {
  const tokens = tokenize(text)
  const types = new Map<AnswerType, string[][]>()
  return {
    order: tokens.map((t) => t.term),
    parts: partOnlyTerms(text, tokens),
    doubt: disputePhrase(text) !== null,
    answers(type) {
      let found = types.get(type)
      if (!found) {
        found = answersIn(type, text)
        types.set(type, found)
      }
      return found
    },
  }
}

/**
 * The terms a sentence holds only as part of a larger unit: inside a name of several capitalised
 * words ("Vice President Pence") or a hyphenated word ("well-founded").
 */
function partOnlyTerms(text: string, tokens: readonly Token[]): Set<string> {
  const capital = tokens.map((t) => /^\p{Lu}/u.test(text.slice(t.start, t.end)) && t.term !== '')
  const gap = (a: number, b: number) => text.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0)
  const alone = new Set<string>()
  const within = new Set<string>()
  tokens.forEach((t, i) => {
    if (!t.term) return
    const hyphen = (i > 0 && gap(i - 1, i) === '-') || (i + 1 < tokens.length && gap(i, i + 1) === '-')
    const named =
      capital[i] === true &&
      ((i > 0 && capital[i - 1] === true && gap(i - 1, i) === ' ') ||
        (i + 1 < tokens.length && capital[i + 1] === true && gap(i, i + 1) === ' '))
    if (hyphen || named) within.add(t.term)
    else alone.add(t.term)
  })
  for (const t of alone) within.delete(t)
  return within
}
