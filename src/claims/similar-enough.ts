import { type CorpusContext, SPECIFIC_WEIGHT } from './context.js'
import type { SentenceRecord } from './types.js'

/** A clause-to-clause match counts this much of a whole match at most (as in `sentenceSimilarity`). */
const CLAUSE_DISCOUNT = 0.95

/** A sentence's clauses as places in its extended term list (see `extended`), and that list's ids. */
interface Clauses {
  /** The sentence's terms and those only its clauses have. */
  list: readonly string[]
  ids: Int32Array
  /** For each clause, the place in `list` of each of its terms, in order. */
  places: Int32Array[]
  /** True when every term of its clauses is a term of the sentence and no clause holds a term twice. */
  within: boolean
}

/** Per corpus, each distinct sentence text's clauses (see `CorpusContext.textIdOf`), until `forgetClauses`. */
const caches = new WeakMap<CorpusContext, Map<number, Clauses>>()

/** Lets go of the clauses read for comparisons, once grouping is done with them (a large corpus holds many). */
export function forgetClauses(ctx: CorpusContext): void {
  caches.delete(ctx)
}
/** How well the other sentence holds each term of `list`, by place (reused between calls). */
let scratch = new Float64Array(256)

/**
 * `ctx.sentenceSimilarity(a, b)` where it is at least `floor` (with `floor` 0: always); some
 * smaller number where it is not. Claim building keeps only pairs alike enough to state one
 * claim (0.3), so a clause pair that cannot reach that, or cannot beat the best match found so
 * far, is not compared: what each clause can share with the other sentence at most is known from
 * one comparison of the whole sentences (every term of a clause is a term of its extended list,
 * and is found in a clause of the other sentence at most as well as in the whole of it).
 * Comparing every clause of a long sentence with every clause of each of its 64 candidates was
 * most of the build of a manual.
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
  if (Math.max(whole, floor) / CLAUSE_DISCOUNT > 1) return whole
  const ca = clausesOf(ctx, a)
  const cb = clausesOf(ctx, b)
  // Clauses whose words are all the sentences' own, each once, share no more than the whole
  // sentences do: when those are not alike at all (fewer than two specific words in common), no
  // clause pair is.
  if (whole === 0 && ca.within && cb.within) return whole
  const xa = ctx.clausesOf(a)
  const xb = ctx.clausesOf(b)
  // One clause each: one comparison (the whole sentences' is made already), none when each clause
  // is its whole sentence.
  if (ca.places.length * cb.places.length <= 1) {
    const [x, y] = [xa[0], xb[0]]
    if (!x || !y || (sameList(x, a.terms) && sameList(y, b.terms))) return whole
    return Math.max(whole, CLAUSE_DISCOUNT * ctx.similarity(x, y))
  }
  // One probe of a's terms tells how well b holds each of them, and how well a holds each of b's.
  const probe = ctx.probe(ca.list)
  probe.measure(cb.ids)
  if (scratch.length < ca.list.length + cb.list.length)
    scratch = new Float64Array(2 * (ca.list.length + cb.list.length))
  const fa = scratch
  for (let k = 0; k < ca.list.length; k++) fa[k] = probe.foundAt(k)
  const offset = ca.list.length
  for (let j = 0; j < cb.list.length; j++) fa[offset + j] = probe.reachOf(cb.ids[j] as number)
  const ba = ca.places.map((p) => bound(ctx, ca.ids, p, fa, 0))
  const bb = cb.places.map((p) => bound(ctx, cb.ids, p, fa, offset))
  let best = whole
  for (let i = 0; i < ba.length; i++) {
    const x = ba[i] as Bound
    for (let j = 0; j < bb.length; j++) {
      const y = bb[j] as Bound
      if (Math.max(x.specific, y.specific) < 2 || x.total === 0 || y.total === 0) continue
      const most = Math.min(1, (x.shared + y.shared) / 2 / Math.sqrt(x.total * y.total))
      if (most * CLAUSE_DISCOUNT <= Math.max(best, floor) - 1e-12) continue
      best = Math.max(best, CLAUSE_DISCOUNT * ctx.similarity(xa[i] as string[], xb[j] as string[]))
    }
  }
  return best
}

/** True when two term lists hold the same terms in the same order. */
function sameList(x: readonly string[], y: readonly string[]): boolean {
  if (x === y) return true
  if (x.length !== y.length) return false
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false
  return true
}

/** What a clause can share with the other sentence's clauses at most. */
interface Bound {
  /** Its terms' total weight. */
  total: number
  /** The most weight of it a clause of the other sentence can hold. */
  shared: number
  /** The most of its specific terms one can hold. */
  specific: number
}

function bound(
  ctx: CorpusContext,
  ids: Int32Array,
  places: Int32Array,
  found: Float64Array,
  offset: number,
): Bound {
  let shared = 0
  let specific = 0
  let total = 0
  for (let k = 0; k < places.length; k++) {
    const place = places[k] as number
    const w = ctx.weightOfId(ids[place] as number)
    const f = found[offset + place] as number
    total += w
    shared += w * f
    if (f > 0 && w >= SPECIFIC_WEIGHT) specific += 1
  }
  return { total, shared: Math.min(shared, total), specific }
}

/**
 * A sentence's clauses by place in its extended list: its terms and those only its clauses have
 * (a number cut at its comma, a link's words cut at its colon), so that bounds read from the
 * whole list hold for every clause.
 */
function clausesOf(ctx: CorpusContext, s: SentenceRecord): Clauses {
  let cache = caches.get(ctx)
  if (!cache) {
    cache = new Map()
    caches.set(ctx, cache)
  }
  const key = ctx.textIdOf(s)
  let found = cache.get(key)
  if (!found) {
    const clauses = ctx.clausesOf(s)
    const place = new Map<string, number>()
    s.terms.forEach((t, i) => {
      if (!place.has(t)) place.set(t, i)
    })
    const list = [...s.terms]
    for (const c of clauses)
      for (const t of c)
        if (!place.has(t)) {
          place.set(t, list.length)
          list.push(t)
        }
    const own = list.length === s.terms.length ? s.terms : list
    found = {
      list: own,
      ids: ctx.encode(own),
      places: clauses.map((c) => Int32Array.from(c, (t) => place.get(t) ?? 0)),
      within: own === s.terms && clauses.every((c) => new Set(c).size === c.length),
    }
    cache.set(key, found)
  }
  return found
}
