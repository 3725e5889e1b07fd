import type { Engine, Trace } from '../answer/engine.js'
import { FEATURES } from '../answer/features.js'
import { answers, type RankingModel } from '../answer/model.js'
import type { Answer } from '../answer/types.js'
import { type GoldQuestion, type GoldSet, holds } from './gold.js'
import { scoreAnswers, type Tally } from './score.js'

/**
 * Fits the ranking model on an evaluation set: the sentence weights by listwise logistic
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
  /** Answer rules left out (see `RankingModel.answer`), for ablations. Default none. */
  withoutRules: readonly AnswerRule[]
}

/** An answer rule that an ablation can leave out. */
export type AnswerRule = 'minFocus' | 'requireType' | 'refuseUnknownName'

export const FIT_DEFAULTS: FitOptions = { l2: 0.02, steps: 600, without: [], withoutRules: [] }

/** What a question contributes to fitting: its trace under some model and its labels. */
interface Example {
  question: GoldQuestion
  trace: Trace | null
  /** Per candidate: whether it holds an expected fragment. */
  labels: boolean[]
}

/**
 * What each question finds, read once: the candidates and their features do not depend on the
 * weights. Each question is asked of the engine of its own corpus (`route`: the evaluation set's
 * questions on the seeds, a manuals set's on its manuals), `engine` when no route names it.
 */
export class FoundCache {
  private readonly found = new Map<string, ReturnType<Engine['find']>>()
  constructor(
    readonly engine: Engine,
    private readonly route: ReadonlyMap<string, Engine> = new Map(),
  ) {}

  /** The engine a question is asked of. */
  engineFor(question: string): Engine {
    return this.route.get(question) ?? this.engine
  }

  /** The question's answer under `model`, and its trace (null when it found nothing to weigh). */
  answer(question: string, model: RankingModel): { answer: Answer; trace: Trace | null } {
    const engine = this.engineFor(question)
    let f = this.found.get(question)
    if (!f) {
      f = engine.find(question)
      this.found.set(question, f)
    }
    return 'refusal' in f ? { answer: f.refusal, trace: null } : engine.decide(f, model)
  }
}

function examplesOf(cache: FoundCache, questions: readonly GoldQuestion[], model: RankingModel): Example[] {
  return questions.map((q) => {
    const engine = cache.engineFor(q.question)
    const { trace } = cache.answer(q.question, model)
    const labels =
      trace?.candidates.map((c) => {
        const text = engine.kb.slice(c.passage.sourceId, c.sentence.start, c.sentence.end)
        return (q.cite_any ?? []).some((f) => holds(text, f))
      }) ?? []
    return { question: q, trace, labels }
  })
}

/**
 * Listwise logistic (softmax) regression: for each question, the loss is −log of the share of
 * the candidates' softmax mass on the sentences that hold an expected fragment, so that fitting
 * cares about what ranks first, not about sentences far down the list. Each question weighs alike.
 */
