import type { Knowledge } from '../answer/knowledge.js'
import type { ClaimRecord } from '../claims/types.js'

/** Which claim a channel sees next, and whether showing it starts a new rotation cycle. */
export interface ClaimPick {
  /** The claim's id, or null when the index has no claims. */
  claimId: string | null
  /** True when every claim was shown in the current cycle: the store's cycle is to be reset before recording. */
  newCycle: boolean
}

const orders = new WeakMap<Knowledge, string[]>()

/**
 * Every claim id in the order a channel sees them: contested claims (those with disputes) first, then the
 * others; within each, claims stated by more sources first, then those with more disputes, then more
 * sentences, then index order (so the order is stable for a given index).
 */
export function rotationOrder(kb: Knowledge): string[] {
  const cached = orders.get(kb)
  if (cached) return cached
  const index = new Map([...kb.claims.keys()].map((id, i) => [id, i]))
  const rank = (c: ClaimRecord) => [
    c.disputes.length > 0 ? 0 : 1,
    -c.sources,
    -c.disputes.length,
    -c.members.length,
  ]
  const order = [...kb.claims.values()]
    .sort((a, b) => {
      const ra = rank(a)
      const rb = rank(b)
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] ?? 0) - (rb[i] ?? 0)
      return (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0)
    })
    .map((c) => c.id)
  orders.set(kb, order)
  return order
}

/**
 * The next claim of the day for a channel that has seen `shown` in its current cycle: the first claim in
 * rotation order not shown yet. When all were shown (or the shown ones are no longer in the index and none
 * is left), a new cycle starts from the first claim. Ids in `shown` that the index no longer has are ignored.
 */
export function pickClaim(kb: Knowledge, shown: readonly string[]): ClaimPick {
  const order = rotationOrder(kb)
  const seen = new Set(shown)
  const next = order.find((id) => !seen.has(id))
  if (next !== undefined) return { claimId: next, newCycle: false }
  return { claimId: order[0] ?? null, newCycle: order.length > 0 }
}
