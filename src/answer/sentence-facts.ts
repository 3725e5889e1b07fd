import { disputePhrase } from '../claims/cues.js'
import type { SentenceRecord } from '../claims/types.js'
import { type Token, tokenize } from '../search/text.js'
import { type AnswerType, answersIn } from './answer-types.js'

/** What the ranking reads of a sentence's words beyond its terms, worked out once per sentence. */
export interface SentenceFacts {
  /** Its terms in the order its words stand ('' for a stop word). */
  order: readonly string[]
  /** Terms it holds only inside a larger unit (a name of several words, a hyphenated word), each with those units (see `unitsOf`). */
  parts: ReadonlyMap<string, ReadonlySet<string>>
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
 * words ("Vice President Pence") or a hyphenated word ("well-founded"), each with the units it is
 * in (their words joined by spaces, a stop word as itself: "well found").
 */
function partOnlyTerms(text: string, tokens: readonly Token[]): Map<string, Set<string>> {
  const alone = new Set<string>()
  const within = new Map<string, Set<string>>()
  for (const unit of unitRuns(text, tokens)) {
    if (unit.words.length === 1) {
      for (const t of unit.terms) alone.add(t)
      continue
    }
    const key = unit.words.join(' ')
    for (const t of unit.terms) {
      let units = within.get(t)
      if (!units) within.set(t, (units = new Set()))
      units.add(key)
    }
  }
  for (const t of alone) within.delete(t)
  return within
}

/** The units of several words a text holds (hyphenated words, names of several capitalised words), as `partOnlyTerms` keys them. */
export function unitsOf(text: string): Set<string> {
  const out = new Set<string>()
  for (const unit of unitRuns(text, tokenize(text))) if (unit.words.length > 1) out.add(unit.words.join(' '))
  return out
}

/**
 * The text's words in runs: the words of one hyphenated word or one name of capitalised words
 * together, any other word alone. A word is its term, or itself when it is a stop word ("well"
 * of "well-founded"); `terms` are the runs' terms only.
 */
function unitRuns(text: string, tokens: readonly Token[]): { words: string[]; terms: string[] }[] {
  const capital = tokens.map((t) => /^\p{Lu}/u.test(text.slice(t.start, t.end)) && t.term !== '')
  const gap = (a: number, b: number) => text.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0)
  const runs: { words: string[]; terms: string[] }[] = []
  tokens.forEach((t, i) => {
    const joined =
      i > 0 &&
      (gap(i - 1, i) === '-' || (capital[i] === true && capital[i - 1] === true && gap(i - 1, i) === ' '))
    const last = runs[runs.length - 1]
    const run = joined && last ? last : { words: [], terms: [] }
    if (run !== last) runs.push(run)
    run.words.push(t.term || t.word.toLowerCase())
    if (t.term) run.terms.push(t.term)
  })
  return runs
}
