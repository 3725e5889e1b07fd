import { tagWords } from '../corpus/sentences.js'
import type { Document, Passage, Source } from '../corpus/types.js'
import type { Lexicon } from '../search/lexicon.js'
import { terms, tokenize } from '../search/text.js'
import { termWeight } from '../search/weights.js'
import {
  type NegatedClause,
  negatedClauses,
  negatedLemmas,
  negatedPredicates,
  negatedTerms,
  predicatedTerms,
  proseOf,
  withoutIdioms,
} from './cues.js'
import { type Probe, TermTable } from './term-table.js'
import type { SentenceRecord } from './types.js'

/** Weight of a synonym when comparing two sentences, relative to the same word. */
export const SYNONYM_MATCH = 0.5
/** Weight of a word of the same root ("mandated", "mandatory"), relative to the same word. */
export const DERIVED_MATCH = 0.9
/** Weight at which a term is specific to some claims rather than to the whole topic. */
export const SPECIFIC_WEIGHT = 0.5
/** Specific terms two sentences must share to state the same claim. */
export const MIN_SHARED_SPECIFIC = 2
/** Expansions at least this strong count as "the same idea" between two sentences. */
const RELATED_MIN = 0.6

/** What claim building reads: the corpus, its sentences and term statistics, and the lexicon's relations. */
export class CorpusContext {
  readonly passages = new Map<string, Passage>()
  readonly sources = new Map<string, Source>()
  readonly texts = new Map<string, string>()
  readonly sentences = new Map<string, SentenceRecord>()
  readonly byPassage = new Map<string, SentenceRecord[]>()
  /** Term → number of sentences that hold it. */
  readonly df = new Map<string, number>()
  private readonly related = new Map<string, Map<string, number>>()
  private readonly clauses = new Map<number, string[][]>()
  private readonly opposite = new Map<string, Map<string, string>>()
  // Computed once and kept: claim building asks for the same weights, sets and cues again and
  // again (a sentence is compared with every candidate of its claim), and each is pure.
  private readonly weights = new Map<string, number>()
  private readonly relatedSets = new Map<string, ReadonlySet<string>>()
  private readonly oppositeSets = new Map<string, ReadonlySet<string>>()
  private readonly table = new TermTable(
    (t) => this.weight(t),
    (t) => this.related.get(t),
    SPECIFIC_WEIGHT,
  )
  // Cues and clauses are read from the text alone: a sentence copied word for word is read once.
  private readonly cues = new Map<number, SentenceCues>()
  /** Each distinct sentence text's number (see `textIdOf`). */
  private readonly textIds = new Map<string, number>()
  private readonly textIdBySentence = new WeakMap<SentenceRecord, number>()

  constructor(
    documents: readonly Document[],
    readonly sentenceList: readonly SentenceRecord[],
    lexicon: Lexicon,
  ) {
    for (const d of documents) {
      this.sources.set(d.source.id, d.source)
      this.texts.set(d.source.id, d.text)
      for (const p of d.passages) this.passages.set(p.id, p)
    }
    for (const s of sentenceList) {
      this.sentences.set(s.id, s)
      const list = this.byPassage.get(s.passageId) ?? []
      list.push(s)
      this.byPassage.set(s.passageId, list)
    }
    for (const s of sentenceList) for (const t of s.terms) this.df.set(t, (this.df.get(t) ?? 0) + 1)
    for (const [key, expansions] of Object.entries(lexicon)) {
      if (key.includes(' ')) continue
      for (const [term, weight, rel] of expansions) {
        if (rel === 'ant') {
          // Only antonyms between adjectives mark a contradiction ("optional" / "mandatory").
          this.link(this.opposite, key, term)
          this.link(this.opposite, term, key)
        } else if (weight >= RELATED_MIN && rel !== 'cls' && rel !== 'opp') {
          this.addRelated(key, term, rel === 'der' ? DERIVED_MATCH : SYNONYM_MATCH)
        }
      }
    }
  }

  private link(map: Map<string, Map<string, string>>, a: string, b: string): void {
    const m = map.get(a) ?? new Map<string, string>()
    m.set(b, b)
    map.set(a, m)
  }

