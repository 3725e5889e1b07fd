import { type Token, tokenize } from '../search/text.js'

/**
 * The words by which a passage shows that it disputes something. Each list is general English,
 * not tied to any one corpus; a match is reported with the words that matched, for the note.
 */

/** Language that calls a statement false or unfounded. */
export const DISPUTE_LANGUAGE: readonly RegExp[] = [
  /\bnonsense\b/i,
  /\brumou?rs?\b/i,
  /\binaccura(te|cy|cies)\b/i,
  /\bmisconceptions?\b/i,
  /\bmyths?\b/i,
  /\bfalse (information|claims?|reports?|news|narrative)\b/i,
  /\b(is|are|was|were|that'?s|it'?s) (not|n't) true\b/i,
  /\buntrue\b/i,
  /\bfake news\b/i,
  /\bdramati[sz]ation\b/i,
  /\bexaggerat(ed|ion|ing)\b/i,
  /\bmisleading\b/i,
  /\bdebunk(ed|s)?\b/i,
  /\bfact[- ]?check\b/i,
  /\bridiculous\b/i,
  /\b(a|is|was) joke\b/i,
  /\bbullshits?\b/i,
  /\bsource[- ]free\b/i,
  /\bno (evidence|sources?|proof)\b/i,
  /\bbaseless\b/i,
  /\bbut in fact\b/i,
  /\bcredulous\b/i,
  /\bpartially true\b/i,
  /\b(is|are|was) (wrong|incorrect|false)\b/i,
  /\bnot (accurate|correct)\b/i,
  /\b(accuracy|reliability) of (the|my|his|her|this) (source|report|reporting|information)\b/i,
  /\bquestions? (raised|about the accuracy)\b/i,
]

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

/** Words that limit a statement to the present ("for now"), so it does not contradict a future claim. */
export const PRESENT_HEDGE =
  /\b(for now|so far|for the time being|currently|at present|at the moment|in theory|as of now|before its|before the|until)\b/i

/** Words that make a statement about the future. */
export const FUTURE = /\b(will|would|shall|by 20\d\d|from 20\d\d|no later than|plans? to|going to)\b/i

/** Negation: a statement and its negation dispute each other. */
export const NEGATION = /\b(not|no|never|none|nobody|nothing|neither|nor|cannot)\b|n['’]t\b/i

/** Incredulous answers to a quoted statement. */
export const INCREDULITY = /^\s*(really|seriously|is that so|what)\s*\?+\s*$/i

/** Contrast that answers a quoted statement. */
export const CONTRAST = /\b(but in fact|in fact|actually|however|but)\b/i

/** The first dispute phrase in a text, or null. */
export function disputePhrase(text: string): string | null {
  for (const re of DISPUTE_LANGUAGE) {
    const m = re.exec(text)
    if (m) return m[0]
  }
  return null
}

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
