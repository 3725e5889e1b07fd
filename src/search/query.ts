import questionWords from '../data/question-words.json' with { type: 'json' }
import { type Lexicon, PHRASES, type Relation } from './lexicon.js'
import { expandAbbreviations } from './names.js'
import { allowedEdits, correct } from './spelling.js'
import { normalizeWord, phraseKey, STOP_WORDS, termOf, tokenize } from './text.js'
import { MIN_WEIGHT, termWeight } from './weights.js'

/** A term that stands for a concept of the question, and how much finding it counts (0–1). */
export interface Alternative {
  term: string
  credit: number
  /** `word` for the word itself, `typo` for a spelling correction, else the lexicon's relation. */
  relation: 'word' | 'typo' | Relation
  /** True when the corpus has the term. */
  known: boolean
  /** How closely it stands for the concept, before discounting it as evidence (the lexicon's weight; 1 for the word). */
  closeness: number
}

/** One idea of the question: a content word or a phrase, with the terms that stand for it. */
export interface Concept {
  /** The word as asked (normalized), or a phrase's lexicon key. */
  word: string
  /** The question's words it stands for (normalized): one, or a phrase's. */
  words: readonly string[]
  /** How much the concept tells (idf over sentences); the rarest idf + 1 when the corpus lacks it. */
  weight: number
  /** True when the corpus has the word, a correction of it, or one of its expansions. */
  known: boolean
  /** The terms that count as finding it, best first. */
  alternatives: Alternative[]
}

/** A question turned into concepts and the weighted terms to search for. */
export interface QueryPlan {
  concepts: Concept[]
  /** Search term → boost (the best credit of any concept it stands for). */
  terms: Map<string, number>
  /** Terms the corpus lacks, searched by prefix too ("surveil" → "surveillance"). */
  loose: Set<string>
  /** Of those, the ones that are no English word either: searched with typo tolerance too. */
  typos: Set<string>
}

/** What planning a query needs to know about the corpus. */
export interface QueryContext {
  lexicon: Lexicon
  /** Term → number of sentences holding it. */
  vocabulary: ReadonlyMap<string, number>
  /** Number of sentences. */
  sentenceCount: number
  /** True when a term is the stem of an English word (so it is no typo, even if the corpus lacks it). */
  isWord(term: string): boolean
}

/** Credit of a synonym or antonym relative to its lexicon weight: finding a related word is weaker evidence than the word. */
export const EXPANSION_CREDIT = 0.7
/** Credit of a spelling correction, relative to the word as written. */
export const TYPO_CREDIT = 0.9
/** Adverb particles of phrasal verbs. */
const PARTICLES: ReadonlySet<string> = new Set(['down', 'up', 'out', 'off', 'away', 'back'])
/** Terms of each concept the search index looks up (its closest). */
export const SEARCHED_ALTERNATIVES = 6
/** Longest phrase (in words) looked up in the lexicon. */
const MAX_PHRASE = 4

// A concept weighs what its term tells (see termWeight): "system" or "credit", in nearly every
// passage, count for little; "Tencent" or "drive" for much.
const idfOf = (ctx: QueryContext, term: string) => {
  const df = ctx.vocabulary.get(term)
  return df ? termWeight(ctx.sentenceCount, df) : undefined
}

/** Turns a question into concepts and search terms, with typo correction and lexicon expansion. */
export function planQuery(question: string, ctx: QueryContext): QueryPlan {
  const words = withoutFrame(tokenize(expandAbbreviations(question)).map((t) => normalizeWord(t.word)))
  const concepts: Concept[] = []
  // A word the corpus lacks weighs more than its rarest word: it is what the question is about.
  const unknownWeight = termWeight(ctx.sentenceCount, 1) + 1
  for (let i = 0; i < words.length; i++) {
    const phrase = findPhrase(words, i, ctx.lexicon)
    if (phrase) {
      const named = (ctx.lexicon[phrase.key] ?? []).some(([, , relation]) => relation === 'phrase')
      const head = named ? [] : phraseHead(ctx, words.slice(i, i + phrase.length))
      const alternatives = expand(ctx, phrase.key, head)
      concepts.push(
        conceptOf(ctx, phrase.key, alternatives, unknownWeight, words.slice(i, i + phrase.length)),
      )
      i += phrase.length - 1
      continue
    }
    const word = words[i] ?? ''
    const term = termOf(word)
    if (term === '') continue
    // "slow down", "give up": a particle after a word is part of a phrasal verb, no idea of its own.
    if (PARTICLES.has(word) && i > 0) continue
    const own: Alternative[] = []
    let base = term
    // "trialling", "travelled": the British doubled consonant before an ending the stemmer keeps.
    const single = /([lpt])\1(?:ing|ed)$/.test(word) ? termOf(word.replace(/([lpt])\1(ing|ed)$/, '$1$2')) : ''
    if (
      !ctx.vocabulary.has(term) &&
      !ctx.lexicon[term] &&
      single &&
      (ctx.vocabulary.has(single) || ctx.lexicon[single])
    )
      base = single
    if (ctx.vocabulary.has(base))
      own.push({ term: base, credit: 1, relation: 'word', known: true, closeness: 1 })
    else {
      const fixed =
        ctx.lexicon[base] || ctx.isWord(base)
          ? null
          : correct(base, ctx.vocabulary, allowedEdits(word.length))
      if (fixed) {
        own.push({ term: fixed, credit: TYPO_CREDIT, relation: 'typo', known: true, closeness: TYPO_CREDIT })
        base = fixed
      } else own.push({ term: base, credit: 1, relation: 'word', known: false, closeness: 1 })
    }
    concepts.push(conceptOf(ctx, word, expand(ctx, base, own), unknownWeight, [word]))
  }
  const merged = mergeDuplicates(concepts)
  const terms = new Map<string, number>()
  const loose = new Set<string>()
  const typos = new Set<string>()
  for (const c of merged) {
    // The search looks for each concept's closest terms only: a word's many looser relatives
    // would find passages for a word that is not there ("change" → "accelerate").
    const closest = [...c.alternatives]
      .sort((a, b) => b.closeness - a.closeness)
      .slice(0, SEARCHED_ALTERNATIVES)
    for (const a of closest) terms.set(a.term, Math.max(terms.get(a.term) ?? 0, a.credit))
    // Prefix and typo tolerance only for a word the corpus lacks: a known word means itself
    // ("changed" must not match "chances").
    const first = c.alternatives[0]
    if (first && first.relation === 'word' && !first.known && !first.term.includes(' ')) {
      loose.add(first.term)
      if (!ctx.lexicon[first.term] && !ctx.isWord(first.term)) typos.add(first.term)
    }
  }
  return { concepts: merged, terms, loose, typos }
}

