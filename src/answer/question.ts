import nlp from 'compromise/two'
import type { Voice } from '../corpus/types.js'
import chatWords from '../data/chat-words.json' with { type: 'json' }
import questionWords from '../data/question-words.json' with { type: 'json' }

/** The kind of thing a question asks for, when it asks for one. */
export type AnswerType =
  | 'person'
  | 'organization'
  | 'place'
  | 'date'
  | 'number'
  | 'money'
  | 'duration'
  | 'reason'

/** How a question asks: by its question word, or as a yes/no question. */
export type WhWord = 'who' | 'what' | 'which' | 'when' | 'where' | 'why' | 'how' | 'yesno' | 'none'

/** A word's part of speech, as the NLP library tags it. */
export type Pos = 'noun' | 'name' | 'verb' | 'adjective' | 'adverb' | 'number' | 'other'

/** What a question asks, read before it is searched. */
export interface QuestionAnalysis {
  /** The question with chat spellings written out ("hw much can u" → "how much can you"). */
  text: string
  wh: WhWord
  /** The kind of answer asked for ("when" → a date), or null (yes/no, "what does X say"). */
  expects: AnswerType | null
  /** The noun a "which"/"what"/"any" asks about ("Which Soviet scientist" → "scientist", "any other country"), lower-case; null when none. */
  whNoun: string | null
  /** The kind of passage the question asks about ("which commenters…" → comment), or null. */
  voice: Voice | null
  /** True when it asks whether something holds, or who doubts it ("is it true…", "who disputes…"). */
  doubt: boolean
  /** Each lower-case word's part of speech. */
  pos: ReadonlyMap<string, Pos>
  /** The lower-case words the question writes as names (see `namesOf`: "Jupiter", "Tokyo"). */
  names: ReadonlySet<string>
  /** The lower-case words the NLP library knows as people or places ("Tokyo", "Australia"). */
  places: ReadonlySet<string>
}

const CHAT: ReadonlyMap<string, string> = new Map(
  Object.entries(chatWords).filter((e): e is [string, string] => !e[0].startsWith('_')),
)

const VOICE_WORDS: readonly [Voice, ReadonlySet<string>][] = [
  ['comment', new Set(questionWords.voice.comment)],
  ['update', new Set(questionWords.voice.update)],
  ['article', new Set(questionWords.voice.article)],
]
const FRAME_WORDS: ReadonlySet<string> = new Set(VOICE_WORDS.flatMap(([, set]) => [...set]))

/** True when a word asks for a kind of passage ("commenters", "article", "update") rather than for what it says. */
export function isFrameWord(word: string): boolean {
  return FRAME_WORDS.has(word)
}

const MONEY_VERBS: ReadonlySet<string> = new Set(questionWords.money)

const DOUBT_WORDS: ReadonlySet<string> = new Set(questionWords.doubt)
const EXPECTS: readonly [AnswerType, ReadonlySet<string>][] = Object.entries(questionWords.expects).map(
  ([type, words]) => [type as AnswerType, new Set(words)] as const,
)

/** Words a yes/no question opens with. */
const YES_NO =
  /^(?:is|are|was|were|am|do|does|did|can|could|will|would|shall|should|may|might|must|has|have|had)$/

/**
 * Writes chat spellings out: each space-separated token, lower-cased and without the punctuation
 * around it, is looked up in the table of chat spellings (src/data/chat-words.json).
 */
