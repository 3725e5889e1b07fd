import { createHash } from 'node:crypto'
import { existsSync, readFileSync, unwatchFile, watchFile } from 'node:fs'
import { join } from 'node:path'
import type { Knowledge } from '../answer/knowledge.js'
import { IndexDamagedError, readIndex } from './index-files.js'
import { knowledgeOf } from './load.js'
import { currentManifest, manifestChanges } from './manifest.js'

/** A new index that cannot be used: damaged, or built from other seeds than the folder holds now. */
export class IndexRefusedError extends Error {
  override name = 'IndexRefusedError'
  /** Always `INDEX_REFUSED`. */
  readonly code = 'INDEX_REFUSED'
}

/** Where the index is, and what to do when it changes. */
export interface IndexWatchOptions {
  indexDir: string
  seedsDir: string
  /** How often the index's manifest is looked at, in milliseconds. Default 1000. */
  intervalMs: number
  /** A new index was read and checked: answer from it from now on. */
  onSwap: (knowledge: Knowledge) => void
  /** A new index was refused (one line saying why); the one in use is kept. */
  onRefused: (message: string) => void
}

/** What `checkIndex` found. */
export type IndexCheck = 'unchanged' | 'swapped' | 'refused'

/** Watches an index folder (see `watchIndex`). */
export interface IndexWatcher {
  /** Looks at the index now (the watcher also does every `intervalMs`). */
  check(): IndexCheck
  stop(): void
}

const manifestPath = (dir: string) => join(dir, 'manifest.json')
const hashOf = (path: string) =>
  existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null

/**
 * Reads the index in `indexDir` for a running bot: every file checked against its manifest, and
 * the seeds it was built from checked against those in `seedsDir` (its quotes are cut from them).
 * Throws `IndexRefusedError` with one line saying what is wrong and what to do.
 */
export function reloadKnowledge(indexDir: string, seedsDir: string): Knowledge {
  let data: ReturnType<typeof readIndex>
  try {
    data = readIndex(indexDir)
  } catch (cause) {
    if (!(cause instanceof IndexDamagedError)) throw cause
    throw new IndexRefusedError(`the new index is damaged (${cause.message}); run \`npm run index\` again`, {
      cause,
    })
  }
  const changes = manifestChanges(data.manifest, currentManifest(seedsDir))
  if (changes.length > 0) {
    throw new IndexRefusedError(
      `the new index was built from other seeds than ${seedsDir}/ holds (${changes.slice(0, 3).join('; ')}); run \`npm run index\``,
    )
  }
  return knowledgeOf(data, seedsDir)
}

/**
 * Watches the index a running bot answers from: when `npm run index` (or its `--watch`) writes a
 * new one (its manifest, written last, changes), the new index is read and checked in full and
 * handed to `onSwap`; a damaged one is refused with one line to `onRefused`, and the index in
 * use is kept. Every process watching the same folder picks it up (the processes of a Postgres
 * deployment each do). The watcher never keeps a process alive by itself.
 */
export function watchIndex(
  options: Partial<IndexWatchOptions> & Pick<IndexWatchOptions, 'onSwap' | 'onRefused'>,
): IndexWatcher {
  const indexDir = options.indexDir ?? 'index'
  const seedsDir = options.seedsDir ?? 'seeds'
  const path = manifestPath(indexDir)
  let seen = hashOf(path)
  const check = (): IndexCheck => {
    const now = hashOf(path)
    if (now === seen || now === null) return 'unchanged'
    seen = now
    try {
      options.onSwap(reloadKnowledge(indexDir, seedsDir))
      return 'swapped'
    } catch (error) {
      if (!(error instanceof IndexRefusedError)) throw error
      options.onRefused(`${error.message}; still answering from the index loaded before.`)
      return 'refused'
    }
  }
  const listener = () => {
    check()
  }
  watchFile(path, { interval: options.intervalMs ?? 1000, persistent: false }, listener)
  return {
    check,
    stop: () => unwatchFile(path, listener),
  }
}