  private addRelated(a: string, b: string, factor: number): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const m = this.related.get(x) ?? new Map<string, number>()
      m.set(y, Math.max(m.get(y) ?? 0, factor))
      this.related.set(x, m)
    }
  }

  /** How much `term` counts as found in `terms`: 1 when there, less through a related word, else 0. */
  matchOf(term: string, terms: ReadonlySet<string>): number {
    if (terms.has(term)) return 1
    const related = this.related.get(term)
    if (!related) return 0
    let best = 0
    // The best factor over the words both hold: walk the smaller side (a common word has hundreds of synonyms).
    if (related.size <= terms.size) {
      for (const [r, f] of related) if (f > best && terms.has(r)) best = f
    } else {
      for (const r of terms) {
        const f = related.get(r)
        if (f !== undefined && f > best) best = f
      }
    }
    return best
  }

  /** A probe of a term list, to measure how much of it many other lists hold (see term-table.ts). */
  probe(list: readonly string[]): Probe {
    return this.table.probe(list)
  }

  /** The ids of terms, for `Probe.measure`. */
  encode(terms: Iterable<string>): Int32Array {
    // A list is encoded once and kept with it; a set is encoded afresh.
    return Array.isArray(terms) ? this.table.encode(terms) : this.table.encodeAll(terms)
  }

  /** The weight of a term by its id (see `idOf`; the same as `weight` of the term). */
  weightOfId(id: number): number {
    return this.table.weight(id)
  }

  /** A term's id, for `Probe.own`. */
  idOf(term: string): number {
    return this.table.idOf(term)
  }

  /** The terms a sentence negates ("was not unanimous") and those it predicates ("is optional"); see cues.ts. */
  cuesOf(s: SentenceRecord): SentenceCues {
    const key = this.textIdOf(s)
    let found = this.cues.get(key)
    if (!found) {
      // Literals (code spans, options, settings) negate and predicate nothing.
      const text = proseOf(this.textOf(s))
      // Idioms ("not the first time") negate nothing; what a copula predicates is read as written.
      const plain = withoutIdioms(text)
      const tokens = tokenize(text)
      const negatable = plain === text ? tokens : tokenize(plain)
      const negated = negatedTerms(negatable)
      const denied = negated.size > 0 ? negatedPredicates(negatable, plain) : EMPTY
      const words = negated.size > 0 ? tagWords(plain) : []
      for (const t of negatedLemmas(words)) (denied as Set<string>).add(t)
      const predicated = predicatedTerms(tokens)
      found = {
        negated: negated.size > 0 ? negated : EMPTY,
        denied: denied.size > 0 ? denied : EMPTY,
        predicated: predicated.size > 0 ? predicated : EMPTY,
        negations: negated.size > 0 ? negatedClauses(words) : [],
      }
      this.cues.set(key, found)
    }
    return found
  }

  /** The sentence's clauses (split at commas, dashes and conjunctions), as term lists. */
  clausesOf(s: SentenceRecord): string[][] {
    const key = this.textIdOf(s)
    const cached = this.clauses.get(key)
    if (cached) return cached
    const pieces = this.textOf(s)
      .split(CLAUSE_BREAK)
      .map((piece) => terms(piece ?? ''))
    const out: string[][] = []
    for (const piece of pieces) {
      const last = out[out.length - 1]
      if (last && (piece.length < MIN_CLAUSE_TERMS || last.length < MIN_CLAUSE_TERMS)) last.push(...piece)
      else out.push([...piece])
    }
    this.clauses.set(key, out)
    return out
  }

  /**
   * A number for the sentence's text: the same for sentences written the same, word for word
   * (one story printed by several outlets). What is read from the text alone is read once per number.
   */
  textIdOf(s: SentenceRecord): number {
    let id = this.textIdBySentence.get(s)
    if (id === undefined) {
      const text = this.textOf(s)
      id = this.textIds.get(text)
      if (id === undefined) {
        id = this.textIds.size
        this.textIds.set(text, id)
      }
      this.textIdBySentence.set(s, id)
    }
    return id
  }

  /** The passage a sentence belongs to. */
  passageOf(s: SentenceRecord): Passage {
    const p = this.passages.get(s.passageId)
    if (!p) throw new Error(`sentence ${s.id} has no passage ${s.passageId}`)
    return p
  }

  /** The sentence's text, verbatim. */
  textOf(s: { passageId: string; start: number; end: number }): string {
    const p = this.passages.get(s.passageId)
    return (p && this.texts.get(p.sourceId)?.slice(s.start, s.end)) ?? ''
  }

  /** Terms that mean nearly the same as `term` (synonyms, derivations). */
  relatedTo(term: string): ReadonlySet<string> {
    return cachedKeys(this.relatedSets, this.related, term)
  }

  /** Terms that mean the opposite of `term` (WordNet antonyms, through similar-to links). */
  oppositesOf(term: string): ReadonlySet<string> {
    return cachedKeys(this.oppositeSets, this.opposite, term)
  }

  /** How much a term tells about what a sentence is about (see `termWeight`). */
  weight(term: string): number {
    let w = this.weights.get(term)
    if (w === undefined) {
      w = termWeight(this.sentenceList.length, this.df.get(term) ?? 1)
      this.weights.set(term, w)
    }
    return w
  }

  /**
   * How alike two term lists are (0–1): the cosine of their weighted term sets, where a word of
   * the same root counts nearly fully and a synonym half. Zero unless they share at least
   * `MIN_SHARED_SPECIFIC` specific terms: one shared word is a coincidence, not the same claim.
   */
  similarity(a: readonly string[], b: readonly string[]): number {
    const probe = this.table.probe(a)
    const one = probe.measure(this.table.encode(b))
    const two = probe.their
    if (Math.max(one.specific, two.specific) < MIN_SHARED_SPECIFIC || one.total === 0 || two.total === 0)
      return 0
    // Each side's words are looked for in the other, so the measure is the same both ways.
    return Math.min(1, (one.shared + two.shared) / 2 / Math.sqrt(one.total * two.total))
  }

  /** The best similarity of two sentences, whole or clause against clause (a long sentence may state several claims). */
  sentenceSimilarity(a: SentenceRecord, b: SentenceRecord): number {
    let best = this.similarity(a.terms, b.terms)
    // A clause's match counts CLAUSE_DISCOUNT at most: it cannot beat a whole match that good.
    if (best >= CLAUSE_DISCOUNT) return best
    for (const x of this.clausesOf(a)) {
      for (const y of this.clausesOf(b)) best = Math.max(best, CLAUSE_DISCOUNT * this.similarity(x, y))
    }
    return best
  }

  /** How many of `core`'s specific terms `terms` holds (exactly or through a related word). */
  sharedSpecific(core: readonly string[], terms: ReadonlySet<string>): number {
    return core.filter((t) => this.weight(t) >= SPECIFIC_WEIGHT && this.matchOf(t, terms) > 0).length
  }

  /** Share of `core`'s weight that `terms` covers (exactly, or through a related word). */
  coverage(core: readonly string[], terms: ReadonlySet<string>): number {
    let hit = 0
    let all = 0
    for (const t of core) {
      const w = this.weight(t)
      all += w
      hit += this.matchOf(t, terms) * w
    }
    return all === 0 ? 0 : hit / all
  }
}