export function expandChat(text: string): string {
  return text.replace(/\S+/g, (token) => {
    const m = /^([("'“‘]*)(.*?)([?!.,;:)"'”’]*)$/u.exec(token)
    if (!m) return token
    const [, lead = '', core = '', trail = ''] = m
    // A word in capitals is a name or an abbreviation ("US", "ID"), not chat.
    if (core.length > 1 && core === core.toUpperCase() && /\p{Lu}/u.test(core)) return token
    const out = CHAT.get(core.toLowerCase())
    return out === undefined ? token : `${lead}${out}${trail}`
  })
}

interface Term {
  text: string
  tags: string[]
}

function posOf(tags: readonly string[]): Pos {
  const has = (t: string) => tags.includes(t)
  if (has('Value') || has('NumericValue')) return 'number'
  if (has('ProperNoun') || has('Person') || has('Place') || has('Organization')) return 'name'
  if (has('Noun') && !has('Pronoun')) return 'noun'
  if (has('Verb') && !has('Copula') && !has('Auxiliary') && !has('Modal')) return 'verb'
  if (has('Adjective')) return 'adjective'
  if (has('Adverb')) return 'adverb'
  return 'other'
}

const clean = (w: string) => w.toLowerCase().replace(/[’]/g, "'").replace(/'s$/, '')

/** Reads a question: chat spellings, its question word, what kind of answer it wants, and its frame. */
export function analyzeQuestion(question: string): QuestionAnalysis {
  const text = expandChat(question)
  const terms: Term[] = (nlp(text).json() as { terms: Term[] }[]).flatMap((s) => s.terms)
  const words = terms.map((t) => clean(t.text)).filter((w) => w !== '')
  const pos = new Map<string, Pos>()
  for (const t of terms) {
    const w = clean(t.text)
    if (w !== '' && !pos.has(w)) pos.set(w, posOf(t.tags))
  }
  const { wh, at } = questionWordOf(terms, words)
  const whNoun =
    wh === 'what' || wh === 'which' ? nounAfter(terms, at + 1) : wh === 'yesno' ? kindAsked(terms) : null
  const voice = VOICE_WORDS.find(([, set]) => words.some((w) => set.has(w)))?.[0] ?? null
  const doubt = words.some((w) => DOUBT_WORDS.has(w))
  const expects = expectsOf(wh === 'yesno' && whNoun ? 'which' : wh, words[at + 1] ?? '', whNoun, terms)
  const places = new Set(
    terms.filter((t) => t.tags.includes('Person') || t.tags.includes('Place')).map((t) => clean(t.text)),
  )
  return { text, wh, expects, whNoun, voice, doubt, pos, names: namesOf(terms), places }
}

function questionWordOf(terms: readonly Term[], words: readonly string[]): { wh: WhWord; at: number } {
  const known: Record<string, WhWord> = {
    who: 'who',
    whom: 'who',
    whose: 'who',
    what: 'what',
    "what's": 'what',
    which: 'which',
    when: 'when',
    where: 'where',
    why: 'why',
    how: 'how',
  }
  const i = terms.findIndex((t, j) => t.tags.includes('QuestionWord') || known[words[j] ?? ''] !== undefined)
  const w = i >= 0 ? (words[i] ?? '') : ''
  // "Does Credit China point out which of your contacts…" asks yes or no: a question word after
  // an auxiliary that opens the question belongs to a clause.
  if (YES_NO.test(words[0] ?? '') && i !== 0) return { wh: 'yesno', at: 0 }
  const wh = known[w]
  if (wh) return { wh, at: i }
  return { wh: YES_NO.test(words[0] ?? '') ? 'yesno' : 'none', at: 0 }
}

/**
 * The words a question writes as names: capitalised, not at its start. In a question written in
 * title case ("Vogue’s Shiny New Office Has a Big Rat Problem") capitals tell nothing, and only
 * the words the NLP library knows as people, places or organisations are names.
 */
function namesOf(terms: readonly Term[]): Set<string> {
  const words = terms.filter((t) => /\p{L}/u.test(t.text))
  const capital = (t: Term) => /^\p{Lu}/u.test(t.text) && t.text !== 'I'
  const titleCase = words.length >= 4 && words.filter(capital).length >= TITLE_CASE_SHARE * words.length
  const known = (t: Term) =>
    t.tags.includes('Person') || t.tags.includes('Place') || t.tags.includes('Organization')
  // A name written in lower case ("the lakers game") is one when the library knows it.
  return new Set(
    terms
      .filter((t, i) => (i > 0 && capital(t) && (!titleCase || known(t))) || (!capital(t) && known(t)))
      .map((t) => clean(t.text)),
  )
}

/** Share of a question's words written with a capital from which it is written in title case. */
const TITLE_CASE_SHARE = 0.6

/** The noun after "any" or "another" in a yes/no question ("Has any other country…?" → country): a class whose instances answer. */
function kindAsked(terms: readonly Term[]): string | null {
  const i = terms.findIndex((t) => /^(?:any|another)$/i.test(t.text))
  if (i < 0) return null
  const next = clean(terms[i + 1]?.text ?? '') === 'other' ? i + 2 : i + 1
  const noun = nounAfter(terms, next)
  // "any time soon", "any longer": a time is no kind of thing asked for.
  return noun && EXPECTS.find(([type]) => type === 'date')?.[1].has(noun) ? null : noun
}

/** The last noun of the noun phrase that starts at `from` ("Soviet scientist" → scientist; "kind of website" → website). */
function nounAfter(terms: readonly Term[], from: number): string | null {
  let last: string | null = null
  for (let i = from; i < terms.length; i++) {
    const t = terms[i] as Term
    const w = clean(t.text)
    const p = posOf(t.tags)
    if ((w === 'kind' || w === 'type' || w === 'sort') && clean(terms[i + 1]?.text ?? '') === 'of') {
      i += 1
      continue
    }
    if (p === 'noun' || p === 'name') last = w
    else if (
      p === 'verb' &&
      last === null &&
      i === from &&
      !YES_NO.test(w) &&
      t.tags.includes('Infinitive')
    ) {
      // "What score range": the tagger may read the first noun of a compound as a verb.
      last = w
    } else if (p !== 'adjective') break
  }
  return last
}

function expectsOf(
  wh: WhWord,
  next: string,
  whNoun: string | null,
  terms: readonly Term[],
): AnswerType | null {
  switch (wh) {
    case 'who':
      return 'person'
    case 'when':
      return 'date'
    case 'where':
      return 'place'
    case 'why':
      return 'reason'
    case 'how':
      if (next === 'long') return 'duration'
      // "How much does it cost", "how much can you borrow": an amount of money.
      if (next === 'much' && terms.some((t) => MONEY_VERBS.has(clean(t.text)))) return 'money'
      return EXPECTS.find(([type, set]) => type === 'number' && set.has(next)) ? 'number' : null
    case 'what':
    case 'which': {
      if (!whNoun) return null
      const listed = EXPECTS.find(([, set]) => set.has(whNoun))?.[0]
      if (listed) return listed
      const tags = terms.find((t) => clean(t.text) === whNoun)?.tags ?? []
      if (tags.includes('Actor') || tags.includes('Person')) return 'person'
      if (tags.includes('Date') || tags.includes('Duration')) return 'date'
      if (tags.includes('Place')) return 'place'
      return null
    }
    default:
      return null
  }
}
