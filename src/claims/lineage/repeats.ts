import { indexBy } from '../index-by.js'
import type { ClaimRecord, SentenceRecord } from '../types.js'

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
  /** Claims (check-worthy sentences) of `from` that state a claim of `to`. */
  shared: number
  /** Claims of `from` in all (check-worthy sentences of its own words: article and updates). */
  of: number
  /** The most of the shared claims that come in the same order in both. */
  inOrder: number
  /** The first sentence of `from` that repeats a claim of `to`. */
  firstSentence: string
  /** The ids of the sentences of `from` that repeat claims of `to`. */
  sentences: ReadonlySet<string>
}

/** What makes a repeat worth a look. */
export interface RepeatOptions {
  /** Fewest shared claims. Default 3. */
  minShared: number
  /** Least share of the shared claims in the same order. Default 0.6. */
  minInOrder: number
  /**
   * A claim or a word that more sources than this state tells nothing of who copied whom (everyone says it).
   * Default 50; it also keeps the pairs of a large corpus few.
   */
  maxSources: number
  /** Share of the smaller sentence's terms two sentences must share to say the same, beside being one claim. Default 0.7. */
  minOverlap: number
  /** Fewest terms they must share for that. Default 4. */
  minTerms: number
}

const DEFAULTS: RepeatOptions = {
  minShared: 3,
  minInOrder: 0.6,
  maxSources: 50,
  minOverlap: 0.7,
  minTerms: 4,
}

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
 * Which own sentences of different sources say the same: members of one claim, or sentences that share most
 * of their terms (a retelling close enough in words, whatever the claim grouping made of it).
 */
export function sameStatements(
  claims: readonly ClaimRecord[],
  sentences: readonly SentenceRecord[],
  places: ReadonlyMap<string, SentencePlace>,
  options: Partial<RepeatOptions> = {},
): Map<string, Set<string>> {
  const o = { ...DEFAULTS, ...options }
  const same = new Map<string, Set<string>>()
  const link = (a: string, b: string) => {
    if (places.get(a)?.sourceId === places.get(b)?.sourceId) return
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const set = same.get(x) ?? new Set()
      set.add(y)
      same.set(x, set)
    }
  }
  const own = (id: string) => places.get(id)?.own === true
  for (const c of claims) {
    const members = c.members.filter(own)
    if (new Set(members.map((m) => places.get(m)?.sourceId)).size > o.maxSources) continue
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) link(members[i] as string, members[j] as string)
  }
  // Sentences that share most of their terms, found through the terms they hold (too common a term is no clue).
  const worthy = sentences.filter((s) => s.worthy && own(s.id))
  const byTerm = indexBy(worthy, (s) => s.terms)
  for (const s of worthy) {
    const counts = new Map<SentenceRecord, number>()
    for (const t of s.terms) {
      const holders = byTerm.get(t) ?? []
      if (holders.length > o.maxSources) continue
      for (const h of holders) if (h !== s) counts.set(h, (counts.get(h) ?? 0) + 1)
    }
    for (const [h, n] of counts) {
      if (n < o.minTerms || h.id < s.id) continue
      if (n / Math.min(s.terms.length, h.terms.length) >= o.minOverlap) link(s.id, h.id)
    }
  }
  return same
}

/**
 * Every pair of sources where the later one (by date; undated sources are never ordered) repeats at least
 * `minShared` claims of the earlier one, most of them in the same order. `same` says which sentences say the
 * same (see `sameStatements`).
 */
export function findRepeats(
  same: ReadonlyMap<string, ReadonlySet<string>>,
  sentences: readonly SentenceRecord[],
  places: ReadonlyMap<string, SentencePlace>,
  dates: ReadonlyMap<string, string | null>,
  options: Partial<RepeatOptions> = {},
): Repeat[] {
  const o = { ...DEFAULTS, ...options }
  const claimsOf = new Map<string, number>()
  for (const s of sentences) {
    const p = places.get(s.id)
    if (s.worthy && p?.own) claimsOf.set(p.sourceId, (claimsOf.get(p.sourceId) ?? 0) + 1)
  }
  // from → to → the sentences of `from` that say what a sentence of `to` says, with the first such of `to`.
  const pairs = new Map<string, Map<string, Map<string, number>>>()
  for (const s of sentences) {
    const p = places.get(s.id)
    const later = p ? dates.get(p.sourceId) : null
    if (!p?.own || !later) continue
    for (const other of same.get(s.id) ?? []) {
      const q = places.get(other)
      const earlier = q ? dates.get(q.sourceId) : null
      if (!q || !earlier || !(earlier < later)) continue
      const byTo = pairs.get(p.sourceId) ?? new Map<string, Map<string, number>>()
      pairs.set(p.sourceId, byTo)
      const mine = byTo.get(q.sourceId) ?? new Map<string, number>()
      byTo.set(q.sourceId, mine)
      const before = mine.get(s.id)
      if (before === undefined || q.order < before) mine.set(s.id, q.order)
    }
  }
  const out: Repeat[] = []
  for (const [from, byTo] of pairs) {
    for (const [to, mine] of byTo) {
      if (mine.size < o.minShared) continue
      const ordered = [...mine.keys()].sort(
        (a, b) => (places.get(a)?.order ?? 0) - (places.get(b)?.order ?? 0),
      )
      const inOrder = longestIncreasing(ordered.map((id) => mine.get(id) ?? 0))
      if (inOrder / mine.size < o.minInOrder) continue
      out.push({
        from,
        to,
        shared: mine.size,
        of: Math.max(mine.size, claimsOf.get(from) ?? 0),
        inOrder,
        firstSentence: ordered[0] ?? '',
        sentences: new Set(mine.keys()),
      })
    }
  }
  return out.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
}
