import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ClaimRecord, DisputeRecord, SentenceRecord } from '../claims/types.js'
import type { SearchInfo } from '../search/packed-search.js'
import type { IndexData, Manifest } from './index-data.js'

const FILES = {
  manifest: 'manifest.json',
  corpus: 'corpus.json',
  claims: 'claims.json',
  lexicon: 'lexicon.json',
  search: 'search.json',
  postings: 'search.bin',
  dictionary: 'words.txt',
} as const

// Written to a temporary name and renamed, so a reader never sees half a file.
function writeAtomic(path: string, text: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, text)
  renameSync(`${path}.tmp`, path)
}

// Sentences and claims are most of a large index: they are stored as rows of numbers that point
// into the lists of passages and sentences, rather than as objects repeating long ids, so that
// the files are a tenth of the size and load that much faster.

/** A sentence as stored: its passage's place, its offsets, its terms' places in the term table, 1 when worthy; its id when not `<passage>.<n>`. */
type SentenceRow = [passage: number, start: number, end: number, terms: number[], worthy: 0 | 1, id?: string]

/** `corpus.json`: the sentences' terms are stored once, in a table with the number of sentences holding each. */
interface StoredCorpus extends Pick<IndexData, 'sources' | 'passages'> {
  terms: string[]
  counts: number[]
  sentences: SentenceRow[]
}
/** A dispute as stored: the disputing sentence's place, the quoted span, the cue and what matched. */
type DisputeRow = [sentence: number, start: number, end: number, cue: DisputeRecord['cue'], detail: string]
/** A claim as stored: its id, the places of its leader and members, their similarity, its sources and disputes. */
type ClaimRow = [
  id: string,
  leader: number,
  members: number[],
  similarity: number[],
  sources: number,
  disputes: DisputeRow[],
]

function sentenceRows(data: IndexData): SentenceRow[] {
  const passage = new Map(data.passages.map((p, i) => [p.id, i]))
  const term = new Map([...data.vocabulary.keys()].map((t, i) => [t, i]))
  const place = (t: string) => {
    const i = term.get(t)
    if (i === undefined) throw new Error(`index: the term ${t} of a sentence is not in the vocabulary`)
    return i
  }
  const count = new Map<string, number>()
  return data.sentences.map((s) => {
    const n = (count.get(s.passageId) ?? 0) + 1
    count.set(s.passageId, n)
    const row: SentenceRow = [
      passage.get(s.passageId) ?? -1,
      s.start,
      s.end,
      s.terms.map(place),
      s.worthy ? 1 : 0,
    ]
    if (s.id !== `${s.passageId}.${n}` || !passage.has(s.passageId)) row.push(s.id)
    return row
  })
}

/** One string per distinct text: a dispute's detail repeated 10,000 times is held once. */
function interner(): (text: string) => string {
  const seen = new Map<string, string>()
  return (text) => {
    const known = seen.get(text)
    if (known !== undefined) return known
    seen.set(text, text)
    return text
  }
}

function sentencesOf(
  rows: readonly SentenceRow[],
  passages: IndexData['passages'],
  table: readonly string[],
): SentenceRecord[] {
  const count = new Map<string, number>()
  return rows.map(([p, start, end, terms, worthy, id]) => {
    const passageId = passages[p]?.id ?? ''
    const n = (count.get(passageId) ?? 0) + 1
    count.set(passageId, n)
    return {
      id: id ?? `${passageId}.${n}`,
      passageId,
      start,
      end,
      // Strings of the one table: a term in 10,000 sentences is held once.
      terms: terms.map((t) => table[t] ?? ''),
      worthy: worthy === 1,
    }
  })
}

function claimRows(data: IndexData): ClaimRow[] {
  const place = new Map(data.sentences.map((s, i) => [s.id, i]))
  const at = (id: string) => {
    const i = place.get(id)
    if (i === undefined) throw new Error(`index: claim names a missing sentence ${id}`)
    return i
  }
  return data.claims.map((c) => [
    c.id,
    at(c.leader),
    c.members.map(at),
    c.similarity,
    c.sources,
    c.disputes.map((d) => [at(d.sentenceId), d.start, d.end, d.cue, d.detail]),
  ])
}

function claimsOf(rows: readonly ClaimRow[], sentences: readonly SentenceRecord[]): ClaimRecord[] {
  const id = (i: number) => sentences[i]?.id ?? ''
  const intern = interner()
  return rows.map(([claimId, leader, members, similarity, sources, disputes]) => ({
    id: claimId,
    leader: id(leader),
    members: members.map(id),
    similarity,
    sources,
    disputes: disputes.map(([s, start, end, cue, detail]) => ({
      sentenceId: id(s),
      start,
      end,
      cue,
      detail: intern(detail),
    })),
  }))
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
  writeAtomic(
    join(dir, FILES.claims),
    `${JSON.stringify({ claims: claimRows(data), caveats: data.caveats })}\n`,
  )
  writeAtomic(join(dir, FILES.lexicon), `${JSON.stringify(data.lexicon)}\n`)
  writeAtomic(join(dir, FILES.search), `${JSON.stringify(data.search.info)}\n`)
  // In the machine's byte order (little-endian on x86 and ARM), read back as it is.
  const { postings } = data.search
  writeAtomic(
    join(dir, FILES.postings),
    new Uint8Array(postings.buffer, postings.byteOffset, postings.byteLength),
  )
  writeAtomic(join(dir, FILES.dictionary), `${data.dictionary.join('\n')}\n`)
  writeAtomic(join(dir, FILES.manifest), `${JSON.stringify(data.manifest, null, 2)}\n`)
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

function readInt32s(path: string): Int32Array {
  const bytes = readFileSync(path)
  if (bytes.byteLength % 4 !== 0) throw new Error(`index: ${path} is cut short; run \`npm run index\`.`)
  // A view of the bytes read where they are aligned for it (a file's own buffer is), else a copy.
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
  return new Int32Array(new Uint8Array(bytes).buffer)
}

/** Reads the index in `dir` (its manifest must exist). */
export function readIndex(dir: string): IndexData {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8')
  const manifest = JSON.parse(read(FILES.manifest)) as Manifest
  const corpus = JSON.parse(read(FILES.corpus)) as StoredCorpus
  const sentences = sentencesOf(corpus.sentences, corpus.passages, corpus.terms)
  const vocabulary = new Map(corpus.terms.map((t, i) => [t, corpus.counts[i] ?? 0]))
  const claims = JSON.parse(read(FILES.claims)) as Pick<IndexData, 'caveats'> & { claims: ClaimRow[] }
  return {
    manifest,
    sources: corpus.sources,
    passages: corpus.passages,
    sentences,
    claims: claimsOf(claims.claims, sentences),
    caveats: claims.caveats,
    lexicon: JSON.parse(read(FILES.lexicon)) as IndexData['lexicon'],
    vocabulary,
    search: {
      info: JSON.parse(read(FILES.search)) as SearchInfo,
      postings: readInt32s(join(dir, FILES.postings)),
    },
    dictionary: read(FILES.dictionary).split('\n').filter(Boolean),
  }
}
