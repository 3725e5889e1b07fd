import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SentenceRecord } from '../claims/types.js'
import { isExtracted } from '../corpus/formats.js'
import type { SearchInfo } from '../search/packed-search.js'
import type { IndexData, IndexFileCheck, Manifest, StoredIndex } from './index-data.js'
import { type PackedClaims, packClaims } from './packed-claims.js'
import { SentenceTerms, StoredSentence } from './stored-sentence.js'

const FILES = {
  manifest: 'manifest.json',
  corpus: 'corpus.json',
  claims: 'claims.json',
  sourceGraph: 'source-graph.json',
  lexicon: 'lexicon.json',
  search: 'search.json',
  postings: 'search.bin',
  sentenceTerms: 'terms.bin',
  claimRows: 'claims.bin',
  similarity: 'similarity.bin',
  dictionary: 'words.txt',
} as const

/** The folder of the texts extracted from HTML, PDF and Word seeds, one `<file>.txt` each. */
const EXTRACTED_FOLDER = 'text'

/**
 * The index in a folder is damaged: a file is missing, cut short, changed or unreadable, or the manifest
 * records no checks. The message names the file and says how; loading rebuilds the index from the seeds.
 */
export class IndexDamagedError extends Error {
  override name = 'IndexDamagedError'
  /** Always `INDEX_DAMAGED`. */
  readonly code = 'INDEX_DAMAGED'
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Where the index keeps the text extracted from a seed file (HTML, PDF, Word), relative to the index folder. */
export function extractedTextPath(file: string): string {
  return `${EXTRACTED_FOLDER}/${file}.txt`
}

// Written to a temporary name and renamed, so a reader never sees half a file. Returns its check.
function writeAtomic(path: string, text: string | Uint8Array): IndexFileCheck {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  writeFileSync(`${path}.tmp`, bytes)
  renameSync(`${path}.tmp`, path)
  return { bytes: bytes.byteLength, sha256: sha256(bytes) }
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

/**
 * Writes the index to a folder (one file per part; the manifest last, as the commit mark, with each file's
 * size and SHA-256 so that a damaged file is found on load).
 */
export function writeIndex(dir: string, data: IndexData): void {
  mkdirSync(dir, { recursive: true })
  const corpus: StoredCorpus = {
    sources: data.sources,
    passages: data.passages,
    terms: [...data.vocabulary.keys()],
    counts: [...data.vocabulary.values()],
    sentences: sentenceRows(data),
  }
  const { rows, similarity, ...tables } = packClaims(data.claims, data.sentences)
  const claims: StoredClaims = { caveats: data.caveats, ...tables }
  const parts: [name: string, content: string | Uint8Array][] = [
    [FILES.corpus, `${JSON.stringify(corpus)}\n`],
    [FILES.sentenceTerms, bytesOf(sentenceTerms(data))],
    [FILES.claims, `${JSON.stringify(claims)}\n`],
    [FILES.claimRows, bytesOf(rows)],
    [FILES.sourceGraph, `${JSON.stringify(data.sourceGraph)}\n`],
    [FILES.similarity, bytesOf(similarity)],
    [FILES.lexicon, `${JSON.stringify(data.lexicon)}\n`],
    [FILES.search, `${JSON.stringify(data.search.info)}\n`],
    [FILES.postings, bytesOf(data.search.postings)],
    [FILES.dictionary, `${data.dictionary.join('\n')}\n`],
  ]
  const files: Record<string, IndexFileCheck> = {}
  for (const [name, content] of parts) files[name] = writeAtomic(join(dir, name), content)
  // The extracted texts are checked on load like the other files (as `text/<file>.txt`).
  Object.assign(files, writeExtracted(dir, data.extracted))
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))
  const manifest: Manifest = { ...data.manifest, files: sorted }
  writeAtomic(join(dir, FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`)
}

/**
 * Writes the extracted texts, and removes those of seeds that are gone (the folder too, when none is left).
 * Returns the check of each, by its path in the index folder.
 */
function writeExtracted(
  dir: string,
  extracted: Readonly<Record<string, string>>,
): Record<string, IndexFileCheck> {
  const folder = join(dir, EXTRACTED_FOLDER)
  const keep = new Set(Object.keys(extracted).map((file) => `${file}.txt`))
  if (existsSync(folder))
    for (const name of readdirSync(folder)) if (!keep.has(name)) rmSync(join(folder, name), { force: true })
  if (keep.size === 0) {
    rmSync(folder, { recursive: true, force: true })
    return {}
  }
  mkdirSync(folder, { recursive: true })
  const checks: Record<string, IndexFileCheck> = {}
  for (const [file, text] of Object.entries(extracted)) {
    const name = extractedTextPath(file)
    checks[name] = writeAtomic(join(dir, name), text)
  }
  return checks
}

/** The manifest of the index in `dir`, or null when there is none. Throws `IndexDamagedError` when it cannot be read. */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, FILES.manifest)
  if (!existsSync(path)) return null
  let manifest: unknown
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new IndexDamagedError(`${path} cannot be read (${(cause as Error).message})`, { cause })
  }
  const m = manifest as Partial<Manifest> | null
  if (typeof m?.format !== 'number' || typeof m.seeds !== 'object' || m.seeds === null) {
    throw new IndexDamagedError(`${path} is not an index manifest`)
  }
  return m as Manifest
}

/** What a new build can take over from the index in a folder (see `buildIndex`'s `previous`). */
export interface ReusableParts {
  manifest: Manifest
  lexicon: IndexData['lexicon']
  dictionary: string[]
}

/**
 * The parts of the index in `dir` a rebuild may reuse: its manifest, lexicon and dictionary, each
 * checked as on load; null when there is no index or it is damaged (the build then makes them).
 */
export function readReusable(dir: string): ReusableParts | null {
  try {
    const manifest = readManifest(dir)
    if (manifest === null) return null
    const lexicon = JSON.parse(
      readChecked(dir, FILES.lexicon, manifest).toString('utf8'),
    ) as IndexData['lexicon']
    const dictionary = readChecked(dir, FILES.dictionary, manifest)
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
    return { manifest, lexicon, dictionary }
  } catch (error) {
    if (error instanceof IndexDamagedError || error instanceof SyntaxError) return null
    throw error
  }
}

/** Reads index file `name` in `dir`, checked against the size and SHA-256 the manifest records for it. */
function readChecked(dir: string, name: string, manifest: Manifest): Buffer {
  const path = join(dir, name)
  const check = manifest.files?.[name]
  if (check === undefined)
    throw new IndexDamagedError(`${join(dir, FILES.manifest)} records no check of ${name}`)
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (cause) {
    throw new IndexDamagedError(
      `${path} cannot be read (${(cause as NodeJS.ErrnoException).code ?? cause})`,
      {
        cause,
      },
    )
  }
  if (bytes.byteLength !== check.bytes) {
    throw new IndexDamagedError(
      `${path} has ${bytes.byteLength} bytes, not the ${check.bytes} it was written with`,
    )
  }
  if (sha256(bytes) !== check.sha256) throw new IndexDamagedError(`${path} changed since it was written`)
  return bytes
}

// Arrays of numbers are stored in the machine's byte order (little-endian on x86 and ARM) and
// read back as they are.
function bytesOf(array: Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
}

/** A file's bytes in an ArrayBuffer of their own (aligned for any typed array of `unit`-byte numbers). */
function bufferOf(path: string, bytes: Buffer, unit: number): ArrayBuffer {
  if (bytes.byteLength % unit !== 0) throw new IndexDamagedError(`${path} is cut short`)
  // A file's own buffer is read as it is; a copy is made only when it shares a buffer.
  if (
    bytes.byteOffset === 0 &&
    bytes.buffer.byteLength === bytes.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  )
    return bytes.buffer
  return new Uint8Array(bytes).buffer
}

/**
 * Reads the index in `dir` (its manifest must exist), each file checked against the size and SHA-256 that
 * the manifest records. Throws `IndexDamagedError`, naming the file, when one is missing, cut short, changed
 * or cannot be parsed.
 */
export function readIndex(dir: string): StoredIndex {
  const manifest = readManifest(dir)
  if (manifest === null) throw new IndexDamagedError(`${join(dir, FILES.manifest)} is missing`)
  const raw = (name: string) => readChecked(dir, name, manifest)
  const parsed = <T>(name: string): T => {
    const text = raw(name).toString('utf8')
    try {
      return JSON.parse(text) as T
    } catch (cause) {
      throw new IndexDamagedError(`${join(dir, name)} cannot be parsed (${(cause as Error).message})`, {
        cause,
      })
    }
  }
  const numbers = (name: string, unit: number) => bufferOf(join(dir, name), raw(name), unit)
  const corpus = parsed<StoredCorpus>(FILES.corpus)
  const terms = new Int32Array(numbers(FILES.sentenceTerms, 4))
  const sentences = sentencesOf(
    corpus.sentences,
    corpus.passages,
    new SentenceTerms(corpus.terms, terms, corpus.sentences.length),
  )
  const vocabulary = new Map(corpus.terms.map((t, i) => [t, corpus.counts[i] ?? 0]))
  const { caveats, ...tables } = parsed<StoredClaims>(FILES.claims)
  const claims: PackedClaims = {
    ...tables,
    rows: new Int32Array(numbers(FILES.claimRows, 4)),
    similarity: new Float64Array(numbers(FILES.similarity, 8)),
  }
  // An HTML, PDF or Word seed's quotes are spans of its extracted text: it is checked like the other files.
  const extracted: Record<string, string> = {}
  for (const s of corpus.sources)
    if (isExtracted(s.file)) extracted[s.file] = raw(extractedTextPath(s.file)).toString('utf8')
  return {
    manifest,
    extracted,
    sources: corpus.sources,
    passages: corpus.passages,
    sentences,
    claims,
    caveats,
    sourceGraph: parsed<IndexData['sourceGraph']>(FILES.sourceGraph),
    lexicon: parsed<IndexData['lexicon']>(FILES.lexicon),
    vocabulary,
    search: {
      info: parsed<SearchInfo>(FILES.search),
      postings: new Int32Array(numbers(FILES.postings, 4)),
    },
    dictionary: raw(FILES.dictionary).toString('utf8').split('\n').filter(Boolean),
  }
}

/**
 * The names of the files every index folder holds, the manifest first; an index of HTML, PDF or Word seeds
 * holds `text/<file>.txt` for each too (see {@link extractedTextPath}).
 */
export const INDEX_FILES: readonly string[] = Object.values(FILES)
