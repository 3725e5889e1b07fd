import cues from '../../data/attribution-cues.json' with { type: 'json' }
import links from '../../data/link-words.json' with { type: 'json' }
import { STOP_WORDS } from '../../search/text.js'

/** A place in a sentence where it says where what it reports comes from. */
export interface Attribution {
  /** The cue as the data lists it: `wrote`, `according to`, `told`, `published by`, `read this piece`… */
  cue: string
  /**
   * `named`: `name` is who or what it comes from (a writer, an outlet, a work); `document`: a document of
   * `name` ("the CCP’s 2014 planning outline", in `name`); `unnamed`: a link whose text names no one.
   */
  kind: 'named' | 'document' | 'unnamed'
  /** The name as written, without a leading lower-case "the" (empty for `unnamed`). */
  name: string
  /** True for cues that name where a tip came from rather than the report itself (`via`, `h/t`): less sure. */
  weak: boolean
  /** Quoted titles in the same sentence (“China’s Nightmarish Citizen Scores…”), without their closing stop. */
  titles: string[]
  /** Where the cue's match starts in the sentence, and its length. */
  at: number
  length: number
}

// A name is a run of capitalised words, joined by a few small words ("Human Rights Watch", "China
// Daily Asia", "ComputerWorld", "SI410", "Oxford University"), optionally after "the".
const WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’&.-]*`
const JOINER = String.raw`(?: | (?:of|for|and|de|del|la|von|van|&) )`
const NAME = String.raw`(?:[Tt]he )?${WORD}(?:${JOINER}${WORD})*`
// An appositive between a writer and the verb: "Jay Stanley, a senior policy analyst with the ACLU, wrote".
const APPOSITIVE = String.raw`(?:, [^,;:“”"]{1,120},)?`
// A name starts a word ("World" of "ComputerWorld" is none).
const START = String.raw`(?<![\p{L}\p{N}'’])`

/** A phrase of the data matched whatever the case of its letters, as a regular expression. */
function caseless(phrase: string): string {
  return phrase
    .split('')
    .map((ch) => {
      const lower = ch.toLowerCase()
      const upper = ch.toUpperCase()
      if (lower !== upper) return `[${lower}${upper}]`
      return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    })
    .join('')
}
const anyOf = (phrases: readonly string[]) =>
  `(?:${[...phrases]
    .sort((a, b) => b.length - a.length)
    .map(caseless)
    .join('|')})`
const words = (phrases: readonly string[]) =>
  `(?:${[...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})`

// A document named by what it is rather than by a name: at least one word before its noun, so that
// "according to the official directive" names one and "according to the report" does not.
const DOCUMENT = String.raw`(?:the|its|their|a|an) (?:[\p{Ll}\p{N}-]+ ){1,4}${words(cues.documentNouns)}\b`

interface Pattern {
  cue: (m: RegExpExecArray) => string
  kind: Attribution['kind']
  re: RegExp
  /** The name of what it comes from, from the match. */
  name: (m: RegExpExecArray) => string
}

const flags = 'gu'
const PATTERNS: readonly Pattern[] = [
  {
    // "Jay Stanley, a senior policy analyst with the ACLU, wrote", "Stanley wrote in the blog".
    cue: (m) => m[2] ?? 'wrote',
    kind: 'named',
    re: new RegExp(String.raw`${START}(${NAME})${APPOSITIVE} (${words(cues.wrote)})\b`, flags),
    name: (m) => m[1] ?? '',
  },
  {
    // "…,” wrote Jay Stanley".
    cue: (m) => m[1] ?? 'wrote',
    kind: 'named',
    re: new RegExp(String.raw`[,”"] (${words(cues.wrote)}) (${NAME})`, flags),
    name: (m) => m[2] ?? '',
  },
  {
    // "Rogier Creemers, a China-specialist with Oxford University, told ComputerWorld": the outlet told, whoever spoke.
    cue: () => 'told',
    kind: 'named',
    re: new RegExp(String.raw`(?<![\p{L}])${words(cues.told)} (${NAME})`, flags),
    name: (m) => m[1] ?? '',
  },
  ...(
    [
      [cues.accordingTo, true],
      [cues.publishedBy, true],
      [cues.quoteFrom, false],
      [cues.commentedOn, false],
    ] as const
  ).map(
    ([phrases, documents]): Pattern => ({
      // "according to Wired Magazine", "first published by …", "Quote from China Daily Asia", "as commented on Hacker News".
      cue: (m) => (m[1] ?? '').toLowerCase(),
      kind: 'named',
      re: new RegExp(
        String.raw`(?<![\p{L}])(${anyOf(phrases)}) (${NAME}${documents ? `|${DOCUMENT}` : ''})`,
        flags,
      ),
      name: (m) => m[2] ?? '',
    }),
  ),
  {
    // "In its comprehensive 2014 planning outline, the CCP explains": the CCP's outline.
    cue: () => 'in its document',
    kind: 'document',
    re: new RegExp(
      String.raw`\b[Ii]n (?:its|their|the|a) ((?:[\p{L}\p{N}-]+ ){0,4}${words(cues.documentNouns)}),? (${NAME}) ${words(cues.documentVerbs)}\b`,
      flags,
    ),
    name: (m) => `${(m[2] ?? '').trim()}’s ${m[1] ?? ''}`,
  },
  {
    // "Read this piece for the full flavor": a link whose text names no one.
    cue: (m) => (m[0] ?? '').toLowerCase(),
    kind: 'unnamed',
    re: new RegExp(
      String.raw`(?<![\p{L}])${anyOf(links.verbs)} this ${anyOf(links.works)}(?![\p{L}])`,
      flags,
    ),
    name: () => '',
  },
]

const WEAK = new Set(cues.weakCues.map((c) => c.toLowerCase()))
const MONTHS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/

/**
 * A name without a lower-case leading "the" and a closing stop (kept in an initialism: "U.S."); a document
 * named by what it is keeps its "the" ("the official directive").
 */
export function trimName(name: string): string {
  let out = name.trim()
  // A small word that starts the sentence is no part of the name ("Then NBC News reported"); "The" of
  // "The Atlantic" is.
  for (
    let first = out.split(' ')[0] ?? '';
    out.includes(' ') && first.toLowerCase() !== 'the' && STOP_WORDS.has(first.toLowerCase());
    first = out.split(' ')[0] ?? ''
  )
    out = out.slice(first.length + 1)
  if (/^the \p{Lu}/u.test(out)) out = out.slice(4)
  if (/\.$/.test(out) && !/\.\S+\.$/.test(out)) out = out.slice(0, -1)
  return out.replace(/['’]s$/, '')
}

/**
 * True when a name is only small or calendar words ("This", "Then", "Oct"), or one word that the
 * corpus also writes in lower case (`isCommon`: "Police" starting a sentence is the word "police").
 */
function notAName(name: string, isCommon: (word: string) => boolean): boolean {
  const tokens = name
    .replace(/^the /i, '')
    .split(/\s+/)
    .map((t) => t.toLowerCase().replace(/[.’']+$/, ''))
  if (tokens.every((t) => STOP_WORDS.has(t) || MONTHS.test(t) || t === '')) return true
  const only = tokens[0] ?? ''
  return tokens.length === 1 && isCommon(only)
}

/** The quoted titles of a sentence: runs of three or more words between quotation marks. */
function quotedTitles(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/[“"]([^”"]{8,200})[”"]/gu)) {
    const title = (m[1] ?? '').trim().replace(/[.,;:]+$/, '')
    if (title.split(/\s+/).length >= 3) out.push(title)
  }
  return out
}

/**
 * Where a sentence says what it reports comes from: a writer, an outlet or a work it names, or a link that
 * names no one. `isCommon` says whether a word is one the corpus also writes in lower case.
 */
export function findAttributions(text: string, isCommon: (word: string) => boolean): Attribution[] {
  const found: Attribution[] = []
  const titles = quotedTitles(text)
  const seen = new Set<string>()
  for (const p of PATTERNS) {
    p.re.lastIndex = 0
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      const cue = p.cue(m).replace(/\s+/g, ' ').trim()
      const name = p.kind === 'named' ? trimName(p.name(m)) : p.name(m)
      if (p.kind === 'named' && notAName(name, isCommon)) continue
      const key = `${p.kind}:${name.toLowerCase()}`
      if (seen.has(key)) continue
      seen.add(key)
      found.push({ cue, kind: p.kind, name, weak: WEAK.has(cue), titles, at: m.index, length: m[0].length })
    }
  }
  return found
}
