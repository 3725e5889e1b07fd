import { z } from 'zod'
import { FEATURES } from './features.js'
import fitted from './ranking-model.json' with { type: 'json' }

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
    /**
     * How much less a claim counts when the sentence found is one of its supporting sentences
     * rather than its statement, times how unlike the statement that sentence is (score units).
     */
    memberMargin: z.number().default(0),
    /** Claims scoring more than this below the best claim are left out (score units). */
    cutoff: z.number(),
    /** Most claims in an answer. */
    maxClaims: z.number().int().positive(),
  }),
  /**
   * When a question is answered: its best claim's sentence must hold at least `minFocus` of
   * its focus (see `AnswerSignals.focus`); with `requireType`, a question that
   * wants a kind of answer (a name, a date, an amount) is refused when that sentence holds none;
   * with `refuseUnknownName`, a question naming something the corpus lacks is refused.
   */
  answer: z.object({
    minFocus: z.number(),
    requireType: z.boolean(),
    refuseUnknownName: z.boolean(),
  }),
  /** How the model was fitted: the data, the date, the figures measured. */
  fitted: z.record(z.string(), z.unknown()).optional(),
})

/** A ranking model (see `RankingModel`). */
export type RankingModel = z.infer<typeof RankingModel>

/** What decides whether a question is answered (see `RankingModel.answer`). */
export interface AnswerSignals {
  /**
   * Share of the weight of the question's focus (its heaviest nouns, names and verbs: what it
   * asks about) that a claim the answer would show holds in its sentence as words of their own
   * (not only inside a name or a hyphenated word): the most any of them holds.
   */
  focus: number
  /** True when the question names something (a capitalised name) the corpus lacks, or has only by correcting its spelling. */
  unknownName: boolean
  /** False when the question wants a kind of answer the best sentence does not hold. */
  typeFound: boolean
}

/** True when a model answers a question with these signals. */
export function answers(model: RankingModel, s: AnswerSignals): boolean {
  if (model.answer.refuseUnknownName && s.unknownName) return false
  if (model.answer.requireType && !s.typeFound) return false
  return s.focus >= model.answer.minFocus
}

/** The model in the repository. */
export function defaultModel(): RankingModel {
  const model = RankingModel.parse(fitted)
  return checkModel(model)
}

/** A model with every weight 0 (all sentences alike, every question answered): where fitting starts. */
export function blankModel(): RankingModel {
  return {
    features: [...FEATURES],
    weights: FEATURES.map(() => 0),
    claims: { disputeMargin: 0, memberMargin: 0, cutoff: 1, maxClaims: 3 },
    answer: { minFocus: 0, requireType: false, refuseUnknownName: false },
  }
}

/** Checks that a model's features are the engine's; says what to do when they are not. */
export function checkModel(model: RankingModel): RankingModel {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i])
  if (!same(model.features, FEATURES) || model.weights.length !== FEATURES.length)
    throw new Error(
      `ranking model: its features (${model.features.join(', ')}) are not the engine's (${FEATURES.join(', ')}); run \`npm run fit\`.`,
    )
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
