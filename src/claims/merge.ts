import { MAX_MEMBERS, SAME_CLAIM } from './cluster.js'
import type { CorpusContext } from './context.js'
import { MAX_DISPUTES } from './disputes.js'
import type { ClaimRecord } from './types.js'

/** Similarity of two statements at which they are the same statement in other words. */
export const SAME_STATEMENT = 0.6

/**
 * One statement, one claim: claims whose statements say the same (the same sentence copied by two
 * outlets, a claim whose statement another claim lists among its members as alike as a whole, or
 * two claims that each list the other's statement)
 * become one, with the members and disputes of both, so that no answer shows the same statement
 * twice and a dispute of one wording contests them all. The claim with more members absorbs the
 * other. Returns the claims that remain, in their order.
 */
export function mergeSameStatements(ctx: CorpusContext, claims: readonly ClaimRecord[]): ClaimRecord[] {
  const byLeaderText = new Map<string, ClaimRecord>()
  const memberOf = new Map<string, ClaimRecord[]>()
  for (const c of claims) {
    for (const m of c.members) {
      const list = memberOf.get(m)
      if (list) list.push(c)
      else memberOf.set(m, [c])
    }
  }
  const into = new Map<ClaimRecord, ClaimRecord>()
  const root = (c: ClaimRecord): ClaimRecord => {
    let r = c
    while (into.has(r)) r = into.get(r) as ClaimRecord
    return r
  }
  // Larger claims first: they absorb.
  const order = [...claims].sort((a, b) => b.members.length - a.members.length || b.sources - a.sources)
  for (const c of order) {
    const leader = ctx.sentences.get(c.leader)
    if (!leader) continue
    const key = ctx.textOf(leader).replace(/\s+/g, ' ').trim().toLowerCase()
    let target = byLeaderText.get(key)
    if (!target) {
      // A claim that holds this statement as a member alike as a whole.
      for (const other of memberOf.get(c.leader) ?? []) {
        if (root(other) === root(c)) continue
        const otherLeader = ctx.sentences.get(root(other).leader)
        // Alike as a whole, or each lists the other's statement among its members.
        const mutual = c.members.includes(root(other).leader)
        if (otherLeader && (mutual || ctx.similarity(otherLeader.terms, leader.terms) >= SAME_STATEMENT)) {
          target = root(other)
          break
        }
      }
    }
    if (target && root(target) !== root(c) && root(target).members.length >= c.members.length) {
      absorb(ctx, root(target), c)
      into.set(c, root(target))
    } else byLeaderText.set(key, c)
  }
  return claims.filter((c) => !into.has(c))
}

/** Adds `from`'s members and disputes to `to` (no sentence twice, at most `MAX_MEMBERS` and `MAX_DISPUTES`). */
function absorb(ctx: CorpusContext, to: ClaimRecord, from: ClaimRecord): void {
  const leader = ctx.sentences.get(to.leader)
  if (!leader) return
  for (const m of from.members) {
    if (to.members.includes(m) || to.members.length >= MAX_MEMBERS) continue
    const s = ctx.sentences.get(m)
    if (!s || to.disputes.some((d) => d.sentenceId === m)) continue
    const sim = ctx.sentenceSimilarity(leader, s)
    if (sim < SAME_CLAIM) continue
    to.members.push(m)
    to.similarity.push(Math.round(sim * 1000) / 1000)
  }
  for (const d of from.disputes) {
    if (to.disputes.length >= MAX_DISPUTES) break
    if (to.members.includes(d.sentenceId) || to.disputes.some((x) => x.sentenceId === d.sentenceId)) continue
    to.disputes.push(d)
  }
  to.sources = new Set(
    to.members.map((m) => ctx.passages.get(ctx.sentences.get(m)?.passageId ?? '')?.sourceId),
  ).size
}
