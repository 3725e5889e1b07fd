import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { Engine } from '../answer/engine.js'
import { blankModel, defaultModel, type RankingModel } from '../answer/model.js'
import type { Answer } from '../answer/types.js'
import { loadKnowledge } from '../build/load.js'
import { FoundCache } from './fit.js'
import { type GoldQuestion, type GoldSet, readGold } from './gold.js'
import { scoreAnswers, type Tally } from './score.js'

/** An evaluation set and the corpus it asks about. */
export interface CorpusSet {
  /** A short name for the figures ("dev", "manuals"). */
  name: string
  gold: string
  seeds: string
  index: string
}

/** One corpus's part of what the fitting and quality commands work on. */
export interface SetPart {
  name: string
  gold: GoldSet
  /** Seed file name → text, for the verbatim check. */
  texts: Map<string, string>
}

/** What the fitting and quality commands work on: the evaluation sets as one, the engines on their built indexes, the seed texts. */
export interface QualitySetup {
  /** Every set's questions (and the first set's attribution checks). */
  gold: GoldSet
  /** Each question asked of its own corpus's engine. */
  cache: FoundCache
  /** Every corpus's file name → text, for the verbatim check. */
  texts: Map<string, string>
  /** The model in the repository, or a blank one when its features are no longer the engine's. */
  base: RankingModel
  /** Each set on its own, in the order given. */
  parts: SetPart[]
}

/** The manuals set of `../shared/eval/manuals/` on the corpus its make-corpus.sh makes. */
export function manualsSet(corpus = defaultManualsCorpus()): CorpusSet {
  const cache = join(join(homedir(), '.cache'), 'citebot-eval')
  return {
    name: 'manuals',
    gold: '../shared/eval/manuals/questions.json',
    seeds: corpus,
    index: join(cache, 'manuals-index'),
  }
}

/** Where make-corpus.sh puts git's manuals. */
export function defaultManualsCorpus(): string {
  return join(join(homedir(), '.cache'), 'citebot-eval', 'manuals')
}

/**
 * Loads each set's index (rebuilding it if its seeds changed) and evaluation set. The first set's
 * engine answers every question no other set asks. Two sets' file names must differ.
 */
export function qualitySetup(sets: readonly CorpusSet[]): QualitySetup {
  let base: RankingModel
  try {
    base = defaultModel()
  } catch {
    // A feature was added or removed since the model was fitted: fit afresh.
    base = blankModel()
  }
  const route = new Map<string, Engine>()
  const parts: SetPart[] = []
  let first: Engine | null = null
  for (const set of sets) {
    if (!existsSync(set.seeds)) throw new Error(`${set.name}: no corpus at ${set.seeds}`)
    const gold = readGold(set.gold)
    const { knowledge } = loadKnowledge({ seedsDir: set.seeds, indexDir: set.index })
    const engine = new Engine(knowledge, { model: base })
    first ??= engine
    for (const q of gold.questions) route.set(q.question, engine)
    const texts = new Map(
      [...knowledge.sources.values()].map((s) => [s.file, readFileSync(join(set.seeds, s.file), 'utf8')]),
    )
    parts.push({ name: set.name, gold, texts })
  }
  if (!first) throw new Error('no evaluation set')
  const texts = new Map(parts.flatMap((p) => [...p.texts]))
  const gold: GoldSet = {
    attribution: parts[0]?.gold.attribution ?? [],
    questions: parts.flatMap((p) => p.gold.questions),
  }
  return { gold, cache: new FoundCache(first, route), texts, base, parts }
}

/** The figures of each set, from answers to all the sets' questions in `gold`'s order. */
export function partTallies(
  setup: QualitySetup,
  answers: readonly Answer[],
): { name: string; tally: Tally }[] {
  const at = new Map<GoldQuestion, Answer>()
  setup.gold.questions.forEach((q, i) => {
    at.set(q, answers[i] as Answer)
  })
  return setup.parts.map((p) => ({
    name: p.name,
    tally: scoreAnswers(
      p.gold,
      p.gold.questions,
      p.gold.questions.map((q) => at.get(q) as Answer),
      p.texts,
    ).tally,
  }))
}
