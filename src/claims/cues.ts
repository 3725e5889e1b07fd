import { type TaggedWord, tagWords } from '../corpus/sentences.js'
import DENIAL_WORDS from '../data/denial-words.json' with { type: 'json' }
import HEDGE_WORDS from '../data/hedge-words.json' with { type: 'json' }
import { type Token, termOf, tokenize } from '../search/text.js'

/**
 * The words by which a passage shows that it disputes something, or only reports it. The word
 * lists are data (src/data/denial-words.json, src/data/hedge-words.json), general English, not
 * tied to any one corpus; a match is reported with the words that matched, for the note.
 */

/**
 * A phrase of the word lists as a pattern: whole words, case aside; `*` ends a word with any
 * letters, `a/b` is either word at that place, an apostrophe is either apostrophe.
 */
export function phrasePattern(phrase: string): string {
  const word = (w: string) =>
    w
      .split('/')
      .map((alt) =>
        alt
          .split(/(\*{2,})/)
          .map((piece) =>
            // A run of asterisks is itself ("bull****"); one stands for any letters.
            /^\*{2,}$/.test(piece)
              ? `\\*{${piece.length}}`
              : piece
                  .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
                  .replace(/['’]/g, "['’]")
                  .replace(/\*/g, '\\p{L}*'),
          )
          .join(''),
      )
      .join('|')
  const words = phrase
    .trim()
    .split(/\s+/)
    .map((w) => `(?:${word(w)})`)
  const lead = /^[\p{L}\p{N}]/u.test(phrase) ? '(?<![\\p{L}\\p{N}])' : ''
  const tail = /[\p{L}\p{N}*]$/u.test(phrase) ? '(?![\\p{L}\\p{N}])' : ''
  return `${lead}${words.join('[\\s-]+')}${tail}`
}

/** One pattern for a list of phrases, longest first (so "fake news" wins over "fake"). */
function listPattern(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length)
  // One word boundary around the whole alternation, not one per phrase: the lists are long and
  // read for every sentence of the corpus.
  const bounded = sorted.every((p) => /^[\p{L}\p{N}]/u.test(p))
  const inner = sorted.map((p) => (bounded ? phrasePattern(p).replace(LEAD, '') : phrasePattern(p)))
  return new RegExp(bounded ? `${LEAD_SOURCE}(?:${inner.join('|')})` : inner.join('|'), 'iu')
}
const LEAD_SOURCE = '(?<![\\p{L}\\p{N}])'
const LEAD = /^\(\?<!\[\\p\{L\}\\p\{N\}\]\)/

/** Language that calls a statement false or unfounded ("hoax", "not true", "debunked"): the falsity list. */
export const FALSITY = listPattern(DENIAL_WORDS.falsity)
/** The same, matching every occurrence. */
const FALSITY_EVERYWHERE = new RegExp(FALSITY.source, `${FALSITY.flags}g`)
/** Language that denies a statement ("denied", "dismissed", "no plans to"). */
export const DENIAL = listPattern(DENIAL_WORDS.denial)
/** Language that casts doubt on a statement ("cast doubt", "skeptical"). */
export const DOUBT = listPattern(DENIAL_WORDS.doubt)
/** A source's retraction or correction of what it said ("withdrawn", "correction"). */
export const RETRACTION = listPattern(DENIAL_WORDS.retraction)
/** Words a negation may stand before what it calls untrue ("isn't necessarily completely accurate"). */
const TRUTH_REACH = 3
/** A negation of truth: "not true", "isn't necessarily completely accurate", "never confirmed". */
export const NOT_TRUE = new RegExp(
  `(?:${phrasePattern('not')}|${phrasePattern('never')}|n['’]t)(?:\\s+[\\p{L}]+){0,${TRUTH_REACH}}?\\s+(?:${DENIAL_WORDS.truth.map(phrasePattern).join('|')})`,
  'iu',
)
/** Every kind of language that says a statement is not so, in the order they are reported. */
export const DISPUTE_LANGUAGE: readonly RegExp[] = [FALSITY, NOT_TRUE, DENIAL, RETRACTION, DOUBT]

/**
 * The letters every dispute phrase starts with (its first word up to a wildcard), as one pattern
 * of plain words: a text without any of them has no dispute language, and this is much faster to
 * rule out than the lists themselves, which are read for every sentence of a corpus.
 */
