import type { ClaimRecord } from '../types.js'

/** Where a sentence stands: its source, its place in the corpus's order, and whether its source's own words say it. */
export interface SentencePlace {
  sourceId: string
  /** Its place among all sentences, in file order. */
  order: number
  /** False for a reader's comment: what readers repeat is not what the source draws on. */
  own: boolean
}

/** One source repeating another, earlier one's claims. */
export interface Repeat {
  from: string
  to: string
  /** Claims of `from` that are claims of `to`. */
  shared: number
  /** Claims of `from` in all (its own words: article and updates). */
  of: number
  /** The most of the shared claims that come in the same order in both. */
  inOrder: number
  /** The first sentence of `from` that repeats a claim of `to`. */
  firstSentence: string
  /** The shared claims' ids. */
  claims: ReadonlySet<string>
}

/** What makes a repeat worth a look. */
export interface RepeatOptions {
  /** Fewest shared claims. Default 3. */
  minShared: number
  /** Least share of the shared claims in the same order. Default 0.6. */
  minInOrder: number
  /**
   * A claim that more sources than this state tells nothing of who copied whom (everyone says it). Default 50;
   * it also keeps the pairs of a large corpus few.
   */
  maxSourcesPerClaim: number
}

const DEFAULTS: RepeatOptions = { minShared: 3, minInOrder: 0.6, maxSourcesPerClaim: 50 }

/** The length of the longest increasing run (not necessarily contiguous) of a sequence. */
export function longestIncreasing(seq: readonly number[]): number {
  const tails: number[] = []
  for (const v of seq) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((tails[mid] ?? 0) < v) lo = mid + 1
      else hi = mid
    }
    tails[lo] = v
  }
  return tails.length
}

/**
 * Every pair of sources where the later one (by date; undated sources are never ordered) states at least
 * `minShared` claims of the earlier one, most of them in the same order.
 */
export function findRepeats(
  claims: readonly ClaimRecord[],
  places: ReadonlyMap<string, SentencePlace>,
  dates: ReadonlyMap<string, string | null>,
  options: Partial<RepeatOptions> = {},
): Repeat[] {
  const o = { ...DEFAULTS, ...options }
  // Source → claim → the first sentence of that source stating it.
  const bySource = new Map<string, Map<string, { order: number; sentence: string }>>()
  const sourcesOf = new Map<string, Set<string>>()
  for (const c of claims) {
    const sources = new Set<string>()
    for (const id of c.members) {
      const p = places.get(id)
      if (!p?.own) continue
      sources.add(p.sourceId)
      let mine = bySource.get(p.sourceId)
      if (!mine) bySource.set(p.sourceId, (mine = new Map()))
      const before = mine.get(c.id)
      if (!before || before.order > p.order) mine.set(c.id, { order: p.order, sentence: id })
    }
    sourcesOf.set(c.id, sources)
  }
  // Pairs counted through the claims they share, so that sources with nothing in common are never compared.
  const pairs = new Map<string, Set<string>>()
  for (const [claim, sources] of sourcesOf) {
    if (sources.size < 2 || sources.size > o.maxSourcesPerClaim) continue
    for (const from of sources) {
      const later = dates.get(from)
      if (!later) continue
      for (const to of sources) {
        const earlier = dates.get(to)
        if (to === from || !earlier || !(earlier < later)) continue
        const key = `${from}\u0000${to}`
        let set = pairs.get(key)
        if (!set) pairs.set(key, (set = new Set()))
        set.add(claim)
      }
    }
  }
  const out: Repeat[] = []
  for (const [key, shared] of pairs) {
    if (shared.size < o.minShared) continue
    const [from = '', to = ''] = key.split('\u0000')
    const mine = bySource.get(from) ?? new Map()
    const theirs = bySource.get(to) ?? new Map()
    const ordered = [...shared].sort((a, b) => (mine.get(a)?.order ?? 0) - (mine.get(b)?.order ?? 0))
    const inOrder = longestIncreasing(ordered.map((c) => theirs.get(c)?.order ?? 0))
    if (inOrder / shared.size < o.minInOrder) continue
    const first = ordered[0] ?? ''
    out.push({
      from,
      to,
      shared: shared.size,
      of: mine.size,
      inOrder,
      firstSentence: mine.get(first)?.sentence ?? '',
      claims: shared,
    })
  }
  return out.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
}
