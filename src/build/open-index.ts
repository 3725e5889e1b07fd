import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Knowledge } from '../answer/knowledge.js'
import { isExtracted } from '../corpus/formats.js'
import type { IndexData, StoredIndex } from './index-data.js'
import { IndexDamagedError, readIndex, readManifest } from './index-files.js'
import { currentManifest, manifestChanges } from './manifest.js'

/** The index as it is on disk: current for the seeds, or what is wrong with it. */
export type OpenedIndex =
  | { data: StoredIndex; changes: []; damage: null }
  | { data: null; changes: string[]; damage: string | null }

/**
 * Reads `indexDir` when it is current for `seedsDir` (no seed changed since it was built, every
 * file as the manifest says). Nothing of building an index is loaded for this: a command that
 * answers from a current index (`npm run ask`) starts without the readers of HTML, PDF, Word or
 * manuals and without WordNet (see `loadKnowledge`, which rebuilds when this finds the index stale).
 */
export function openCurrentIndex(indexDir: string, seedsDir: string): OpenedIndex {
  try {
    const changes = manifestChanges(readManifest(indexDir), currentManifest(seedsDir))
    if (changes.length > 0) return { data: null, changes, damage: null }
    return { data: readIndex(indexDir), changes: [], damage: null }
  } catch (error) {
    if (!(error instanceof IndexDamagedError)) throw error
    return { data: null, changes: [], damage: error.message }
  }
}

/**
 * The knowledge of a built or read index, with the texts its quotes are cut from: each seed's
 * text, or, for HTML, PDF and Word, the text extracted from it (kept in the index).
 */
export function knowledgeOf(data: IndexData | StoredIndex, seedsDir: string): Knowledge {
  const texts = new Map<string, string>()
  for (const s of data.sources) {
    const text = isExtracted(s.file) ? data.extracted[s.file] : readFileSync(join(seedsDir, s.file), 'utf8')
    if (text !== undefined) texts.set(s.file, text)
  }
  return new Knowledge(data, texts)
}
