import type { Engine, Trace } from '../answer/engine.js'
import { FEATURES } from '../answer/features.js'
import { ANSWER_FEATURES, type RankingModel } from '../answer/model.js'
import type { Answer } from '../answer/types.js'
import { type GoldQuestion, type GoldSet, holds } from './gold.js'
import { scoreAnswers, type Tally } from './score.js'

/**
 * Fits the ranking model on an evaluation set: the sentence weights by pairwise logistic
 * regression (a sentence that holds an expected fragment should outscore the others found for
 * its question), the answer/refuse weights by logistic regression on whether a question is in
 * scope, and the two claim margins by a grid search on the set's figures.
 */

/** How to fit. */
export interface FitOptions {
  /** L2 penalty on the weights. Default 0.02. */
  l2: number
  /** Gradient steps. Default 600. */
  steps: number
  /** Features left out (their weight is held at 0), for ablations. Default none. */
  without: readonly string[]
}

export const FIT_DEFAULTS: FitOptions = { l2: 0.02, steps: 600, without: [] }

/** What a question contributes to fitting: its trace under some model and its labels. */
interface Example {
  question: GoldQuestion
  trace: Trace | null
  /** Per candidate: whether it holds an expected fragment. */
  labels: boolean[]
}

/** A model with zero weights and middling margins: where fitting starts. */
export function blankModel(base: RankingModel): RankingModel {
  return {
    ...base,
    features: [...FEATURES],
    weights: FEATURES.map(() => 0),
    answer: { features: [...ANSWER_FEATURES], weights: ANSWER_FEATURES.map(() => 0), bias: 0 },
    fitted: {},
  }
}

/** What each question finds, read once: the candidates and their features do not depend on the weights. */
export class FoundCache {
  private readonly found = new Map<string, ReturnType<Engine['find']>>()
  constructor(readonly engine: Engine) {}

  /** The question's answer under `model`, and its trace (null when it found nothing to weigh). */
  answer(question: string, model: RankingModel): { answer: Answer; trace: Trace | null } {
    let f = this.found.get(question)
    if (!f) {
      f = this.engine.find(question)
      this.found.set(question, f)
    }
    return 'refusal' in f ? { answer: f.refusal, trace: null } : this.engine.decide(f, model)
  }
}

function examplesOf(cache: FoundCache, questions: readonly GoldQuestion[], model: RankingModel): Example[] {
  const engine = cache.engine
  return questions.map((q) => {
    const { trace } = cache.answer(q.question, model)
    const labels =
      trace?.candidates.map((c) => {
        const text = engine.kb.slice(c.passage.sourceId, c.sentence.start, c.sentence.end)
        return (q.cite_any ?? []).some((f) => holds(text, f))
      }) ?? []
    return { question: q, trace, labels }
  })
}

/** Pairwise logistic regression over (positive − negative) feature differences, each question weighing alike. */
function fitPairwise(examples: readonly Example[], options: FitOptions, start: readonly number[]): number[] {
  const n = FEATURES.length
  const off = new Set(options.without.map((f) => FEATURES.indexOf(f as (typeof FEATURES)[number])))
  const groups: Float64Array[][] = []
  for (const e of examples) {
    if (!e.trace || e.question.no_answer) continue
    const pos = e.trace.candidates.filter((_, i) => e.labels[i])
    const neg = e.trace.candidates.filter((_, i) => !e.labels[i])
    if (pos.length === 0 || neg.length === 0) continue
    const diffs: Float64Array[] = []
    for (const p of pos) {
      for (const q of neg) {
        const d = new Float64Array(n)
        for (let k = 0; k < n; k++) d[k] = off.has(k) ? 0 : (p.features[k] ?? 0) - (q.features[k] ?? 0)
        diffs.push(d)
      }
    }
    groups.push(diffs)
  }
  const w = Float64Array.from(start)
  for (const k of off) w[k] = 0
  // Adam on the mean of each question's mean pair loss.
  const m = new Float64Array(n)
  const v = new Float64Array(n)
  const rate = 0.05
  for (let step = 1; step <= options.steps; step++) {
    const g = new Float64Array(n)
    for (const diffs of groups) {
      const scale = 1 / diffs.length / groups.length
      for (const d of diffs) {
        let z = 0
        for (let k = 0; k < n; k++) z += (w[k] ?? 0) * (d[k] ?? 0)
        // d/dw log(1 + e^-z) = -σ(-z) d
        const s = 1 / (1 + Math.exp(z))
        for (let k = 0; k < n; k++) g[k] = (g[k] ?? 0) - s * (d[k] ?? 0) * scale
      }
    }
    for (let k = 0; k < n; k++) {
      if (off.has(k)) continue
      const gk = (g[k] ?? 0) + 2 * options.l2 * (w[k] ?? 0)
      m[k] = 0.9 * (m[k] ?? 0) + 0.1 * gk
      v[k] = 0.999 * (v[k] ?? 0) + 0.001 * gk * gk
      const mh = (m[k] ?? 0) / (1 - 0.9 ** step)
      const vh = (v[k] ?? 0) / (1 - 0.999 ** step)
      w[k] = (w[k] ?? 0) - (rate * mh) / (Math.sqrt(vh) + 1e-8)
    }
  }
  return [...w].map(round)
}

