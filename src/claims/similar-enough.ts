import { type CorpusContext, SPECIFIC_WEIGHT } from './context.js'
import type { SentenceRecord } from './types.js'

/** What a clause of one sentence can share with a clause of another, at most. */
interface ClauseBound {
  /** Its terms' total weight. */
  total: number
  /** The most weight of it the other sentence's clauses can hold. */
  shared: number
  /** The most of its specific terms they can hold. */
  specific: number
}

/** A clause-to-clause match counts this much of a whole match at most (as in `sentenceSimilarity`). */
const CLAUSE_DISCOUNT = 0.95

/**
 * `ctx.sentenceSimilarity(a, b)` where it is at least `floor`; some smaller number where it is
 * not. Claim building only keeps pairs alike enough to state one claim (0.3), so a clause pair
 * that cannot reach that is not compared: what each clause can share with the other sentence at
 * most is known from one comparison of the whole sentences (every term of a clause is a term of
 * its sentence, and is found in a clause of the other at most as well as in the whole of it).
 * Comparing every clause of a long sentence with every clause of each of its 64 candidates was
 * most of the build of a manual (git's documentation: 5.6 s of 8 s grouping claims).
 */
export function similarEnough(
  ctx: CorpusContext,
  a: SentenceRecord,
  b: SentenceRecord,
  floor: number,
): number {
  const whole = ctx.similarity(a.terms, b.terms)
  if (whole >= CLAUSE_DISCOUNT) return whole
  // A clause pair must beat both what the whole sentences share and the floor to matter.
  const bar = Math.max(whole, floor) / CLAUSE_DISCOUNT
  if (bar > 1) return whole
  const ca = ctx.clausesOf(a)
  const cb = ctx.clausesOf(b)
  if (ca.length * cb.length <= 1) return ctx.sentenceSimilarity(a, b)
  // What each clause can share with the other sentence at most, from one probe of this one.
  const ea = extended(a, ca)
  const eb = extended(b, cb)
  const probe = ctx.probe(ea)
  probe.measure(ctx.encode(eb))
  const mine = new Map<number, number>()
  ctx.encode(ea).forEach((id, k) => {
    mine.set(id, probe.foundAt(k))
  })
  const ba = ca.map((clause) => bound(ctx, ctx.encode(clause), (id) => mine.get(id) ?? 0))
  const bb = cb.map((clause) => bound(ctx, ctx.encode(clause), (id) => probe.reachOf(id)))
  let best = whole
  for (let i = 0; i < ca.length; i++) {
    const x = ba[i] as ClauseBound
    for (let j = 0; j < cb.length; j++) {
      const y = bb[j] as ClauseBound
      if (Math.max(x.specific, y.specific) < 2 || x.total === 0 || y.total === 0) continue
      const bound = Math.min(1, (x.shared + y.shared) / 2 / Math.sqrt(x.total * y.total))
      if (bound * CLAUSE_DISCOUNT <= Math.max(best, floor) - 1e-12) continue
      best = Math.max(best, CLAUSE_DISCOUNT * ctx.similarity(ca[i] as string[], cb[j] as string[]))
    }
  }
  return best
}

const extendedLists = new WeakMap<readonly string[], readonly string[]>()

/**
 * A sentence's terms with those only its clauses have (a number cut at its comma, a link's
 * words cut at its colon): every clause term is in it, so bounds read from it hold.
 */
function extended(s: SentenceRecord, clauses: readonly string[][]): readonly string[] {
  let list = extendedLists.get(s.terms)
  if (!list) {
    const own = new Set(s.terms)
    const more = clauses.flat().filter((t) => !own.has(t))
    list = more.length === 0 ? s.terms : [...s.terms, ...new Set(more)]
    extendedLists.set(s.terms, list)
  }
  return list
}

/** What a clause (its term ids) can share at most, given how well the other sentence holds each of its terms (`found`). */
function bound(ctx: CorpusContext, clause: Int32Array, found: (id: number) => number): ClauseBound {
  let shared = 0
  let specific = 0
  let total = 0
  for (let k = 0; k < clause.length; k++) {
    const id = clause[k] as number
    const w = ctx.weightOfId(id)
    const f = found(id)
    total += w
    shared += w * f
    if (f > 0 && w >= SPECIFIC_WEIGHT) specific += 1
  }
  return { total, shared: Math.min(shared, total), specific }
}
