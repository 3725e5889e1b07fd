import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Engine } from '../answer/engine.js'
import { blankModel, defaultModel, type RankingModel } from '../answer/model.js'
import { loadKnowledge } from '../build/load.js'
import { FoundCache } from './fit.js'
import { type GoldSet, readGold } from './gold.js'

/** What the fitting and quality commands work on: the evaluation set, the engine on the built index, the seed texts. */
export interface QualitySetup {
  gold: GoldSet
  cache: FoundCache
  /** Seed file name → text, for the verbatim check. */
  texts: Map<string, string>
  /** The model in the repository, or a blank one when its features are no longer the engine's. */
  base: RankingModel
}

/** Loads the index (rebuilding it if the seeds changed) and the evaluation set at `goldPath`; the texts are the seeds' (or, for a document read into text, its extracted text). */
export function qualitySetup(goldPath: string, seedsDir = 'seeds', indexDir = 'index'): QualitySetup {
  const gold = readGold(goldPath)
  const { knowledge } = loadKnowledge({ seedsDir, indexDir })
  let base: RankingModel
  try {
    base = defaultModel()
  } catch {
    // A feature was added or removed since the model was fitted: fit afresh.
    base = blankModel()
  }
  const cache = new FoundCache(new Engine(knowledge, { model: base }))
  const texts = new Map(
    [...knowledge.sources.values()].map((s) => [s.file, readFileSync(join(seedsDir, s.file), 'utf8')]),
  )
  return { gold, cache, texts, base }
}
