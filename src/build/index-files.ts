import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ClaimRecord, DisputeRecord, SentenceRecord } from '../claims/types.js'
import type { IndexData, Manifest } from './index-data.js'

const FILES = {
  manifest: 'manifest.json',
  corpus: 'corpus.json',
  claims: 'claims.json',
  lexicon: 'lexicon.json',
  search: 'search.json',
  dictionary: 'words.txt',
} as const

// Written to a temporary name and renamed, so a reader never sees half a file.
function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text)
  renameSync(`${path}.tmp`, path)
}

// Sentences and claims are most of a large index: they are stored as rows of numbers that point
// into the lists of passages and sentences, rather than as objects repeating long ids, so that
// the files are a tenth of the size and load that much faster.

/** A sentence as stored: its passage's place, its offsets, its terms joined by spaces, 1 when worthy; its id when not `<passage>.<n>`. */
type SentenceRow = [passage: number, start: number, end: number, terms: string, worthy: 0 | 1, id?: string]
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
  const count = new Map<string, number>()
  return data.sentences.map((s) => {
    const n = (count.get(s.passageId) ?? 0) + 1
    count.set(s.passageId, n)
    const row: SentenceRow = [
      passage.get(s.passageId) ?? -1,
      s.start,
      s.end,
      s.terms.join(' '),
      s.worthy ? 1 : 0,
    ]
    if (s.id !== `${s.passageId}.${n}` || !passage.has(s.passageId)) row.push(s.id)
    return row
  })
}

/** One string per distinct text: a term in 10,000 sentences is held once, not 10,000 times. */
function interner(): (text: string) => string {
  const seen = new Map<string, string>()
  return (text) => {
    const known = seen.get(text)
    if (known !== undefined) return known
    seen.set(text, text)
    return text
  }
}

function sentencesOf(rows: readonly SentenceRow[], passages: IndexData['passages']): SentenceRecord[] {
  const count = new Map<string, number>()
  const intern = interner()
  return rows.map(([p, start, end, terms, worthy, id]) => {
    const passageId = passages[p]?.id ?? ''
    const n = (count.get(passageId) ?? 0) + 1
    count.set(passageId, n)
    return {
      id: id ?? `${passageId}.${n}`,
      passageId,
      start,
      end,
      terms: terms === '' ? [] : terms.split(' ').map(intern),
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
  writeAtomic(
    join(dir, FILES.corpus),
    `${JSON.stringify({ sources: data.sources, passages: data.passages, sentences: sentenceRows(data) })}\n`,
  )
  writeAtomic(
    join(dir, FILES.claims),
    `${JSON.stringify({ claims: claimRows(data), caveats: data.caveats })}\n`,
  )
  writeAtomic(join(dir, FILES.lexicon), `${JSON.stringify(data.lexicon)}\n`)
  writeAtomic(join(dir, FILES.search), `${data.search}\n`)
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

/** Reads the index in `dir` (its manifest must exist). */
export function readIndex(dir: string): IndexData {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8')
  const manifest = JSON.parse(read(FILES.manifest)) as Manifest
  const corpus = JSON.parse(read(FILES.corpus)) as Pick<IndexData, 'sources' | 'passages'> & {
    sentences: SentenceRow[]
  }
  const sentences = sentencesOf(corpus.sentences, corpus.passages)
  const claims = JSON.parse(read(FILES.claims)) as Pick<IndexData, 'caveats'> & { claims: ClaimRow[] }
  return {
    manifest,
    sources: corpus.sources,
    passages: corpus.passages,
    sentences,
    claims: claimsOf(claims.claims, sentences),
    caveats: claims.caveats,
    lexicon: JSON.parse(read(FILES.lexicon)) as IndexData['lexicon'],
    search: read(FILES.search),
    dictionary: read(FILES.dictionary).split('\n').filter(Boolean),
  }
}