/**
 * The frames that open a question without saying what it is about (src/data/question-words.json),
 * longest first, as word lists.
 */
const FRAMES: readonly string[][] = [...questionWords.frames]
  .sort((a, b) => b.length - a.length)
  .map((f) => f.split(' '))

/**
 * "Is it true that X?" asks about X, "What happens if X?" about X: the frame is dropped when X
 * follows, so that a sentence that merely says "true" or "happen" does not outrank one that
 * states X. ("Is it true?" alone keeps it.)
 */
function withoutFrame(words: string[]): string[] {
  const kept = words.filter((w) => !FILLER.has(w))
  for (const frame of FRAMES) {
    if (kept.length > frame.length && frame.every((w, i) => kept[i] === w)) return kept.slice(frame.length)
  }
  return kept
}

/** Words a question says nothing with ("Is it basically a trial?"): dropped before it is searched. */
const FILLER: ReadonlySet<string> = new Set(questionWords.filler)

function findPhrase(words: string[], i: number, lexicon: Lexicon): { key: string; length: number } | null {
  for (let n = MAX_PHRASE; n >= 2; n--) {
    if (words.length < i + n) continue
    const key = phraseKey(words.slice(i, i + n))
    if (lexicon[key]) return { key, length: n }
  }
  // A stop word that the phrase supplement gives a meaning ("must").
  const w = words[i] ?? ''
  return STOP_WORDS.has(w) && PHRASES[w] && lexicon[w] ? { key: w, length: 1 } : null
}

/**
 * A compound's own last word, when the corpus has it ("surgery" of "plastic surgery", "guard" of
 * "security guard"): a sentence that says the phrase holds it, and it is closer to the phrase
 * than the phrase's broader words ("operation"). None for a phrase that ends in a stop word ("have to")
 * or a particle ("show off"). A name ("Steve Jobs") has its words in the lexicon already.
 */
function phraseHead(ctx: QueryContext, words: readonly string[]): Alternative[] {
  const last = words[words.length - 1] ?? ''
  const term = termOf(last)
  // A phrasal verb's particle ("show off") is no head.
  if (term === '' || STOP_WORDS.has(last) || PARTICLES.has(last) || !ctx.vocabulary.has(term)) return []
  return [{ term, credit: 1, relation: 'word', known: true, closeness: 1 }]
}

function expand(ctx: QueryContext, term: string, own: Alternative[]): Alternative[] {
  const out = [...own]
  const seen = new Set(own.map((a) => a.term))
  const base = own[0]?.credit ?? 1
  for (const [t, weight, relation] of ctx.lexicon[term] ?? []) {
    if (seen.has(t) || !ctx.vocabulary.has(t)) continue
    // A named instance that is the corpus's whole topic ("China" for "country") tells nothing.
    if (relation === 'cls' && (idfOf(ctx, t) ?? 0) <= MIN_WEIGHT) continue
    seen.add(t)
    // Synonyms and antonyms are weaker evidence than the word; a derivation ("mandated"), a named
    // instance ("Chile" for "country") or a phrase's meaning count as the lexicon weighs them.
    const discount = relation === 'syn' || relation === 'ant' || relation === 'opp' ? EXPANSION_CREDIT : 1
    out.push({ term: t, credit: discount * weight * base, relation, known: true, closeness: weight * base })
  }
  return out
}

function conceptOf(
  ctx: QueryContext,
  word: string,
  alternatives: Alternative[],
  unknown: number,
  words: readonly string[],
): Concept {
  const inCorpus = alternatives.filter((a) => ctx.vocabulary.has(a.term))
  const own = alternatives[0]
  const ownIdf =
    own && (own.relation === 'word' || own.relation === 'typo') ? idfOf(ctx, own.term) : undefined
  // A word the corpus lacks but whose synonyms it has ("compulsory") weighs as its best synonym,
  // as far as a synonym stands for it: "slow" is no more what a question is about for the corpus
  // having "lazy". (A phrase's meaning, "have to" → "mandatory", stands for it fully.)
  const loose = (a: Alternative) => a.relation === 'syn' || a.relation === 'ant' || a.relation === 'opp'
  const weight =
    ownIdf ??
    Math.max(0, ...inCorpus.map((a) => (idfOf(ctx, a.term) ?? 0) * (loose(a) ? Math.min(1, a.closeness) : 1)))
  return {
    word,
    words,
    weight: inCorpus.length > 0 ? weight : unknown,
    known: inCorpus.length > 0,
    alternatives,
  }
}

function mergeDuplicates(concepts: Concept[]): Concept[] {
  const byKey = new Map<string, Concept>()
  for (const c of concepts) {
    const key = c.alternatives[0]?.term ?? c.word
    if (!byKey.has(key)) byKey.set(key, c)
  }
  return [...byKey.values()]
}
