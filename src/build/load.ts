import type { Knowledge } from '../answer/knowledge.js'
import type { ReadError } from '../corpus/types.js'
import { BUILD_STEPS, type BuildStep, buildIndex } from './build-index.js'
import type { IndexData, StoredIndex } from './index-data.js'
import { readReusable, writeIndex } from './index-files.js'
import { knowledgeOf, openCurrentIndex } from './open-index.js'

export { knowledgeOf } from './open-index.js'

/** Where the index and the seeds are, and who hears about a rebuild. */
export interface LoadOptions {
  /** The built index's folder. Default `index`. */
  indexDir: string
  /** The source documents' folder. Default `seeds`. */
  seedsDir: string
  /**
   * Called before a rebuild, with why: what changed in the seeds ("002_….txt changed"), or, when `damaged`,
   * what is wrong with the index ("index/corpus.json has 29051 bytes, not the 58103 it was written with").
   */
  onRebuild?: (changes: string[], why: 'seeds' | 'damaged') => void
  /** Called as each build step finishes (step number from 1, of `total`). */
  onStep?: (step: BuildStep, done: number, total: number) => void
  /** Called as each seed file is read during a rebuild (files done, of `total`). */
  onFile?: (file: string, done: number, total: number, passages: number) => void
}

/** The loaded knowledge, and whether the index had to be rebuilt to get it. */
export interface Loaded {
  knowledge: Knowledge
  /** What changed in the seeds since the index was built; empty when it was current. */
  changes: string[]
  /** What was wrong with the index when it had to be rebuilt for that (a damaged file), or null. */
  damage: string | null
  /** Seed files that could not be read (they are left out). */
  errors: ReadError[]
  /** Why the rebuilt index could not be saved (it is still used), or null. */
  saveError: string | null
}

/**
 * Loads `index/`, or rebuilds it when the seeds changed since it was built or when it is damaged (a file
 * missing, cut short or changed since it was written: each is checked against the manifest), and saves it,
 * if the folder is writable; then reads the texts the quotes are cut from: the seeds', and for HTML, PDF and
 * Word seeds the texts the index keeps of them.
 */
export function loadKnowledge(options: Partial<LoadOptions> = {}): Loaded {
  const indexDir = options.indexDir ?? 'index'
  const seedsDir = options.seedsDir ?? 'seeds'
  const opened = openCurrentIndex(indexDir, seedsDir)
  const { changes, damage } = opened
  let data: IndexData | StoredIndex | null = opened.data
  let saveError: string | null = null
  let errors: ReadError[] = []
  if (data === null) {
    options.onRebuild?.(damage === null ? changes : [damage], damage === null ? 'seeds' : 'damaged')
    let done = 0
    const built = buildIndex(
      seedsDir,
      (step) => options.onStep?.(step, ++done, BUILD_STEPS.length),
      options.onFile,
      readReusable(indexDir),
    )
    data = built.data
    errors = built.corpus.errors
    try {
      writeIndex(indexDir, built.data)
    } catch (cause) {
      saveError = `could not save the rebuilt index in ${indexDir}/ (${(cause as Error).message}); it will be rebuilt at the next start.`
    }
  }
  return { knowledge: knowledgeOf(data, seedsDir), changes, damage, errors, saveError }
}
