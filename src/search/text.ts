import { stemmer } from 'stemmer'
import { eng } from 'stopword'
import NUMBER_WORDS from '../data/number-words.json' with { type: 'json' }
import { maskMarkup } from './markup.js'

/** A word of a text, where it is, and its search term. */
export interface Token {
  /** The word as written, with curly apostrophes made straight and lower-cased. */
  word: string
  /** Porter stem of the word; '' for a stop word. */
  term: string
  start: number
  end: number
}

// Question words and chat filler that carry no topic, beyond stopword's English list.
const EXTRA_STOP = [
  'does',
  'doing',
  'done',
  'why',
  'when',
  'whom',
  'whose',
  'tell',
  'please',
  'ok',
  'okay',
  // "one commenter", "one of them": a numeral standing for someone, no topic (and the stem of "one" is "on").
  'one',
  'hi',
  'hello',
  'hey',
  'thanks',
  'thank',
  'explain',
  'know',
  'let',
  'yes',
  'no',
  'not',
  'nor',
  'so',
  'just',
  'really',
  'anything',
  'something',
  'us',
  'it’s',
  "it's",
  'its',
  "i'm",
  "i've",
  "don't",
  "doesn't",
  "isn't",
  "aren't",
  "can't",
  "won't",
  "that's",
  "there's",
  "they're",
  "you're",
  "we're",
  'will',
  'shall',
  'may',
  'am',
  'be',
  'become',
  'became',
  'becomes',
  'say',
  'says',
  'said',
  'saying',
  'actually',
  'even',
  'ever',
  'every',
  'everything',
  'whether',
  'yet',
  // Prepositions and light verbs: they say how, not what about.
  'above',
  'across',
  'against',
  'along',
  'among',
  'around',
  'behind',
  'below',
  'beside',
  'beyond',
  'during',
  'inside',
  'outside',
  'toward',
  'towards',
  'upon',
  'within',
  'without',
  'via',
  'per',
  'use',
  'used',
  'uses',
  'using',
  'get',
  'gets',
  'getting',
  'give',
  'gives',
  'given',
  'make',
  'makes',
  'made',
  'take',
  'takes',
  'taken',
  'go',
  'goes',
  'going',
  'put',
  'want',
  'wants',
]

/** Words that never become search terms. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...EXTRA_STOP])

const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu

/** Lower-cases a word, straightens apostrophes and drops a possessive `'s` and thousands separators. */
export function normalizeWord(raw: string): string {
  let w = raw.toLowerCase().replace(/’/g, "'")
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(w)) w = w.replace(/,/g, '')
  if (w.endsWith("'s")) w = w.slice(0, -2)
  return w.replace(/\.$/, '')
}

/** Words whose stems are kept: the stemmer is the build's busiest function, and words repeat. */
const MAX_KEPT_STEMS = 400_000
const stems = new Map<string, string>()

/** The search term for a normalized word: its Porter stem, or '' for a stop word. */
export function termOf(word: string): string {
  let term = stems.get(word)
  if (term !== undefined) return term
  if (word === '' || STOP_WORDS.has(word)) term = ''
  // Numbers, years and scores stay as written: "2020" and "350" are strong evidence.
  else if (/^\d/.test(word)) term = word
  // "eleven" is "11" (data: src/data/number-words.json).
  else if (Object.hasOwn(NUMBER_WORDS, word) && word !== '_about')
    term = NUMBER_WORDS[word as keyof typeof NUMBER_WORDS]
  else if (word.length > 40 || word.length < 2) term = ''
  else term = stemmer(word)
  // A bounded cache: a long-running bot reads endless new words in questions.
  if (stems.size >= MAX_KEPT_STEMS) stems.clear()
  stems.set(word, term)
  return term
}

/**
 * Every word of a text with its offsets and search term (stop words keep `term: ''`). Markup
 * syntax (`linkgit:`, `{litdd}`, roles, link targets; see markup.ts) is no word of it.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of maskMarkup(text).matchAll(WORD)) {
    const glued = GLUED_MAGNITUDE.exec(m[0])
    const parts = glued
      ? [
          [glued[1] as string, m.index] as const,
          [glued[2] as string, m.index + (glued[1] as string).length] as const,
        ]
      : /[.,]/.test(m[0]) && !/^\d/.test(m[0])
        ? splitGlued(m[0], m.index)
        : [[m[0], m.index] as const]
    for (const [raw, at] of parts) {
      const word = normalizeWord(raw)
      out.push({ word, term: termOf(word), start: at, end: at + raw.length })
    }
  }
  return out
}

// "1.5million" is the number and its magnitude, as "1.5 million" is.
const GLUED_MAGNITUDE = /^(\d[\d.,]*)(thousand|million|billion|trillion)$/i

// "nonsense.Sesame" and "exist,but" are two words each, written without a space.
function splitGlued(raw: string, at: number): (readonly [string, number])[] {
  const out: (readonly [string, number])[] = []
  let offset = 0
  for (const piece of raw.split(/[.,]/)) {
    if (piece !== '') out.push([piece, at + offset] as const)
    offset += piece.length + 1
  }
  return out
}

/** The search terms of a text, in order, stop words dropped. */
export function terms(text: string): string[] {
  return tokenize(text)
    .map((t) => t.term)
    .filter((t) => t !== '')
}

/**
 * The lexicon key of a phrase of several words ("show off", "shut out", "status symbol"): each
 * word's Porter stem, stop words kept, so that "showing off" and "shut them out" find it the way
 * a question's words are read (see `phraseKeyOf` in query.ts).
 */
export function phraseKey(words: readonly string[]): string {
  return words.map((w) => stemmer(w.toLowerCase())).join(' ')
}