const DISPUTE_START_WORDS = [
  ...new Set(
    [
      ...DENIAL_WORDS.falsity,
      ...DENIAL_WORDS.denial,
      ...DENIAL_WORDS.retraction,
      ...DENIAL_WORDS.doubt,
      'not',
      'never',
      'nor',
    ].flatMap(keyWord),
  ),
].map((w) => w.replace(/['’]/g, "['’]"))
// "n't" is a word's ending, the rest start words.
const DISPUTE_START = new RegExp(`n['’]t|\\b(?:${DISPUTE_START_WORDS.join('|')})`, 'i')

/**
 * The telling word of a phrase, for `DISPUTE_START`: the word whose alternatives are longest
 * before a wildcard ("joke" of "is/was a joke", "evidence" of "no evidence"), as its alternatives.
 */
function keyWord(phrase: string): string[] {
  const words = phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.split('/').map((alt) => (alt.split('*')[0] ?? '').toLowerCase()))
  const best = words.reduce((x, y) =>
    Math.min(...y.map((a) => a.length)) > Math.min(...x.map((a) => a.length)) ? y : x,
  )
  return best.filter((w) => /^[a-z][a-z'’-]*$/.test(w))
}

/** Words that report a statement without vouching for it ("reportedly", "rumors", "according to"). */
export const REPORTED = listPattern(HEDGE_WORDS.reported)
/** Verbs of belief: what follows them is what someone thought, not what the text says ("thought the bill was a joke"). */
const BELIEF = listPattern(HEDGE_WORDS.belief)
/** Words a belief may stand before the words it governs. */
const BELIEF_REACH = 6

/** Words that tie a doubt to a whole source: the article, its author, its sources. */
export const SOURCE_REFERENCE: readonly RegExp[] = [
  /\b(the|this|your|that) (article|story|post|piece|blog post|reporting|information)\b/i,
  /\bthe source\b/i,
  /\bsources?\b.{0,30}\b(accura|reliab|question)/i,
  /\b(this|the) (guy|author|writer|journalist)\b/i,
  /\bwhat you(’|')?ve written\b/i,
  /\b(reference|link|quote)s?\b.{0,20}\b(not a single|none|no)\b|\bnot a single (reference|link|source)\b/i,
  /\bit(’|')?s source free\b/i,
]

/** Section headings that announce corrections. */
export const CORRECTION_HEADING =
  /\b(misconceptions?|myths?|misunderstandings?|debunk\w*|fact[- ]?check\w*|rumou?rs?|false)\b/i

/**
 * True when a section heading announces corrections ("Misconceptions in Western Media"); not
 * when the word is a value the heading names ("-r, --rebase[=false|true]", "Defaults to 'false'").
 */
export function isCorrectionHeading(heading: string): boolean {
  const prose = proseOf(heading)
  const m = CORRECTION_HEADING.exec(prose)
  return m !== null && !valueAt(prose, m.index, m[0].length)
}

/** Words that limit a statement to the present ("for now"), so it does not contradict a future claim. */
export const PRESENT_HEDGE = listPattern(HEDGE_WORDS.present)

/** Words that make a statement about the future. */
export const FUTURE = /\b(will|would|shall|by 20\d\d|from 20\d\d|no later than|plans? to|going to)\b/i

/** Negation: a statement and its negation dispute each other. */
export const NEGATION = new RegExp(
  // "*n't" is a word's ending: "didn't", "isn’t".
  DENIAL_WORDS.negation
    .map((w) =>
      w.startsWith('*') ? phrasePattern(w.slice(1)).replace(/^\(\?<!.*?\)/, '') : phrasePattern(w),
    )
    .join('|'),
  'iu',
)

/** Incredulous answers to a quoted statement. */
export const INCREDULITY = /^\s*(really|seriously|is that so|what)\s*\?+\s*$/i

/** Contrast that answers a quoted statement. */
export const CONTRAST = /\b(but in fact|in fact|actually|however|but)\b/i

/**
 * Literal text inside prose: a code span (`false`, ``git reset --soft``), a command-line option
 * (--no-verify, -n) or a setting (sslVerify=false). What is written there is a value or a name,
 * not the writer's words: "set it to `false`" denies nothing, `--no-edit` negates nothing.
 */
const LITERAL =
  /``[^`\n]+``|`[^`\n]+`|(?<![\p{L}\p{N}])--?[\p{L}\p{N}][\p{L}\p{N}-]*|[\p{L}\p{N}_.]+=[^\s,;)]*/gu

/** The text with its literals (see `LITERAL`) blanked to spaces, so that what stays is prose at the same places. */
export function proseOf(text: string): string {
  if (!/[`=-]/.test(text)) return text
  return text.replace(LITERAL, (m) => ' '.repeat(m.length))
}

/**
 * The first dispute phrase in a text, or null. A phrase that a verb of belief governs is what
 * someone thought, not what the text says ("they thought the bill was a joke"). Literals (code
 * spans, options, settings) are no phrase.
 */
export function disputePhrase(written: string): string | null {
  if (!DISPUTE_START.test(written)) return null
  const known = phrases.get(written)
  if (known !== undefined) return known
  // Idioms deny nothing ("it was wrong for them to go" judges what happened; it does not deny it).
  const text = withoutIdioms(proseOf(written))
  let found: string | null = null
  scan: for (const re of DISPUTE_LANGUAGE) {
    // The falsity list is read past its first match (a word of it may describe a thing); the
    // others stop at it.
    const matches = re === FALSITY ? text.matchAll(FALSITY_EVERYWHERE) : [re.exec(text)]
    for (const m of matches) {
      if (!m) break
      if (
        !believed(text, m.index) &&
        !negatedBefore(text, m.index) &&
        !conditional(text, m.index) &&
        !valueAt(text, m.index, m[0].length) &&
        !(re === FALSITY && (describesThing(text, m.index, m[0]) || judgesAct(text, m.index, m[0])))
      ) {
        found = m[0]
        break scan
      }
    }
  }
  if (phrases.size >= PHRASES_KEPT) phrases.clear()
  phrases.set(written, found)
  return found
}

/**
 * True when a word of the falsity list describes a thing rather than calls a statement untrue:
 * written before a noun that is no statement ("a fake passport", "a poorly staged commit",
 * "incorrect data"; "false accusations", "a fake photo" call them untrue), or after a noun as
 * what was done to it ("the changes staged in the index"; "the video was staged" says it).
 */
function describesThing(text: string, at: number, phrase: string): boolean {
  if (/\s/.test(phrase)) return false
  const next = /^[\s-]+([\p{L}][\p{L}'’-]*)/u.exec(text.slice(at + phrase.length))?.[1]
  if (!next) return false
  const words = tagWords(text)
  const own = phrase.toLowerCase()
  // A possessive is the noun's ("staged contents' mode bits", "a fake passport's number").
  const after = next.toLowerCase().replace(/['’]s?$/, '')
  const i = words.findIndex((w, k) => w.word === own && words[k + 1]?.word === after)
  if (i < 0) return false
  const [before, word, then] = [words[i - 1], words[i], words[i + 1]]
  // Only a word that modifies ("fake", "staged"); a noun ("a hoax staged for…") names the verdict.
  if (word?.pos !== 'ADJ' && word?.pos !== 'VERB') return false
  // A noun, or a word the tagger took for a verb where a noun phrase goes ("fake commit ancestry",
  // "a poorly staged commit").
  const noun =
    then !== undefined &&
    (then.pos === 'NOUN' ||
      then.pos === 'PROPN' ||
      (then.pos === 'VERB' && (word?.pos === 'ADJ' || before?.pos === 'DET' || before?.pos === 'ADV')))
  if (noun) return !STATEMENT.test(then.word)
  return before?.pos === 'NOUN' && word?.pos === 'VERB' && then?.pos === 'ADP'
}

/**
 * True when a falsity word judges an act rather than calls a statement untrue: a single word
 * before "to" and a verb that says nothing ("it can be misleading to know the first bad commit";
 * "false to say", "wrong to assume that" still call it untrue: the verbs of saying are data).
 */
function judgesAct(text: string, at: number, phrase: string): boolean {
  if (/\s/.test(phrase)) return false
  const verb = /^\s+to\s+(\p{L}+)/u.exec(text.slice(at + phrase.length))?.[1]
  if (verb === undefined || SAYING.test(verb)) return false
  const own = phrase.toLowerCase()
  const next = verb.toLowerCase()
  const words = tagWords(text)
  return words.some(
    (w, k) =>
      w.word === own &&
      words[k + 1]?.word === 'to' &&
      words[k + 2]?.word === next &&
      (words[k + 2]?.pos === 'VERB' || words[k + 2]?.pos === 'AUX'),
  )
}

/** Verbs after which a falsity word and "to" call what follows untrue ("false to say"). */
const SAYING = new RegExp(`^(?:${listPattern(DENIAL_WORDS.saying).source})$`, 'iu')

/** Nouns of what is said or shown, which a falsity word before them calls untrue. */
const STATEMENT = new RegExp(`^(?:${listPattern(DENIAL_WORDS.statements).source})$`, 'iu')

// The same sentence, passage or comment is read for dispute language several times while the
// index is built (its tags, its claims, its disputes, its caveats).
const phrases = new Map<string, string | null>()
const PHRASES_KEPT = 50000

/** The first phrase that reports without vouching ("reportedly", "according to"), or null. */
export function reportedPhrase(text: string): string | null {
  return REPORTED.exec(text)?.[0] ?? null
}

/** True when a negation stands just before `at` ("not entirely falsely so", "did not deny"): it says the opposite. */
function negatedBefore(text: string, at: number): boolean {
  const before = tokenize(text.slice(0, at))
  let i = before.length - 1
  // Past words that only stand between ("not entirely falsely", "not a hoax"); "not those
  // bullshits" still calls them so.
  while (i >= 0 && (TRANSPARENT.has(before[i]?.word ?? '') || ARTICLES.has(before[i]?.word ?? ''))) i--
  return i >= 0 && NEGATION.test(before[i]?.word ?? '')
}

const ARTICLES: ReadonlySet<string> = new Set(['a', 'an'])

/** True when a verb of belief stands a few words before `at` ("thought the bill was a joke"). */
function believed(text: string, at: number): boolean {
  const before = text.slice(0, at).split(/\s+/).slice(-BELIEF_REACH).join(' ')
  return BELIEF.test(before)
}

const OPENING_INSTRUCTION = new RegExp(
  `^\\W*(?:${listPattern(DENIAL_WORDS.instructions.opening).source})`,
  'iu',
)
const MODAL_INSTRUCTION = listPattern(DENIAL_WORDS.instructions.modal)

/**
 * True when a sentence's negation gives a rule rather than denies what is so: an imperative ("Do
 * not output flags", "Never base work on it") or a rule with a modal ("the branch must not exist").
 */
export function instructs(text: string): boolean {
  return OPENING_INSTRUCTION.test(text) || MODAL_INSTRUCTION.test(text)
}

/** Words that open a condition ("if", "when"). */
const CONDITIONAL: ReadonlySet<string> = new Set(HEDGE_WORDS.conditional)

/**
 * True when the clause of `at` opens with a condition before it ("if it is false, …", "even if
 * it turns out to be a hoax"): the sentence considers a case, it judges nothing.
 */
function conditional(text: string, at: number): boolean {
  const clause = text.slice(0, at).split(CLAUSE_END).pop() ?? ''
  return tokenize(clause).some((t) => CONDITIONAL.has(t.word))
}

/**
 * True when the words at `at` are written as a value rather than said: among a setting's values
 * (`[=false|true]`, `{true|false}`, `<false>`), or what something is set to ("defaults to false",
 * "set to 'false'"). Quotes alone are not enough: "called the article “false”" says it.
 */
function valueAt(text: string, at: number, length: number): boolean {
  const before = text.slice(0, at)
  const after = text.slice(at + length)
  return (
    VALUE_OPEN.test(before) ||
    VALUE_CLOSE.test(after) ||
    SET_TO.test(before) ||
    (CODE_OPEN.test(before) && CODE_CLOSE.test(after)) ||
    (QUOTED_FIRST.test(before) && QUOTE_CLOSE.test(after)) ||
    ALTERNATIVE_BEFORE.test(before) ||
    ALTERNATIVE_AFTER.test(after)
  )
}
// A word written as code (`false`), one in quotes that opens the text ("false" disables it; a
// report called "false" is called so), or one of two values ("true/false", "either true or false").
const CODE_OPEN = /`$/
const CODE_CLOSE = /^`/
const QUOTED_FIRST = /^\W*["'“‘]$/
const QUOTE_CLOSE = /^["'”’]/
const ALTERNATIVE_BEFORE = /\btrue["'`”’]?\s*(?:\/|\bor\b)\s*["'`“‘]?$/i
const ALTERNATIVE_AFTER = /^["'`”’]?\s*(?:\/|\bor\b)\s*["'`“‘]?true\b/i
const VALUE_OPEN = /[=|[{<]$/
const VALUE_CLOSE = /^[|\]}>]/
// The verb, a few words (what is set) apart, then "to" right before the value.
const SET_TO = new RegExp(`\\b(?:${DENIAL_WORDS.values.join('|')})(?:\\s+\\S+){0,3}?\\s+to\\s+['"‘“]?$`, 'i')

/** True when a text ties its doubt to a whole source rather than one statement. */
export function refersToSource(text: string): boolean {
  return SOURCE_REFERENCE.some((re) => re.test(text))
}

/** Words a negation may stand before the term it negates ("has never really involved"). */
const NEGATION_REACH = 4
/** Words a copula may stand before what it predicates ("will be totally optional"). */
const PREDICATE_REACH = 3

/** Verbs that predicate what follows them ("is optional", "will become mandatory"). */
export const COPULA: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'become',
  'becomes',
  'became',
  'remain',
  'remains',
  'its',
  "it's",
  'seem',
  'seems',
  'appears',
  'stays',
])

/** The terms of the tokens that a word of `words` stands at most `reach` words before. */
function termsAfter(tokens: readonly Token[], reach: number, marks: (word: string) => boolean): Set<string> {
  const out = new Set<string>()
  let last = Number.NEGATIVE_INFINITY
  tokens.forEach((t, i) => {
    if (i - last <= reach) out.add(t.term)
    if (marks(t.word)) last = i
  })
  return out
}

/** The terms that a negation stands just before in a sentence's tokens ("was not unanimous" → unanim). */
export function negatedTerms(tokens: readonly Token[]): Set<string> {
  return termsAfter(tokens, NEGATION_REACH, (w) => NEGATION.test(w))
}

/** Negations that negate nothing ("not the first time", "no doubt"). */
const IDIOMS = listPattern(DENIAL_WORDS.idioms)
/** Words between a negation and what it negates ("not able to burrow", "not yet confirmed"). */
const TRANSPARENT: ReadonlySet<string> = new Set(DENIAL_WORDS.transparent)

/** A text with its idiomatic negations blanked out (same length, so offsets hold). */
export function withoutIdioms(text: string): string {
  return text.replace(new RegExp(IDIOMS.source, 'giu'), (m) => ' '.repeat(m.length))
}

/**
 * What each negation negates as a predicate: the first content word after it ("has not been
 * stolen" → stolen, "was not the wife of" → wife, "would not prosecute low-level cases" →
 * prosecute), past words that only stand between ("not able to burrow" → burrow), with the
 * terms `termsOf` gives that word (its stem, its lemma's).
 */
function negatedPredicate<W extends { word: string }>(
  words: readonly W[],
  termsOf: (w: W) => string[],
  breaksBefore: (j: number) => boolean,
): Set<string> {
  const out = new Set<string>()
  words.forEach((w, i) => {
    if (!isNegation(w.word)) return
    for (let j = i + 1; j < words.length && j <= i + NEGATION_REACH + 1; j++) {
      // A negation's scope ends with its clause ("when I do not even want, everything appears").
      if (breaksBefore(j)) break
      const u = words[j] as W
      const found = termsOf(u).filter((t) => t !== '')
      if (found.length === 0 || NEGATION.test(u.word) || TRANSPARENT.has(u.word)) continue
      for (const t of found) out.add(t)
      break
    }
  })
  return out
}

/** A word that negates: "not", "never", "no", "nobody", the "n't" of "didn't". */
function isNegation(word: string): boolean {
  return NEGATION.test(word) || /^n['’]t$/.test(word)
}

/** The terms a sentence's negations negate as predicates, from its tokens (see `negatedPredicate`). */
export function negatedPredicates(tokens: readonly Token[], text: string): Set<string> {
  return negatedPredicate(
    tokens,
    (t) => [t.term],
    (j) => CLAUSE_END.test(text.slice(tokens[j - 1]?.end ?? 0, tokens[j]?.start ?? 0)),
  )
}

/** Punctuation that ends a clause. */
const CLAUSE_END = /[,;:.!?—–()]/

/**
 * The same from tagged words, with each word's lemma too ("did not make" → make, as "made" is):
 * the stems of irregular forms differ.
 */
export function negatedLemmas(words: readonly { word: string; lemma: string }[]): Set<string> {
  return negatedPredicate(
    words,
    (w) => [termOf(w.word), termOf(w.lemma)],
    (j) => CLAUSE_END.test(words[j]?.word ?? ''),
  )
}

/** What a negation may negate, and the clause it stands in. */
export interface NegatedClause {
  /** The terms of the words it stands just before, in its clause ("did not make $72 million" → make, 72, million). */
  scope: ReadonlySet<string>
  /** The terms of the clause's content words ("he", "make", "$72 million", "trading stocks"). */
  clause: ReadonlySet<string>
}

/** Words of tagged text that end a clause: punctuation, and the conjunctions that join clauses. */
function endsClause(w: TaggedWord): boolean {
  return (
    (w.pos === 'PUNCT' && CLAUSE_END.test(w.word)) ||
    w.pos === 'CCONJ' ||
    w.pos === 'SCONJ' ||
    (w.pos === 'PRON' && /^(which|who|that)$/.test(w.word))
  )
}

/** The terms of a tagged word: its own and its lemma's. */
function termsOfWord(w: TaggedWord): string[] {
  return [...new Set([termOf(w.word), termOf(w.lemma)])].filter((t) => t !== '')
}

/** The terms of the content words of `words[from..to)`. */
function termsIn(words: readonly TaggedWord[], from: number, to: number): Set<string> {
  const out = new Set<string>()
  for (let i = from; i < to; i++) for (const t of termsOfWord(words[i] as TaggedWord)) out.add(t)
  return out
}

/** Where the clause around `i` starts and ends in `words` (see `endsClause`). */
function clauseAround(words: readonly TaggedWord[], i: number): [number, number] {
  let from = i
  while (from > 0 && !endsClause(words[from - 1] as TaggedWord)) from--
  let to = i + 1
  while (to < words.length && !endsClause(words[to] as TaggedWord)) to++
  return [from, to]
}

/**
 * Each negation of tagged words that says something is not so, with what it may negate and the
 * rest of its clause ("he did not make $72 million from trading" → make, 72, million; he, make,
 * 72, million, trade).
 */
export function negatedClauses(words: readonly TaggedWord[]): NegatedClause[] {
  const out: NegatedClause[] = []
  words.forEach((w, i) => {
    if (!isNegation(w.word)) return
    const [from, to] = clauseAround(words, i)
    // A negation in a condition considers a case ("If the submodule is not yet initialized, …").
    for (let k = Math.max(0, from - 1); k < i; k++) if (CONDITIONAL.has(words[k]?.word ?? '')) return
    // "nobody I know gets…": the words a negation stands before, as far as a negation reaches.
    out.push({
      scope: termsIn(words, i + 1, Math.min(to, i + NEGATION_REACH + 2)),
      clause: termsIn(words, from, to),
    })
  })
  return out
}

/**
 * What a sentence states of something: each word that says what is done or what something is (a
 * verb, an adjective, a number, a noun a copula predicates: "was reportedly blurred", "a unanimous
 * vote", "$72 million", "is a myth"), by its terms and its lemma's, with the rest of its clause. A
 * noun that names a thing ("git-cherry-pick", "the merge", "the toll") is none.
 */
export function statedPredicates(words: readonly TaggedWord[]): Map<string, StatedPredicate> {
  const out = new Map<string, StatedPredicate>()
  words.forEach((w, i) => {
    if (!isPredicate(words, i)) return
    const [from, to] = clauseAround(words, i)
    // Not the other parts of its own word ("git-cherry-pick": the tagger splits it at the hyphens).
    const [start, end] = compoundAround(words, i)
    const clause = termsIn(words, from, start)
    for (const t of termsIn(words, end, to)) clause.add(t)
    const term = termOf(w.word)
    for (const t of termsOfWord(w)) out.set(t, { term, clause })
  })
  return out
}

/** A word a sentence states something with (see `statedPredicates`). */
export interface StatedPredicate {
  /** The word's own term, as the sentence's terms hold it ("stole", whose lemma is "steal"). */
  term: string
  /** The terms of the rest of its clause. */
  clause: ReadonlySet<string>
}

/** Where the hyphenated word that `words[i]` is a part of starts and ends ("git-cherry-pick"). */
function compoundAround(words: readonly TaggedWord[], i: number): [number, number] {
  let start = i
  while (start >= 2 && words[start - 1]?.word === '-') start -= 2
  let end = i + 1
  while (end + 1 < words.length && words[end]?.word === '-') end += 2
  return [start, end]
}

/**
 * True when `words[i]` says what is done or what something is (see `statedPredicates`): a noun
 * counts after a copula, and after a verb too common to say it alone ("get discounts", "have a
 * say").
 */
function isPredicate(words: readonly TaggedWord[], i: number): boolean {
  const w = words[i] as TaggedWord
  if (w.pos === 'VERB' || w.pos === 'ADJ' || w.pos === 'NUM') return true
  if (w.pos !== 'NOUN') return false
  for (let j = i - 1; j >= Math.max(0, i - PREDICATE_REACH - 1); j--) {
    const u = words[j] as TaggedWord
    if (COPULA.has(u.word) || (u.pos === 'VERB' && termsOfWord(u).length === 0)) return true
    if (u.pos !== 'ADV' && u.pos !== 'DET' && u.pos !== 'PART' && u.pos !== 'AUX' && u.pos !== 'ADJ')
      return false
  }
  return false
}

/** The terms that a copula stands just before in a sentence's tokens ("is totally optional" → option). */
export function predicatedTerms(tokens: readonly Token[]): Set<string> {
  return termsAfter(tokens, PREDICATE_REACH, (w) => COPULA.has(w))
}

/**
 * The term of what a sentence says `term` of: the last content word before the copula that
 * predicates it ("restrictions are imposed" → restrict). '' when that is a pronoun or no content
 * word ("it will be mandatory"), null when the sentence does not predicate `term`.
 */
export function subjectOf(tokens: readonly Token[], term: string): string | null {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.term !== term) continue
    for (let j = i - 1; j >= Math.max(0, i - PREDICATE_REACH); j--) {
      if (!COPULA.has(tokens[j]?.word ?? '')) continue
      // Skip the auxiliaries and adverbs between the subject and its copula ("it will be").
      for (let k = j - 1; k >= Math.max(0, j - PREDICATE_REACH); k--) {
        const w = tokens[k]
        if (w && w.term !== '' && !AUXILIARY.has(w.word)) return w.term
        if (w && PRONOUN.has(w.word)) return ''
      }
      return ''
    }
  }
  return null
}

const AUXILIARY: ReadonlySet<string> = new Set([
  'will',
  'would',
  'shall',
  'may',
  'might',
  'must',
  'can',
  'could',
])
const PRONOUN: ReadonlySet<string> = new Set(['it', 'this', 'that', 'they', 'he', 'she', 'we', 'you', 'i'])

/** True when a negation stands just before one of the given terms ("was not unanimous", "has never involved"). */
export function negates(text: string, terms: Iterable<string>): boolean {
  const negated = negatedTerms(tokenize(text))
  for (const t of terms) if (negated.has(t)) return true
  return false
}

// A name: capitalised words ("The Wall Street Journal", "CNBC", "Metro.co.uk").
const NAME = String.raw`(?:the\s+)?\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+(?:of\s+|for\s+)?\p{Lu}[\p{L}\p{N}.&'’-]*){0,5}`
/**
 * Where a sentence names who it got its account from ("The Wall Street Journal reports",
 * "according to CNBC", "told Reuters"): the outlet is not what the account is about, so two
 * stories that cite the same paper do not share an event through it.
 */
const ATTRIBUTION: readonly RegExp[] = [
  new RegExp(
    String.raw`\baccording\s+to\s+(?:(?:a|an|the)\s+)?(?:reports?|sources?|an?\s+article)?\s*(?:(?:in|from|by|at)\s+)?(${NAME}(?:\s+and\s+${NAME})?)`,
    'gu',
  ),
  new RegExp(
    String.raw`(${NAME})\s+(?:first\s+|also\s+|has\s+|had\s+)?(?:reports|reported|wrote|writes|cited|quoted)\b`,
    'gu',
  ),
  new RegExp(
    String.raw`\b(?:reported|first\s+reported|published|quoted|cited)\s+(?:by|in)\s+(${NAME})`,
    'gu',
  ),
  new RegExp(
    String.raw`\b(?:told|via|citing|to)\s+(${NAME})(?=\s*(?:[,.;:)]|$|\s+(?:that|on|in|last|this|earlier)\b))`,
    'gu',
  ),
]

/** The names of the outlets a sentence attributes its account to (see `ATTRIBUTION`). */
export function attributedNames(text: string): string[] {
  const out: string[] = []
  for (const re of ATTRIBUTION) for (const m of text.matchAll(re)) if (m[1]) out.push(m[1])
  return out
}
