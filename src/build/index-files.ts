import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SentenceRecord } from '../claims/types.js'
import { isExtracted } from '../corpus/formats.js'
import type { SearchInfo } from '../search/packed-search.js'
import type { IndexData, Manifest, StoredIndex } from './index-data.js'
import { type PackedClaims, packClaims } from './packed-claims.js'
import { SentenceTerms, StoredSentence } from './stored-sentence.js'

const FILES = {
  manifest: 'manifest.json',
  corpus: 'corpus.json',
  claims: 'claims.json',
  lexicon: 'lexicon.json',
  search: 'search.json',
  postings: 'search.bin',
  sentenceTerms: 'terms.bin',
  claimRows: 'claims.bin',
  similarity: 'similarity.bin',
  dictionary: 'words.txt',
  /** The folder of the texts extracted from HTML, PDF and Word seeds, one `<file>.txt` each. */
  extracted: 'text',
} as const

/** Where the index keeps the text extracted from a seed file (HTML, PDF, Word), relative to the index folder. */
export function extractedTextPath(file: string): string {
  return join(FILES.extracted, `${file}.txt`)
}

// Written to a temporary name and renamed, so a reader never sees half a file.
function writeAtomic(path: string, text: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, text)
  renameSync(`${path}.tmp`, path)
}

// Sentences and claims are most of a large index: they are stored as rows of numbers that point
// into the lists of passages and sentences, rather than as objects repeating long ids, so that
// the files are a tenth of the size and load that much faster.

/** A sentence as stored: its passage's place, its offsets, 1 when worthy; its id when not `<passage>.<n>` (its terms are in `terms.bin`). */
type SentenceRow = [passage: number, start: number, end: number, worthy: 0 | 1, id?: string]

/** `corpus.json`: the sentences' terms are stored once, in a table with the number of sentences holding each. */
interface StoredCorpus extends Pick<IndexData, 'sources' | 'passages'> {
  terms: string[]
  counts: number[]
  sentences: SentenceRow[]
}
/** `claims.json`: the caveats, and the tables the packed claims point into (their rows are binary files). */
interface StoredClaims extends Pick<IndexData, 'caveats'>, Pick<PackedClaims, 'ids' | 'cues' | 'details'> {}

/** Each sentence's number of terms and the terms' places in the vocabulary, sentence after sentence. */
function sentenceTerms(data: IndexData): Int32Array {
  const term = new Map([...data.vocabulary.keys()].map((t, i) => [t, i]))
  const out: number[] = []
  for (const s of data.sentences) {
    out.push(s.terms.length)
    for (const t of s.terms) {
      const i = term.get(t)
      if (i === undefined) throw new Error(`index: the term ${t} of a sentence is not in the vocabulary`)
      out.push(i)
    }
  }
  return Int32Array.from(out)
}

function sentenceRows(data: IndexData): SentenceRow[] {
  const passage = new Map(data.passages.map((p, i) => [p.id, i]))
  const count = new Map<string, number>()
  return data.sentences.map((s) => {
    const n = (count.get(s.passageId) ?? 0) + 1
    count.set(s.passageId, n)
    const row: SentenceRow = [passage.get(s.passageId) ?? -1, s.start, s.end, s.worthy ? 1 : 0]
    if (s.id !== `${s.passageId}.${n}` || !passage.has(s.passageId)) row.push(s.id)
    return row
  })
}

function sentencesOf(
  rows: readonly SentenceRow[],
  passages: IndexData['passages'],
  terms: SentenceTerms,
): SentenceRecord[] {
  const count = new Map<string, number>()
  return rows.map(([p, start, end, worthy, id], i) => {
    const passageId = passages[p]?.id ?? ''
    const n = (count.get(passageId) ?? 0) + 1
    count.set(passageId, n)
    return new StoredSentence(id ?? null, passageId, n, start, end, worthy === 1, terms, i)
  })
}

