import type MiniSearch from 'minisearch'
import type { IndexData, StoredIndex } from '../build/index-data.js'
import { packClaims } from '../build/packed-claims.js'
import { Lineage } from '../claims/lineage/lines.js'
import type { SourceGraph } from '../claims/lineage/types.js'
import type { CaveatRecord, ClaimRecord, SentenceRecord } from '../claims/types.js'
import type { Passage, Source } from '../corpus/types.js'
import type { Lexicon } from '../search/lexicon.js'
import { metaNames, metaText, sourceTerms } from '../search/meta.js'
import type { QueryContext } from '../search/query.js'
import { loadSearchIndex, type PassageDoc } from '../search/search-index.js'
import { terms as termsOf } from '../search/text.js'
import { ClaimTable, SentenceLinks } from './claim-table.js'
import { SentenceFactsCache } from './sentence-facts.js'
import { SentenceTable } from './sentence-table.js'

/** Where a sentence stands in a claim: as its statement (index 0) or as further support. */
export interface Membership {
  claim: ClaimRecord
  index: number
}

/** The loaded index with the seed texts, arranged for answering: everything looked up by id. */
export class Knowledge implements QueryContext {
  readonly sources = new Map<string, Source>()
  readonly passages = new Map<string, Passage>()
  /** Sentence id → sentence, read as a Map (see sentence-table.ts). */
  readonly sentences: SentenceTable
  readonly sentencesByPassage = new Map<string, SentenceRecord[]>()
  /** Claim id → claim, read as a Map (see claim-table.ts). */
  readonly claims: ClaimTable
  /** Sentence id → the claims it states. */
  readonly memberships: SentenceLinks<Membership>
  /** Sentence id → the claims it disputes. */
  readonly disputesBy: SentenceLinks<ClaimRecord>
  readonly caveatsBySource = new Map<string, CaveatRecord[]>()
  /** Which sources draw on which (see src/claims/lineage). */
  readonly sourceGraph: SourceGraph
  /** The links of `sourceGraph` that count, for the independent lines behind a claim. */
  readonly lineage: Lineage
  readonly vocabulary: Map<string, number>
  /** Passage id → the terms of what is known about it besides its words (see meta.ts). */
  readonly meta = new Map<string, Set<string>>()
  /** Source id → the terms naming it: its author and publisher (see `sourceTerms`). */
  readonly sourceNames = new Map<string, ReadonlySet<string>>()
  /** Term → number of passages whose writer, source or section it names (the search index's `who` and `tags` postings). */
  readonly metaPassages = new Map<string, number>()
  readonly sentenceCount: number
  readonly lexicon: Lexicon
  readonly search: MiniSearch<PassageDoc>
  /** What the ranking reads of each sentence's words, worked out when first needed (see sentence-facts.ts). */
  readonly facts = new SentenceFactsCache((s) => this.slice(this.passageOf(s).sourceId, s.start, s.end))
  private readonly texts = new Map<string, string>()
  // Only the dictionary is kept of `data` (as a Set on first use): holding `data` would keep the
  // search index's JSON text and the stored rows alive as long as the process.
  private dictionaryWords: readonly string[]
  private dictionary: Set<string> | null = null

  /** `texts` maps each seed file name to its text. `data` is not kept. */
  constructor(data: IndexData | StoredIndex, texts: ReadonlyMap<string, string>) {
    for (const s of data.sources) {
      this.sources.set(s.id, s)
      const text = texts.get(s.file)
      if (text === undefined)
        throw new Error(`index: the text of ${s.file} is missing; run \`npm run index\`.`)
      this.texts.set(s.id, text)
    }
    for (const p of data.passages) {
      const text = this.texts.get(p.sourceId)?.slice(p.start, p.end) ?? ''
      this.passages.set(p.id, { ...p, text })
    }
    // Counted when the index was built; a copy, as what is known about passages is added to it.
    this.vocabulary = new Map(data.vocabulary)
    const sentences = new SentenceTable(data.sentences)
    this.sentences = sentences
    for (const s of data.sentences) push(this.sentencesByPassage, s.passageId, s)
    // Passages by the same writer in the same section share what is known about them: read it once.
    const metaTerms = new Map<string, Set<string>>()
    const metaTexts = new Map<string, number>()
    for (const p of this.passages.values()) {
      const source = this.sources.get(p.sourceId)
      if (!source || p.spam) continue
      const text = metaText(p, source)
      let terms = metaTerms.get(text)
      if (!terms) {
        terms = new Set([...termsOf(text), ...metaNames(p, source).map((n) => n.term)])
        metaTerms.set(text, terms)
      }
      this.meta.set(p.id, terms)
      metaTexts.set(text, (metaTexts.get(text) ?? 0) + 1)
      // A question may use these words too; they count as known to the corpus.
      for (const t of terms) if (!this.vocabulary.has(t)) this.vocabulary.set(t, 1)
    }
    for (const s of this.sources.values()) this.sourceNames.set(s.id, sourceTerms(s))
    for (const [text, count] of metaTexts) {
      for (const t of metaTerms.get(text) ?? [])
        this.metaPassages.set(t, (this.metaPassages.get(t) ?? 0) + count)
    }
    // A freshly built index has its claims as records: they are packed as the stored ones are.
    const packed = Array.isArray(data.claims) ? packClaims(data.claims, data.sentences) : data.claims
    const claims = new ClaimTable(packed, (place) => sentences.at(place)?.id ?? '')
    const placeOf = (id: string) => sentences.placeOf(id)
    this.claims = claims
    this.memberships = new SentenceLinks(
      placeOf,
      sentences.size,
      (visit) => claims.forEachMember(visit),
      (claim, index) => ({ claim: claims.record(claim), index }),
    )
    this.disputesBy = new SentenceLinks(
      placeOf,
      sentences.size,
      (visit) => claims.forEachDispute((claim, sentence) => visit(claim, sentence, 0)),
      (claim) => claims.record(claim),
    )
    for (const cv of data.caveats) push(this.caveatsBySource, cv.sourceId, cv)
    this.sourceGraph = data.sourceGraph
    this.lineage = new Lineage(data.sourceGraph)
    this.sentenceCount = data.sentences.length
    this.lexicon = data.lexicon
    this.search = loadSearchIndex(data.search)
    this.dictionaryWords = data.dictionary
  }

  /** True when a term is the stem of an English word (see `IndexData.dictionary`). */
  isWord(term: string): boolean {
    this.dictionary ??= new Set(this.dictionaryWords)
    this.dictionaryWords = []
    return this.dictionary.has(term)
  }

  /** The verbatim text of a span of a source's file. */
  slice(sourceId: string, start: number, end: number): string {
    return this.texts.get(sourceId)?.slice(start, end) ?? ''
  }

  /** The passage a sentence belongs to. */
  passageOf(sentence: SentenceRecord): Passage {
    const p = this.passages.get(sentence.passageId)
    if (!p) throw new Error(`index: sentence ${sentence.id} names a missing passage; run \`npm run index\`.`)
    return p
  }

  /** The source a passage belongs to. */
  sourceOf(passage: Passage): Source {
    const s = this.sources.get(passage.sourceId)
    if (!s) throw new Error(`index: passage ${passage.id} names a missing source; run \`npm run index\`.`)
    return s
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
