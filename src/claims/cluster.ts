import type { CorpusContext } from './context.js'
import { negates } from './cues.js'
import { candidates, termIndex } from './quotations.js'
import type { ClaimRecord, SentenceRecord } from './types.js'

/** Similarity at which two sentences state the same claim. */
export const SAME_CLAIM = 0.3
/** Most sentences one claim lists as support. */
export const MAX_MEMBERS = 12

const VOICE_RANK = { article: 0, update: 1, comment: 2 } as const

/**
 * Groups check-worthy sentences into claims. A sentence that others (in other passages) say too
 * leads a claim with them; every sentence not yet in a claim leads its own. A sentence may
 * support more than one claim ("by 2020 it will be mandated that every citizen be scored between
 * 350 and 950" supports both). `eligible` says which sentences may state claims at all; `solo`
 * which of them stand alone.
 */
export function clusterClaims(
  ctx: CorpusContext,
  eligible: (s: SentenceRecord) => boolean,
  solo: (s: SentenceRecord) => boolean = () => false,
): ClaimRecord[] {
  const all = ctx.sentenceList.filter((s) => s.worthy && eligible(s))
  // A solo sentence states a claim of its own and never joins another's (a reader disputing the article).
  const pool = all.filter((s) => !solo(s))
  const index = termIndex(ctx, pool)
  const neighbours = new Map<string, { s: SentenceRecord; sim: number }[]>()
  // Sentences that say the same as a whole (not just one clause of a long sentence): these decide
  // which sentence leads, so that a compound sentence does not gather two claims into one.
  const whole = new Map<string, SentenceRecord[]>()
  for (const s of pool) {
    const near: { s: SentenceRecord; sim: number }[] = []
    const own = ctx.passageOf(s)
    for (const c of candidates(ctx, index, s.terms, s.passageId)) {
      // Articles state claims with articles; a reader's comment is a claim among that page's comments.
      const other = ctx.passageOf(c)
      if ((own.voice === 'comment') !== (other.voice === 'comment')) continue
      if (own.voice === 'comment' && own.sourceId !== other.sourceId) continue
      const sim = ctx.sentenceSimilarity(s, c)
      if (sim >= SAME_CLAIM && samePolarity(ctx, s, c)) near.push({ s: c, sim })
    }
    near.sort((a, b) => b.sim - a.sim)
    neighbours.set(s.id, near.slice(0, MAX_MEMBERS - 1))
    whole.set(
      s.id,
      near.filter((x) => ctx.similarity(s.terms, x.s.terms) >= SAME_CLAIM).map((x) => x.s),
    )
  }
  const sourcesOf = (list: SentenceRecord[]) => new Set(list.map((x) => ctx.passageOf(x).sourceId)).size
  const order = [...pool].sort((a, b) => {
    const na = neighbours.get(a.id) ?? []
    const nb = neighbours.get(b.id) ?? []
    const sa = sourcesOf([a, ...(whole.get(a.id) ?? [])])
    const sb = sourcesOf([b, ...(whole.get(b.id) ?? [])])
    if (sa !== sb) return sb - sa
    const va = VOICE_RANK[ctx.passageOf(a).voice]
    const vb = VOICE_RANK[ctx.passageOf(b).voice]
    if (va !== vb) return va - vb
    const ma = na.reduce((acc, x) => acc + x.sim, 0)
    const mb = nb.reduce((acc, x) => acc + x.sim, 0)
    return mb - ma
  })
  for (const s of all) if (solo(s)) neighbours.set(s.id, [])
  order.push(...all.filter(solo))
  const covered = new Set<string>()
  const claims: ClaimRecord[] = []
  for (const s of order) {
    if (covered.has(s.id)) continue
    const near = neighbours.get(s.id) ?? []
    const group = [s, ...near.map((x) => x.s)]
    for (const m of group) covered.add(m.id)
    // The statement is the member most like all the others (the claim's medoid), among the
    // article voice if there is one: "Everybody is measured by a score between 350 and 950"
    // rather than a screenshot's caption that happens to match as many.
    const leader = medoid(ctx, group)
    const members = [leader, ...group.filter((m) => m !== leader)]
    claims.push({
      id: '',
      leader: leader.id,
      members: members.map((m) => m.id),
      similarity: members.map((m) => (m === leader ? 1 : round(ctx.sentenceSimilarity(leader, m)))),
      sources: sourcesOf(members),
      disputes: [],
    })
  }
  // Ids in file order of the leading sentence, so they are stable for a given corpus.
  const position = new Map(ctx.sentenceList.map((s, i) => [s.id, i]))
  claims.sort((a, b) => (position.get(a.leader) ?? 0) - (position.get(b.leader) ?? 0))
  claims.forEach((c, i) => {
    c.id = `c${i + 1}`
  })
  return claims
}

const round = (x: number) => Math.round(x * 1000) / 1000

/** False when one sentence negates what both talk about and the other does not ("was not unanimous"). */
function samePolarity(ctx: CorpusContext, a: SentenceRecord, b: SentenceRecord): boolean {
  const shared = a.terms.filter((t) => b.terms.includes(t))
  return negates(ctx.textOf(a), shared) === negates(ctx.textOf(b), shared)
}

function medoid(ctx: CorpusContext, group: SentenceRecord[]): SentenceRecord {
  const best = Math.min(...group.map((m) => VOICE_RANK[ctx.passageOf(m).voice]))
  let pick = group[0] as SentenceRecord
  let top = -1
  for (const m of group) {
    if (VOICE_RANK[ctx.passageOf(m).voice] !== best) continue
    const total = group.reduce((acc, o) => acc + (o === m ? 0 : ctx.sentenceSimilarity(m, o)), 0)
    if (total > top + 1e-9) {
      top = total
      pick = m
    }
  }
  return pick
}