/** Writes the index to a folder (one JSON file per part; the manifest last, as the commit mark). */
export function writeIndex(dir: string, data: IndexData): void {
  mkdirSync(dir, { recursive: true })
  const corpus: StoredCorpus = {
    sources: data.sources,
    passages: data.passages,
    terms: [...data.vocabulary.keys()],
    counts: [...data.vocabulary.values()],
    sentences: sentenceRows(data),
  }
  writeAtomic(join(dir, FILES.corpus), `${JSON.stringify(corpus)}\n`)
  writeAtomic(join(dir, FILES.sentenceTerms), bytesOf(sentenceTerms(data)))
  const { rows, similarity, ...tables } = packClaims(data.claims, data.sentences)
  const claims: StoredClaims = { caveats: data.caveats, ...tables }
  writeAtomic(join(dir, FILES.claims), `${JSON.stringify(claims)}\n`)
  writeAtomic(join(dir, FILES.claimRows), bytesOf(rows))
  writeAtomic(join(dir, FILES.similarity), bytesOf(similarity))
  writeAtomic(join(dir, FILES.lexicon), `${JSON.stringify(data.lexicon)}\n`)
  writeAtomic(join(dir, FILES.search), `${JSON.stringify(data.search.info)}\n`)
  writeAtomic(join(dir, FILES.postings), bytesOf(data.search.postings))
  writeAtomic(join(dir, FILES.dictionary), `${data.dictionary.join('\n')}\n`)
  writeExtracted(dir, data.extracted)
  writeAtomic(join(dir, FILES.manifest), `${JSON.stringify(data.manifest, null, 2)}\n`)
}

/** Writes the extracted texts, and removes those of seeds that are gone (the folder too, when none is left). */
function writeExtracted(dir: string, extracted: Readonly<Record<string, string>>): void {
  const folder = join(dir, FILES.extracted)
  const keep = new Set(Object.keys(extracted).map((file) => `${file}.txt`))
  if (existsSync(folder))
    for (const name of readdirSync(folder)) if (!keep.has(name)) rmSync(join(folder, name), { force: true })
  if (keep.size === 0) {
    rmSync(folder, { recursive: true, force: true })
    return
  }
  mkdirSync(folder, { recursive: true })
  for (const [file, text] of Object.entries(extracted)) writeAtomic(join(dir, extractedTextPath(file)), text)
}

/** The manifest of the index in `dir`, or null when there is none. */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, FILES.manifest)
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest
  } catch {
    return null
  }
}

// Arrays of numbers are stored in the machine's byte order (little-endian on x86 and ARM) and
// read back as they are.
function bytesOf(array: Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
}

/** The bytes of a file, in an ArrayBuffer of their own (aligned for any typed array). */
function readBuffer(path: string, unit: number): ArrayBuffer {
  const bytes = readFileSync(path)
  if (bytes.byteLength % unit !== 0) throw new Error(`index: ${path} is cut short; run \`npm run index\`.`)
  // A file's own buffer is read as it is; a copy is made only when it shares a buffer.
  if (
    bytes.byteOffset === 0 &&
    bytes.buffer.byteLength === bytes.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  )
    return bytes.buffer
  return new Uint8Array(bytes).buffer
}

/** Reads the index in `dir` (its manifest must exist). */
export function readIndex(dir: string): StoredIndex {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8')
  const manifest = JSON.parse(read(FILES.manifest)) as Manifest
  const corpus = JSON.parse(read(FILES.corpus)) as StoredCorpus
  const terms = new Int32Array(readBuffer(join(dir, FILES.sentenceTerms), 4))
  const sentences = sentencesOf(
    corpus.sentences,
    corpus.passages,
    new SentenceTerms(corpus.terms, terms, corpus.sentences.length),
  )
  const vocabulary = new Map(corpus.terms.map((t, i) => [t, corpus.counts[i] ?? 0]))
  const { caveats, ...tables } = JSON.parse(read(FILES.claims)) as StoredClaims
  const claims: PackedClaims = {
    ...tables,
    rows: new Int32Array(readBuffer(join(dir, FILES.claimRows), 4)),
    similarity: new Float64Array(readBuffer(join(dir, FILES.similarity), 8)),
  }
  const extracted: Record<string, string> = {}
  for (const s of corpus.sources) {
    const path = join(dir, extractedTextPath(s.file))
    if (isExtracted(s.file) && existsSync(path)) extracted[s.file] = readFileSync(path, 'utf8')
  }
  return {
    manifest,
    extracted,
    sources: corpus.sources,
    passages: corpus.passages,
    sentences,
    claims,
    caveats,
    lexicon: JSON.parse(read(FILES.lexicon)) as IndexData['lexicon'],
    vocabulary,
    search: {
      info: JSON.parse(read(FILES.search)) as SearchInfo,
      postings: new Int32Array(readBuffer(join(dir, FILES.postings), 4)),
    },
    dictionary: read(FILES.dictionary).split('\n').filter(Boolean),
  }
}
