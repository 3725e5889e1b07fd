import type { SourceGraph } from '../claims/lineage/types.js'
import type { CaveatRecord, ClaimRecord, SentenceRecord } from '../claims/types.js'
import type { Passage, Source } from '../corpus/types.js'
import type { Lexicon } from '../search/lexicon.js'
import type { PackedSearch } from '../search/packed-search.js'
import type { PackedClaims } from './packed-claims.js'

/** Bumped when the index's layout or the way it is built changes, so that an old index is rebuilt. */
export const INDEX_FORMAT = 4

/** What `index/manifest.json` records: which seeds the index was built from, and the files it wrote. */
export interface Manifest {
  /** `INDEX_FORMAT` of the code that built it. */
  format: number
  /** Seed file name → SHA-256 of its bytes (the sidecar `sources.json` included). */
  seeds: Record<string, string>
  /**
   * SHA-256 of what the lexicon was made from (the corpus's terms, proper nouns and names, and the
   * code and data that make it): a rebuild with the same reuses the lexicon instead of reading
   * WordNet again. Absent in indexes built before it was recorded.
   */
  lexicon?: string
  /**
   * Index file name (`corpus.json`, `search.bin`…; all but the manifest) → its size in bytes and the SHA-256
   * of its bytes, as written; checked when the index is read. Set by `writeIndex`.
   */
  files?: Record<string, IndexFileCheck>
}

/** How an index file is checked on load. */
export interface IndexFileCheck {
  /** Size in bytes. */
  bytes: number
  /** SHA-256 of the bytes, hex. */
  sha256: string
}

/** A passage as the index stores it: its text is read back from the seed file at its offsets. */
export type StoredPassage = Omit<Passage, 'text'>

/** Everything `npm run index` builds, as stored in `index/`. */
export interface IndexData {
  manifest: Manifest
  sources: Source[]
  passages: StoredPassage[]
  sentences: SentenceRecord[]
  claims: ClaimRecord[]
  caveats: CaveatRecord[]
  /** Which sources draw on which, and on what outside works, with the evidence (`source-graph.json`). */
  sourceGraph: SourceGraph
  lexicon: Lexicon
  /** Term → number of sentences holding it, in the order the sentences first hold them. */
  vocabulary: Map<string, number>
  /** The MiniSearch index, packed (see packed-search.ts). */
  search: PackedSearch
  /** Stems of every one-word English lemma WordNet knows, sorted: a word in it is no typo. */
  dictionary: string[]
  /**
   * Seed file name → the plain text citebot extracted from it, for HTML, PDF and Word seeds (their
   * passages and quotes are spans of it; it is stored as `index/text/<file>.txt`).
   */
  extracted: Record<string, string>
}

/** The index as `readIndex` reads it from `index/`: the claims packed, as stored (see packed-claims.ts). */
export interface StoredIndex extends Omit<IndexData, 'claims'> {
  claims: PackedClaims
}

/** Term → number of sentences holding it, in the order the sentences first hold them. */
export function countTerms(sentences: readonly SentenceRecord[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const s of sentences) for (const t of s.terms) counts.set(t, (counts.get(t) ?? 0) + 1)
  return counts
}
