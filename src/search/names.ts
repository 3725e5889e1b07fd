import abbreviations from '../data/abbreviations.json' with { type: 'json' }
import { phraseKey, STOP_WORDS, termOf, tokenize } from './text.js'

/**
 * Names of more than one word ("Credit China", "Sesame Credit", "Human Rights Watch") as search
 * terms of their own. Their words alone are common in a corpus about China's credit scores;
 * together they name one thing, and a question that names it asks about that thing.
 */

/** A name: its words as a question's words are normalized, and its search term. */
export interface Name {
  /** The lexicon key a question's words are looked up by (see `phraseKey`). */
  key: string
  /** The search term: the words joined by `_`. */
  term: string
  /** The search terms of its words, stop words left out. */
  words: string[]
}

/** Fewest and most words of a name. */
const MIN_WORDS = 2
const MAX_WORDS = 4
/** Credit of one word of a name found without the others ("Stanley" for "Jay Stanley"). */
export const NAME_WORD_CREDIT = 0.5

const CAPITAL = /^\p{Lu}/u

/** The names in a text: runs of capitalised words next to each other, stop words at either end ("The") left out. */
export function namesOf(written: string): Name[] {
  const text = expandAbbreviations(written)
  const tokens = tokenize(text)
  const out = new Map<string, Name>()
  let run: string[] = []
  const close = () => {
    while (run.length > 0 && STOP_WORDS.has(run[0] ?? '')) run.shift()
    while (run.length > 0 && STOP_WORDS.has(run[run.length - 1] ?? '')) run.pop()
    if (run.length >= MIN_WORDS && run.length <= MAX_WORDS) {
      const key = phraseKey(run)
      out.set(key, { key, term: run.join('_'), words: run.map(termOf).filter(Boolean) })
    }
    run = []
  }
  tokens.forEach((t, i) => {
    const written = text.slice(t.start, t.end)
    const prev = tokens[i - 1]
    // Words of one name are separated by a single space, nothing else.
    const joined = prev !== undefined && text.slice(prev.end, t.start) === ' '
    if (!joined) close()
    if (CAPITAL.test(written)) run.push(t.word)
    else close()
  })
  close()
  return [...out.values()]
}

/** Abbreviations written in capitals ("U.S.", "US", "ID"), with the words they stand for (data: src/data/abbreviations.json). */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = Object.entries(abbreviations)
  .filter(([key]) => !key.startsWith('_'))
  // Longest first, so that "U.S.A." is read before "U.S.".
  .sort(([a], [b]) => b.length - a.length)
  .map(([key, words]) => {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return [new RegExp(`(?<![\\p{L}.])${escaped}(?![\\p{L}])`, 'gu'), words] as const
  })

/** A text with its abbreviations written out ("the US" → "the United States"); not in a text in capitals only. */
export function expandAbbreviations(text: string): string {
  if (!/\p{Ll}/u.test(text)) return text
  let out = text
  for (const [re, name] of ABBREVIATIONS) {
    out = out.replace(re, name)
  }
  return out
}

/** The names in each of several texts (fields such as an author and a publisher are never one name together). */
export function namesOfFields(fields: readonly (string | null | undefined)[]): Name[] {
  const out = new Map<string, Name>()
  for (const f of fields) if (f) for (const n of namesOf(f)) out.set(n.key, n)
  return [...out.values()]
}
