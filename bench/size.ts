import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { type BuildStep, buildIndex } from '../src/build/build-index.js'
import { readReusable, writeIndex } from '../src/build/index-files.js'
import { listSeedFiles } from '../src/corpus/read-seeds.js'
import { loadTimed, timeAsks } from './engine.js'
import { peakRssMb, round, since } from './stats.js'

/** What building one corpus's index costs. */
export interface BuildFigures {
  buildMs: number
  /** Milliseconds of each build step, in order (writing the files last). */
  steps: Record<string, number>
  /** Size of the written index folder, in MB. */
  indexMb: number
  peakRssMb: number
}

/** What loading one corpus's index and answering on it costs. */
export interface ServeFigures {
  loadMs: number
  askP50Ms: number
  askP99Ms: number
  askMaxMs: number
  questions: number
  /** How big the corpus is, as the engine sees it. */
  sources: number
  passages: number
  sentences: number
  claims: number
  /** Peak RSS of the process that loaded the index and answered (no build in it), in MB. */
  peakRssMb: number
}

const folderMb = (dir: string) =>
  readdirSync(dir).reduce((acc, f) => acc + statSync(join(dir, f)).size, 0) / 2 ** 20

/** Builds the index of `seedsDir` into `indexDir`, timing each step. */
export function measureBuild(seedsDir: string, indexDir: string): BuildFigures {
  const steps: Record<string, number> = {}
  const start = performance.now()
  let last = start
  const { data } = buildIndex(seedsDir, (step: BuildStep) => {
    steps[step] = round(since(last), 0)
    last = performance.now()
  })
  writeIndex(indexDir, data)
  steps['write index'] = round(since(last), 0)
  return {
    buildMs: round(since(start), 0),
    steps,
    indexMb: round(folderMb(indexDir), 1),
    peakRssMb: round(peakRssMb(), 0),
  }
}

/** What re-indexing after one file changed costs. */
export interface ReindexFigures {
  reindexMs: number
  /** True when the lexicon of the index before was reused (the change added no word). */
  reused: boolean
  peakRssMb: number
}

/**
 * Changes one file of `seedsDir` (its first paragraph of some length said again at its end: no
 * new word) and builds `indexDir` again with what the index built before lends.
 */
export function measureReindex(seedsDir: string, indexDir: string): ReindexFigures {
  const file = join(seedsDir, listSeedFiles(seedsDir)[0] ?? '')
  const paragraph = readFileSync(file, 'utf8')
    .split(/\n\s*\n/)
    .find((p) => p.trim().split(/\s+/).length > 12)
  appendFileSync(file, `\n\n${(paragraph ?? 'One more line of text for the re-index.').trim()}\n`)
  const start = performance.now()
  const { data, reused } = buildIndex(seedsDir, () => {}, undefined, readReusable(indexDir))
  writeIndex(indexDir, data)
  return { reindexMs: round(since(start), 0), reused, peakRssMb: round(peakRssMb(), 0) }
}

/** Loads a built index and asks `count` questions made from its corpus, timing each alone. */
export function measureServe(seedsDir: string, indexDir: string, count: number): ServeFigures {
  const { kb, ms: loadMs } = loadTimed(indexDir, seedsDir)
  return {
    loadMs: round(loadMs, 0),
    ...timeAsks(kb, count),
    sources: kb.sources.size,
    passages: kb.passages.size,
    sentences: kb.sentences.size,
    claims: kb.claims.size,
    peakRssMb: round(peakRssMb(), 0),
  }
}

// `tsx bench/size.ts build|serve|reindex <seedsDir> <indexDir> [questions]`: one measurement in a process
// of its own (so that its peak RSS is its own), printed as one line of JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [mode, seedsDir = 'seeds', indexDir = 'index', count = '1000'] = process.argv.slice(2)
  const figures =
    mode === 'build'
      ? measureBuild(seedsDir, indexDir)
      : mode === 'reindex'
        ? measureReindex(seedsDir, indexDir)
        : measureServe(seedsDir, indexDir, Number(count))
  process.stdout.write(`${JSON.stringify(figures)}\n`)
}