function fitListwise(examples: readonly Example[], options: FitOptions, start: readonly number[]): number[] {
  const n = FEATURES.length
  const off = new Set(options.without.map((f) => FEATURES.indexOf(f as (typeof FEATURES)[number])))
  const groups: { x: Float64Array[]; pos: boolean[] }[] = []
  for (const e of examples) {
    if (!e.trace || e.question.no_answer) continue
    if (!e.labels.some(Boolean) || e.labels.every(Boolean)) continue
    groups.push({ x: e.trace.candidates.map((c) => c.features), pos: e.labels })
  }
  const w = Float64Array.from(start)
  for (const k of off) w[k] = 0
  const m = new Float64Array(n)
  const v = new Float64Array(n)
  const rate = 0.05
  for (let step = 1; step <= options.steps; step++) {
    const g = new Float64Array(n)
    for (const { x, pos } of groups) {
      const z = x.map((f) => {
        let s = 0
        for (let k = 0; k < n; k++) s += (w[k] ?? 0) * (f[k] ?? 0)
        return s
      })
      const top = Math.max(...z)
      const e = z.map((s) => Math.exp(s - top))
      const all = e.reduce((a, b) => a + b, 0)
      const good = e.reduce((a, b, i) => a + (pos[i] ? b : 0), 0)
      // d/dw −log(good/all) = Σ_i (p_i − q_i) x_i, p the softmax over all, q over the good ones.
      x.forEach((f, i) => {
        const coeff = ((e[i] ?? 0) / all - (pos[i] ? (e[i] ?? 0) / good : 0)) / groups.length
        for (let k = 0; k < n; k++) g[k] = (g[k] ?? 0) + coeff * (f[k] ?? 0)
      })
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

/**
 * The answer rules: the two refusal rules and the least focus share that get the most questions
 * right (answered in scope, refused out of it); among ties, the stricter.
 */
function fitAnswer(examples: readonly Example[], options: FitOptions): RankingModel['answer'] {
  const off = new Set(options.withoutRules)
  const rows = examples.map((e) => ({ s: e.trace?.signals ?? null, y: !e.question.no_answer }))
  const right = (rule: RankingModel['answer']) =>
    rows.reduce((acc, r) => {
      const answered = r.s !== null && answers({ answer: rule } as RankingModel, r.s)
      return acc + (answered === r.y ? 1 : 0)
    }, 0)
  let best: RankingModel['answer'] = { minFocus: 0, requireType: false, refuseUnknownName: false }
  const cuts = [0, ...new Set(rows.flatMap((r) => (r.s ? [r.s.focus] : [])))].sort((a, b) => a - b)
  for (const requireType of off.has('requireType') ? [false] : [false, true]) {
    for (const refuseUnknownName of off.has('refuseUnknownName') ? [false] : [false, true]) {
      for (const cut of off.has('minFocus') ? [0] : cuts) {
        // Halfway to the next lower value, so that a question at the cut is answered.
        const minFocus = round(Math.max(0, cut - 1e-3))
        const rule = { minFocus, requireType, refuseUnknownName }
        // Among rules as right, the stricter: an answer where the sources do not answer is the
        // worse mistake.
        const stricter =
          Number(rule.requireType) + Number(rule.refuseUnknownName) >
            Number(best.requireType) + Number(best.refuseUnknownName) || rule.minFocus > best.minFocus
        if (right(rule) > right(best) || (right(rule) === right(best) && stricter)) best = rule
      }
    }
  }
  return best
}

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

/**
 * One number to maximise: every question that passes; then, a tenth as much, the questions whose
 * first claim's statement is the answer (so that among equal figures, the claim shown first is
 * the one that answers, not one its supporting sentence happens to belong to); less a little for
 * each claim shown past the first (an answer says what answers, without padding).
 */
export function objective(t: Tally, answers: readonly Answer[] = []): number {
  const extra = answers.reduce((acc, a) => acc + Math.max(0, a.claims.length - 1), 0)
  return (
    t.hit[0] + t.contested[0] + t.answered[0] + t.refused[0] + 0.1 * t.first[0] - EXTRA_CLAIM_COST * extra
  )
}

/** What each claim shown past the first costs in `objective`, against 1 for a question answered right. */
export const EXTRA_CLAIM_COST = 0.03

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
  let weights = fitListwise(
    examples,
    opts,
    base.weights.map(() => 0),
  )
  let model: RankingModel = { ...base, weights }
  // What decides answering comes from the best claim, which the weights choose: read it again.
  const rescored = examplesOf(cache, questions, model)
  model = { ...model, answer: fitAnswer(rescored, opts) }
  // The claim margins, one at a time over a grid of values, twice round (ties to the earlier value).
  const grid: Record<'disputeMargin' | 'memberMargin' | 'cutoff', readonly number[]> = {
    disputeMargin: [0, 0.25, 0.5, 1, 2],
    memberMargin: [0, 0.5, 1, 2, 4],
    cutoff: [0.25, 0.5, 0.75, 1, 1.5, 2, 3],
  }
  for (let round = 0; round < 2; round++) {
    for (const key of Object.keys(grid) as (keyof typeof grid)[]) {
      let best = { score: Number.NEGATIVE_INFINITY, value: model.claims[key] }
      for (const value of grid[key]) {
        const trial = { ...model, claims: { ...model.claims, [key]: value } }
        const run = evaluate(cache, gold, questions, trial, texts)
        const score = objective(run.tally, run.answers)
        if (score > best.score) best = { score, value }
      }
      model = { ...model, claims: { ...model.claims, [key]: best.value } }
    }
  }
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
  return scoreAnswers(gold, gold.questions, heldOutAnswers(cache, gold, base, texts, folds, options), texts)
    .tally
}

/** The held-out answers of `heldOut`, in the order of the set's questions. */
export function heldOutAnswers(
  cache: FoundCache,
  gold: GoldSet,
  base: RankingModel,
  texts: ReadonlyMap<string, string>,
  folds = 5,
  options: Partial<FitOptions> = {},
): Answer[] {
  const order = shuffled(gold.questions)
  const answers = new Map<GoldQuestion, Answer>()
  for (let f = 0; f < folds; f++) {
    const test = order.filter((_, i) => i % folds === f)
    const train = order.filter((_, i) => i % folds !== f)
    const model = fitModel(cache, gold, train, base, texts, options)
    for (const q of test) answers.set(q, cache.answer(q.question, model).answer)
  }
  return gold.questions.map((q) => answers.get(q) as Answer)
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
