import { type CorpusPaths, loadCorpusPaths } from '../config.js'
import type { FlagSpec } from './args.js'

/** Flags of every command that reads the documents: `--seeds DIR` and `--index DIR`. */
export const CORPUS_FLAGS: Record<'seeds' | 'index', FlagSpec> = {
  seeds: {
    type: 'string',
    description: 'The folder of the documents (default SEEDS_DIR, else seeds).',
  },
  index: {
    type: 'string',
    description: 'The folder of their built index (default INDEX_DIR, else index).',
  },
}

/**
 * The folders a command works on: `--seeds` and `--index` when given, else `SEEDS_DIR` and
 * `INDEX_DIR` (see config.ts), else `seeds` and `index`.
 */
export function corpusPaths(values: Record<string, string | boolean | undefined>): CorpusPaths {
  const env = loadCorpusPaths()
  const seeds = values.seeds
  const index = values.index
  return {
    seedsDir: typeof seeds === 'string' ? seeds : env.seedsDir,
    indexDir: typeof index === 'string' ? index : env.indexDir,
  }
}
