import cues from '../data/answer-cues.json' with { type: 'json' }
import type { AnswerType } from './question.js'

export type { AnswerType }

/**
 * Whether a sentence holds a kind of answer: a date for "when", a number for "how many", a name
 * for "who", a reason for "why". Read from the sentence's shape and the cue words of
 * src/data/answer-cues.json; what the question itself names does not count (see `holdsAnswer`).
 */

const words = (list: readonly string[]) =>
  list
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length)
    .join('|')
const anyOf = (list: readonly string[]) => new RegExp(`\\b(?:${words(list)})\\b`, 'i')

const YEAR = /\b(?:1[89]\d\d|20\d\d)s?\b/
const MONTH = new RegExp(
  `\\b(?:${words(cues.month)})\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+(?:${words(cues.month)})\\b`,
  'i',
)
const NUMERIC_DATE = /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/
// A month alone ("in July") is a date too, but for the months that are also common words ("may",
// "march"), which need a word of time before them.
const MONTH_ALONE = new RegExp(
  `\\b(?:${words(cues.month.filter((m) => m.length > 3 && m !== 'march' && m !== 'sept'))})\\b|\\b(?:in|by|from|until|since|early|late|mid)[\\s-]+(?:may|march)\\b`,
  'i',
)
const TIME_WORD = anyOf(cues.time)
const DIGITS = /\d/
const NUMBER_WORD = anyOf(cues.number)
const MONEY = new RegExp(`[$€£¥]\\s?\\d|\\d\\s?(?:k\\b|%)|${anyOf(cues.money).source}`, 'i')
const DURATION = new RegExp(
  `\\bfor\\s+(?:a|an|the|several|many|few|\\d+|${words(cues.number)})\\s+(?:${words(cues.duration)})\\b|\\b\\d+\\s+(?:${words(cues.duration)})\\b`,
  'i',
)
const REASON = anyOf(cues.reason)
// A preposition before a capitalised word ("in Shanghai", "from the Alibaba network"). Without
// the "i" flag: under it, \p{Lu} matches small letters too ("to track", "on citizens").
const PLACE_NAMED = /\b(?:[Ii]n|[Aa]t|[Oo]n|[Ff]rom|[Tt]o)\s+(?:the\s+)?\p{Lu}\p{L}+/u
const PLACE_WORD = new RegExp(anyOf(cues.place).source, 'iu')
// A file's path is where a program keeps things ("~/.gitconfig", ".git/config", "/etc/gitconfig",
// "$HOME/git/config"); not "and/or" or "24/7".
const PATH = /(?<![\w/])(?:~|\$\w+|\.[\w-]+)?\/[\w.-]*\w(?:\/[\w.-]+)*|\b[\w.-]+(?:\/[\w.-]+){2,}/u
// Two or more capitalised words in a row not at the sentence's start, or one after a title.
const NAME =
  /(?<!^|[.!?]\s)\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.?)*\s+\p{Lu}\p{Ll}+\b|\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+\p{Lu}/u
// An organisation: a word in capitals ("ACLU", "TSA") or a capitalised word ending as companies do.
const ORGANIZATION =
  /\b\p{Lu}{2,}\b|\b\p{Lu}\p{L}+\s+(?:Inc|Corp|Group|Agency|Administration|Bank|Party|University|Foundation|Media|News)\b/u

const PATTERNS: Record<AnswerType, readonly RegExp[]> = {
  date: [YEAR, MONTH, MONTH_ALONE, NUMERIC_DATE, TIME_WORD],
  number: [DIGITS, NUMBER_WORD, MONEY],
  money: [MONEY],
  duration: [DURATION],
  reason: [REASON],
  place: [PLACE_NAMED, PLACE_WORD, PATH],
  person: [NAME, ORGANIZATION],
  organization: [ORGANIZATION, NAME],
}
const GLOBAL = Object.fromEntries(
  Object.entries(PATTERNS).map(([type, list]) => [
    type,
    list.map((re) => new RegExp(re.source, `${re.flags}g`)),
  ]),
) as unknown as Record<AnswerType, readonly RegExp[]>

/** The answers of a type a text holds: for each, its lower-case words (empty for a sign: "$", "%"). */
export function answersIn(type: AnswerType, text: string): string[][] {
  const out: string[][] = []
  for (const re of GLOBAL[type]) {
    for (const m of text.matchAll(re))
      out.push((m[0].match(/[\p{L}\p{N}']+/gu) ?? []).map((w) => w.toLowerCase()))
  }
  return out
}

/**
 * True when some answer of the type (see `answersIn`) holds a word the question did not use
 * (`asked`: lower-case words), so that "Who founded Alibaba?" is not answered by "Alibaba".
 */
export function holdsAnswer(found: readonly (readonly string[])[], asked: ReadonlySet<string>): boolean {
  return found.some((words) => words.length === 0 || words.some((w) => !asked.has(w)))
}
