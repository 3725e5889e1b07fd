import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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

/** Writes the index to a folder (one JSON file per part; the manifest last, as the commit mark). */
export function writeIndex(dir: string, data: IndexData): void {
  mkdirSync(dir, { recursive: true })
  writeAtomic(
    join(dir, FILES.corpus),
    `${JSON.stringify({ sources: data.sources, passages: data.passages, sentences: data.sentences })}\n`,
  )
  writeAtomic(join(dir, FILES.claims), `${JSON.stringify({ claims: data.claims, caveats: data.caveats })}\n`)
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
  const corpus = JSON.parse(read(FILES.corpus)) as Pick<IndexData, 'sources' | 'passages' | 'sentences'>
  const claims = JSON.parse(read(FILES.claims)) as Pick<IndexData, 'claims' | 'caveats'>
  return {
    manifest,
    ...corpus,
    ...claims,
    lexicon: JSON.parse(read(FILES.lexicon)) as IndexData['lexicon'],
    search: read(FILES.search),
    dictionary: read(FILES.dictionary).split('\n').filter(Boolean),
  }
}
