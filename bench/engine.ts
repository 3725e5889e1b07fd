import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Engine } from '../src/answer/engine.js'
import { Knowledge } from '../src/answer/knowledge.js'
import { buildIndex } from '../src/build/build-index.js'
import { readIndex, writeIndex } from '../src/build/index-files.js'
import { corpusQuestions } from './questions.js'
import { quantile, round, since } from './stats.js'

/** Figures for one corpus: build, load and ask times (ms). */
export interface EngineFigures {
  buildMs: number
  loadMs: number
  askP50Ms: number
  askP99Ms: number
  askMaxMs: number
  questions: number
}

/** Loads an index folder and its seeds into a Knowledge, timing it. */
export function loadTimed(indexDir: string, seedsDir: string): { kb: Knowledge; ms: number } {
  const start = performance.now()
  const data = readIndex(indexDir)
  const texts = new Map(data.sources.map((s) => [s.file, readFileSync(join(seedsDir, s.file), 'utf8')]))
  const kb = new Knowledge(data, texts)
  return { kb, ms: since(start) }
}

/** Builds the index of `seedsDir` into `indexDir`, loads it and asks `count` questions. */
export function measureEngine(
  seedsDir: string,
  indexDir: string,
  count: number,
  rebuild = true,
): EngineFigures {
  let buildMs = Number.NaN
  if (rebuild) {
    const start = performance.now()
    const { data } = buildIndex(seedsDir)
    writeIndex(indexDir, data)
    buildMs = since(start)
  }
  const { kb, ms: loadMs } = loadTimed(indexDir, seedsDir)
  return { buildMs: round(buildMs, 0), loadMs: round(loadMs, 1), ...timeAsks(kb, count) }
}

/** Asks `count` questions made from the corpus, after a warm-up of the JIT, timing each alone. */
export function timeAsks(
  kb: Knowledge,
  count: number,
): Pick<EngineFigures, 'askP50Ms' | 'askP99Ms' | 'askMaxMs' | 'questions'> {
  const engine = new Engine(kb)
  const questions = corpusQuestions(kb, count)
  for (const q of questions.slice(0, 50)) engine.ask(q)
  const times = questions.map((q) => {
    const start = performance.now()
    engine.ask(q)
    return since(start)
  })
  return {
    askP50Ms: round(quantile(times, 0.5), 3),
    askP99Ms: round(quantile(times, 0.99), 3),
    askMaxMs: round(Math.max(...times), 3),
    questions: times.length,
  }
}