/** Logistic regression of in scope (1) against out of scope (0) on the question-level features. */
function fitAnswer(examples: readonly Example[], options: FitOptions): { weights: number[]; bias: number } {
  const rows = examples
    .filter((e) => e.trace?.answerFeatures)
    .map((e) => ({ x: e.trace?.answerFeatures as number[], y: e.question.no_answer ? 0 : 1 }))
  const n = ANSWER_FEATURES.length
  const w = new Float64Array(n)
  let b = 0
  for (let step = 0; step < 4000; step++) {
    const g = new Float64Array(n)
    let gb = 0
    for (const r of rows) {
      let z = b
      for (let k = 0; k < n; k++) z += (w[k] ?? 0) * (r.x[k] ?? 0)
      const err = 1 / (1 + Math.exp(-z)) - r.y
      const scale = 1 / rows.length
      for (let k = 0; k < n; k++) g[k] = (g[k] ?? 0) + err * (r.x[k] ?? 0) * scale
      gb += err * scale
    }
    for (let k = 0; k < n; k++) w[k] = (w[k] ?? 0) - 0.5 * ((g[k] ?? 0) + 2 * ANSWER_L2 * (w[k] ?? 0))
    b -= 0.5 * gb
  }
  return { weights: [...w].map(round), bias: round(b) }
}

/** L2 penalty of the answer model: light, its features are few. */
const ANSWER_L2 = 0.001

const round = (x: number) => Math.round(x * 10000) / 10000

/** The figures of answering `questions` with `model`. */
export function evaluate(
  cache: FoundCache,
  gold: GoldSet,
  questions: readonly GoldQuestion[],
  model: RankingModel,
  texts: ReadonlyMap<string, string>,
): { tally: Tally; answers: Answer[]; misses: string[] } {
  const answers = questions.map((q) => cache.answer(q.question, model).answer)
  const report = scoreAnswers(gold, questions, answers, texts)
  return { tally: report.tally, answers, misses: report.misses }
}

/** One number to maximise: every question that passes, the in-scope figures first. */
export function objective(t: Tally): number {
  return t.hit[0] + t.contested[0] + t.answered[0] + t.refused[0]
}

/** Fits a model on `questions` of `gold`, starting from `base` (its claim settings and shape). */
export function fitModel(
  cache: FoundCache,
  gold: GoldSet,
  questions: readonly GoldQuestion[],
  base: RankingModel,
  texts: ReadonlyMap<string, string>,
  options: Partial<FitOptions> = {},
): RankingModel {
  const opts = { ...FIT_DEFAULTS, ...options }
  // The candidates a question finds do not depend on the weights: their features are read once.
  const examples = examplesOf(cache, questions, base)
  let weights = fitPairwise(
    examples,
    opts,
    base.weights.map(() => 0),
  )
  let model: RankingModel = { ...base, weights }
  // The answer features hold the best claim's score, which the weights set: read them again.
  const rescored = examplesOf(cache, questions, model)
  model = { ...model, answer: { ...model.answer, ...fitAnswer(rescored, opts) } }
  // The claim margins, by a grid search on the figures (ties to the smaller change).
  let best = { score: Number.NEGATIVE_INFINITY, disputeMargin: 0, cutoff: 0 }
  for (const disputeMargin of [0, 0.25, 0.5, 1, 2]) {
    for (const cutoff of [0.1, 0.25, 0.5, 0.75, 1, 1.5]) {
      const trial = { ...model, claims: { ...model.claims, disputeMargin, cutoff } }
      const score = objective(evaluate(cache, gold, questions, trial, texts).tally)
      if (score > best.score) best = { score, disputeMargin, cutoff }
    }
  }
  model = { ...model, claims: { ...model.claims, disputeMargin: best.disputeMargin, cutoff: best.cutoff } }
  weights = model.weights
  return { ...model, weights }
}

/**
 * The held-out figures: the questions split into `folds` parts by a fixed shuffle; each part is
 * answered by a model fitted on the others. A change that only memorises the set shows here.
 */
export function heldOut(
  cache: FoundCache,
  gold: GoldSet,
  base: RankingModel,
  texts: ReadonlyMap<string, string>,
  folds = 5,
  options: Partial<FitOptions> = {},
): Tally {
  const order = shuffled(gold.questions)
  const answers: Answer[] = new Array(order.length)
  for (let f = 0; f < folds; f++) {
    const test = order.filter((_, i) => i % folds === f)
    const train = order.filter((_, i) => i % folds !== f)
    const model = fitModel(cache, gold, train, base, texts, options)
    for (const q of test) answers[order.indexOf(q)] = cache.answer(q.question, model).answer
  }
  return scoreAnswers(gold, order, answers, texts).tally
}

/** A fixed shuffle (a linear congruential generator with a set seed), so that folds are the same every run. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items]
  let seed = 20261204
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    const j = seed % (i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}