const EMPTY: ReadonlySet<string> = new Set()

/** What a sentence negates and predicates (see cues.ts). */
export interface SentenceCues {
  /** Terms a negation stands just before ("was not unanimous"). */
  negated: ReadonlySet<string>
  /** Terms a negation negates as a predicate: the first content words after it, and their lemmas' terms. */
  denied: ReadonlySet<string>
  /** Terms a copula predicates ("is optional"). */
  predicated: ReadonlySet<string>
  /** What each negation that says something is not so may negate, with its clause (see `negatedClauses`). */
  negations: readonly NegatedClause[]
}

function cachedKeys(
  cache: Map<string, ReadonlySet<string>>,
  from: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  key: string,
): ReadonlySet<string> {
  let set = cache.get(key)
  if (!set) {
    const m = from.get(key)
    set = m ? new Set(m.keys()) : EMPTY
    cache.set(key, set)
  }
  return set
}
// Where a sentence divides into clauses: punctuation that separates them and the conjunctions that join them.
const CLAUSE_BREAK = /[,;:()—–]|\s(?:and|but|while|whereas|which|who|because|although|though|so that)\s/i
/** Terms a clause needs to be compared on its own ("Stanley wrote in the blog" is too little). */
const MIN_CLAUSE_TERMS = 4
/** A clause-to-clause match counts a little less than a whole-sentence match. */
const CLAUSE_DISCOUNT = 0.95
