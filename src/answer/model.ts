import { z } from 'zod'
import fitted from './ranking-model.json' with { type: 'json' }
import { FEATURES } from './features.js'

/**
 * The ranking model: how much each feature of a sentence counts (a linear score, fitted by
 * `npm run fit` on the evaluation set; see docs/quality.md), how claims are chosen from the
 * sentences, and when a question is answered at all. The weights are data, in
 * src/answer/ranking-model.json; nothing here is set by hand but the defaults of an unfitted model.
 */
export const RankingModel = z.object({
  /** Feature names, in the order of `weights`. */
  features: z.array(z.string()),
  /** Weight of each feature in a sentence's score. */
  weights: z.array(z.number()),
  claims: z.object({
    /** How much less a claim counts when the sentence found disputes it rather than states it (score units). */
    disputeMargin: z.number(),
    /** Claims scoring more than this below the best claim are left out (score units). */
    cutoff: z.number(),
    /** Most claims in an answer. */
    maxClaims: z.number().int().positive(),
  }),
  answer: z.object({
    /** Names of the question-level features, in the order of `weights`. */
    features: z.array(z.string()),
    weights: z.array(z.number()),
    bias: z.number(),
  }),
  /** How the model was fitted: the data, the date, the figures measured. */
  fitted: z.record(z.string(), z.unknown()).optional(),
})

/** A ranking model (see `RankingModel`). */
export type RankingModel = z.infer<typeof RankingModel>

/** The question-level features that decide whether a question is answered. */
export const ANSWER_FEATURES = [
  /** The best claim's score. */
  'best',
  /** Share of the question's concept weight its best sentence holds. */
  'coverage',
  /** The heaviest concept that sentence lacks, relative to the heaviest. */
  'missing',
  /** Share of the question's concept weight the corpus lacks altogether. */
  'unknown',
] as const

/** The model in the repository. */
export function defaultModel(): RankingModel {
  const model = RankingModel.parse(fitted)
  return checkModel(model)
}

/** Checks that a model's features are the engine's; says what to do when they are not. */
export function checkModel(model: RankingModel): RankingModel {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i])
  if (!same(model.features, FEATURES) || model.weights.length !== FEATURES.length)
    throw new Error(
      `ranking model: its features (${model.features.join(', ')}) are not the engine's (${FEATURES.join(', ')}); run \`npm run fit\`.`,
    )
  if (!same(model.answer.features, ANSWER_FEATURES) || model.answer.weights.length !== ANSWER_FEATURES.length)
    throw new Error('ranking model: its answer features are not the engine’s; run `npm run fit`.')
  return model
}

/** A linear score: the weights times the features. */
export function linear(weights: readonly number[], features: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < weights.length; i++) s += (weights[i] ?? 0) * (features[i] ?? 0)
  return s
}

/** The logistic function. */
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))
