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
      const units = within.get(t) ?? new Set<string>()
      within.set(t, units)
      units.add(key)
    }
  }
  for (const t of alone) within.delete(t)
  return within
}

/**
 * The units of several words a question may ask, as `partOnlyTerms` keys them: its hyphenated
 * words and names of several capitalised words, and any run of its words side by side ("git
 * pull" asks what "git-pull" names), up to `UNIT_WORDS` words.
 */
export function unitsOf(text: string): Set<string> {
  const tokens = tokenize(text)
  const out = new Set<string>()
  for (const unit of unitRuns(text, tokens)) if (unit.words.length > 1) out.add(unit.words.join(' '))
  const words = tokens.map((t) => t.term || t.word.toLowerCase())
  for (let i = 0; i < words.length; i++)
    for (let n = 2; n <= UNIT_WORDS && i + n <= words.length; n++) out.add(words.slice(i, i + n).join(' '))
  return out
}

/** Most words of a run of a question's words read as one unit. */
const UNIT_WORDS = 4

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
