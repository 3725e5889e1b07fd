import { type CorpusPaths, loadCorpusPaths } from '../config.js'

/** Options every command that reads the documents takes: `--seeds DIR` and `--index DIR`. */
export const CORPUS_OPTIONS = {
  seeds: { type: 'string' },
  index: { type: 'string' },
} as const

/**
 * The folders a command works on: `--seeds` and `--index` when given, else `SEEDS_DIR` and
 * `INDEX_DIR` (see config.ts), else `seeds` and `index`.
 */
export function corpusPaths(values: { seeds?: string | undefined; index?: string | undefined }): CorpusPaths {
  const env = loadCorpusPaths()
  return { seedsDir: values.seeds ?? env.seedsDir, indexDir: values.index ?? env.indexDir }
}

/**
 * Runs a command's argument parsing (`node:util` parseArgs); on a bad argument (an unknown
 * option, a folder option without its folder) prints one line with the usage and exits with 2.
 */
export function orUsage<T>(usage: string, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    process.stderr.write(`citebot: ${(error as Error).message}\nusage: ${usage}\n`)
    process.exit(2)
  }
}
