import type { Answer, Claim } from '../answer/types.js'
import { type GoldQuestion, type GoldSet, holds, squash } from './gold.js'

/** Counts of one figure: how many passed of how many. */
export type Count = [passed: number, of: number]

/** The figures of `../shared/eval/score.mjs`, computed in-process. */
export interface Tally {
  hit: Count
  contested: Count
  answered: Count
  refused: Count
  attribution: Count
  verbatim: Count
  concise: Count
  /** In scope: the first claim's statement holds an expected fragment (not one of score.mjs's figures). */
  first: Count
}

/** A scored evaluation run: the figures and what missed. */
export interface ScoreReport {
  tally: Tally
  misses: string[]
  /** Per question id: whether it counts as a hit (in scope) or a right refusal (out of scope). */
  perQuestion: Map<string, { ok: boolean; hit?: boolean; contested?: boolean; answered: boolean }>
}

const quotesOf = (claim: Claim | undefined, side: 'support' | 'disputes') =>
  (claim?.[side] ?? []).map((c) => c.quote)

/**
 * Scores answers against an evaluation set as `score.mjs` does. `texts` maps each seed file
 * name to its text (for the verbatim check).
 */
export function scoreAnswers(
  gold: GoldSet,
  questions: readonly GoldQuestion[],
  answers: readonly Answer[],
  texts: ReadonlyMap<string, string>,
): ScoreReport {
  const tally: Tally = {
    hit: [0, 0],
    contested: [0, 0],
    answered: [0, 0],
    refused: [0, 0],
    attribution: [0, 0],
    verbatim: [0, 0],
    concise: [0, 0],
    first: [0, 0],
  }
  const misses: string[] = []
  const count = (key: keyof Tally, ok: boolean, why: string) => {
    tally[key][1] += 1
    if (ok) tally[key][0] += 1
    else misses.push(`${key}: ${why}`)
    return ok
  }
  const squashed = new Map([...texts].map(([file, text]) => [file, squash(text)]))
  const perQuestion: ScoreReport['perQuestion'] = new Map()
  questions.forEach((q, i) => {
    const a = answers[i]
    const claims = a?.claims ?? []
    const answered = a !== undefined && a.answered !== false && claims.length > 0
    if (q.no_answer) {
      const ok = count('refused', !answered, `${q.id} answered an out-of-scope question`)
      perQuestion.set(q.id, { ok, answered })
      return
    }
    count('answered', answered, `${q.id} was not answered`)
    const cite = q.cite_any ?? []
    tally.first[1] += 1
    if (cite.some((f) => holds(claims[0]?.statement ?? '', f))) tally.first[0] += 1
    const top = claims.slice(0, 3)
    const all = top.flatMap((c) => [...quotesOf(c, 'support'), ...quotesOf(c, 'disputes')])
    const hit = count(
      'hit',
      all.some((t) => cite.some((f) => holds(t, f))),
      `${q.id}: no quote in the top 3 claims holds any of ${JSON.stringify(cite)}`,
    )
    let contested: boolean | undefined
    if (q.contested !== undefined) {
      const claim = top.find((c) => quotesOf(c, 'support').some((t) => cite.some((f) => holds(t, f))))
      let ok = claim !== undefined && claim.contested === q.contested
      let why = claim
        ? `${q.id}: contested is ${claim.contested}, expected ${q.contested}`
        : `${q.id}: no top-3 claim is supported by a cited fragment`
      if (ok && q.contested) {
        ok = quotesOf(claim, 'disputes').some((t) => (q.disputed_by_any ?? []).some((f) => holds(t, f)))
        why = `${q.id}: the disputes hold none of ${JSON.stringify(q.disputed_by_any)}`
      }
      if (ok && q.not_support_any) {
        const not = q.not_support_any
        ok = !quotesOf(claim, 'support').some((t) => not.some((f) => holds(t, f)))
        why = `${q.id}: a disputing passage is listed as support`
      }
      contested = count('contested', ok, why)
    }
    perQuestion.set(q.id, {
      ok: hit && contested !== false,
      hit,
      answered,
      ...(contested !== undefined ? { contested } : {}),
    })
  })
  for (const a of answers) {
    for (const claim of a.claims) {
      for (const c of [...claim.support, ...claim.disputes]) {
        const text = squashed.get(c.file)
        const quote = squash(c.quote)
        count('concise', quote.length <= 400, `quote over 400 characters (${quote.length}) from ${c.file}`)
        count(
          'verbatim',
          text !== undefined && quote.length > 0 && text.includes(quote),
          `quote not verbatim in ${c.file}: ${quote.slice(0, 80)}`,
        )
        for (const rule of gold.attribution) {
          if (!holds(c.quote, rule.fragment)) continue
          const ok = c.voice === rule.voice && (!rule.author || squash(c.author) === rule.author)
          count(
            'attribution',
            ok,
            `"${rule.fragment}" attributed to ${c.voice}/${c.author}, expected ${rule.voice}/${rule.author ?? '-'}`,
          )
        }
      }
    }
  }
  return { tally, misses, perQuestion }
}

/** The one-line summary `score.mjs` prints. */
export function tallyLine(t: Tally): string {
  const pct = ([n, d]: Count) => (d ? `${n}/${d}` : 'n/a')
  const { first: _first, ...figures } = t
  const perfect = Object.values(figures).every(([n, d]) => n === d)
  return `${perfect ? 'PASS' : 'FAIL'}: hit@3 ${pct(t.hit)}, contested ${pct(t.contested)}, answered ${pct(t.answered)}, refused ${pct(t.refused)}, attribution ${pct(t.attribution)}, verbatim ${pct(t.verbatim)}, concise ${pct(t.concise)}`
}
