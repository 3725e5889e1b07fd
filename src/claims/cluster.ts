import type { CorpusContext } from './context.js'
import { candidates, termIndex } from './quotations.js'
import { SAME_CLAIM } from './same-claim.js'
import { similarEnough } from './similar-enough.js'
import type { ClaimRecord, SentenceRecord } from './types.js'

export { SAME_CLAIM } from './same-claim.js'
/** Most sentences one claim lists as support. */
export const MAX_MEMBERS = 12
/** Most sentences a sentence is compared with when grouping (see `candidates`). */
export const MAX_CLUSTER_CANDIDATES = 64

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
  // Articles state claims with articles; a reader's comment is a claim among that page's
  // comments: each sentence is compared only with the sentences it may group with.
  const isComment = (s: SentenceRecord) => ctx.passageOf(s).voice === 'comment'
  const articles = termIndex(pool.filter((s) => !isComment(s)))
  const pages = new Map<string, SentenceRecord[]>()
  for (const s of pool) {
    if (!isComment(s)) continue
    const source = ctx.passageOf(s).sourceId
    const list = pages.get(source)
    if (list) list.push(s)
    else pages.set(source, [s])
  }
  const comments = new Map([...pages].map(([source, list]) => [source, termIndex(list)]))
  const neighbours = new Map<string, { s: SentenceRecord; sim: number }[]>()
  // Sentences that say the same as a whole (not just one clause of a long sentence): these decide
  // which sentence leads, so that a compound sentence does not gather two claims into one.
  const whole = new Map<string, SentenceRecord[]>()
  // Sentences written the same are compared one after another, and what a comparison found is
  // kept for the next copy (it depends on the two texts alone): a story printed by many outlets
  // is compared once with each text it meets.
  const byText = pool.map((s) => ({ s, text: ctx.textIdOf(s) })).sort((a, b) => a.text - b.text)
  let memoOf = -1
  const memo = new Map<number, number>()
  for (const { s, text } of byText) {
    if (text !== memoOf) {
      memo.clear()
      memoOf = text
    }
    const near: { s: SentenceRecord; sim: number }[] = []
    const own = ctx.passageOf(s)
    let full = 0
    const index = own.voice === 'comment' ? comments.get(own.sourceId) : articles
    for (const c of index ? candidates(ctx, index, s.terms, s.passageId, MAX_CLUSTER_CANDIDATES) : []) {
      // A claim has room for MAX_MEMBERS − 1 others: once that many say it word for word (no
      // sentence can be more alike), the rest cannot be better members (a large corpus repeats itself).
      if (full >= MAX_MEMBERS - 1) break
      // Articles state claims with articles; a reader's comment is a claim among that page's comments.
      const other = ctx.passageOf(c)
      if ((own.voice === 'comment') !== (other.voice === 'comment')) continue
      if (own.voice === 'comment' && own.sourceId !== other.sourceId) continue
      // Exact where it counts (at least SAME_CLAIM); clause pairs that cannot get there are
      // skipped. A pair of another polarity counts as not alike (-1).
      const their = ctx.textIdOf(c)
      let sim = memo.get(their)
      if (sim === undefined) {
        sim = similarEnough(ctx, s, c, SAME_CLAIM)
        if (sim >= SAME_CLAIM && !samePolarity(ctx, s, c)) sim = -1
        memo.set(their, sim)
      }
      if (sim >= SAME_CLAIM) {
        near.push({ s: c, sim })
        if (sim >= 1) full += 1
      }
    }
    near.sort((a, b) => b.sim - a.sim)
    neighbours.set(s.id, near.slice(0, MAX_MEMBERS - 1))
    whole.set(
      s.id,
      near.filter((x) => ctx.similarity(s.terms, x.s.terms) >= SAME_CLAIM).map((x) => x.s),
    )
  }
  const sourcesOf = (list: SentenceRecord[]) => new Set(list.map((x) => ctx.passageOf(x).sourceId)).size
  // What orders the leaders, worked out once per sentence rather than in every comparison.
  const rank = new Map(
    pool.map((a) => [
      a,
      {
        sources: sourcesOf([a, ...(whole.get(a.id) ?? [])]),
        voice: VOICE_RANK[ctx.passageOf(a).voice],
        mass: (neighbours.get(a.id) ?? []).reduce((acc, x) => acc + x.sim, 0),
      },
    ]),
  )
  const order = [...pool].sort((a, b) => {
    const ra = rank.get(a)
    const rb = rank.get(b)
    if (!ra || !rb) return 0
    if (ra.sources !== rb.sources) return rb.sources - ra.sources
    if (ra.voice !== rb.voice) return ra.voice - rb.voice
    return rb.mass - ra.mass
  })
  for (const s of all) if (solo(s)) neighbours.set(s.id, [])
  order.push(...all.filter(solo))
  const covered = new Set<string>()
  const claims: ClaimRecord[] = []
  for (const s of order) {
    if (covered.has(s.id)) continue
    const near = neighbours.get(s.id) ?? []
    const group = [s, ...near.map((x) => x.s)]
    // The statement is the member most like all the others (the claim's medoid), among the
    // article voice if there is one: "Everybody is measured by a score between 350 and 950"
    // rather than a screenshot's caption that happens to match as many.
    // Similarity is the same both ways: each pair of the group is compared once.
    const pairs = new Map<string, number>()
    const sim = (a: SentenceRecord, b: SentenceRecord) => {
      const key = a.id < b.id ? `${a.id} ${b.id}` : `${b.id} ${a.id}`
      let v = pairs.get(key)
      if (v === undefined) {
        // Known from the neighbours found above (exact there), or worked out: with a floor of 0
        // the similarity is exact (clause pairs that cannot beat the best are skipped).
        const known = (x: SentenceRecord, y: SentenceRecord) =>
          neighbours.get(x.id)?.find((n) => n.s === y)?.sim
        v = known(a, b) ?? known(b, a) ?? similarEnough(ctx, a, b, 0)
        pairs.set(key, v)
      }
      return v
    }
    const leader = medoid(ctx, group, sim)
    const members = [leader, ...group.filter((m) => m !== leader && statesLeader(ctx, leader, m, sim))]
    // A sentence left out is free to state a claim of its own (it comes later in the order).
    for (const m of members) covered.add(m.id)
    covered.add(s.id)
    claims.push({
      id: '',
      leader: leader.id,
      members: members.map((m) => m.id),
      similarity: members.map((m) => (m === leader ? 1 : round(sim(leader, m)))),
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

/**
 * Least share of the statement's weight a sentence must hold when only a clause of it matches
 * the statement. A long sentence whose clauses each match a different short one ("The United
 * States is a much different place than China, and …") does not make those short sentences say
 * the same thing; a long sentence that holds the statement in one of its clauses does ("… wrote
 * by 2020 it will be mandated that every citizen be scored between 350 and 950").
 */
export const MIN_STATEMENT_COVERAGE = 0.15

/** True when `m` states what the claim's statement `leader` says: alike as a whole, or holding enough of it. */
function statesLeader(
  ctx: CorpusContext,
  leader: SentenceRecord,
  m: SentenceRecord,
  sim: (a: SentenceRecord, b: SentenceRecord) => number,
): boolean {
  if (sim(leader, m) < SAME_CLAIM) return false
  if (ctx.similarity(leader.terms, m.terms) >= SAME_CLAIM) return true
  return ctx.coverage(leader.terms, new Set(m.terms)) >= MIN_STATEMENT_COVERAGE
}

/** False when one sentence negates what both talk about and the other does not ("was not unanimous"). */
function samePolarity(ctx: CorpusContext, a: SentenceRecord, b: SentenceRecord): boolean {
  const shared = a.terms.filter((t) => b.terms.includes(t))
  const negatedA = ctx.cuesOf(a).negated
  const negatedB = ctx.cuesOf(b).negated
  return shared.some((t) => negatedA.has(t)) === shared.some((t) => negatedB.has(t))
}

function medoid(
  ctx: CorpusContext,
  group: SentenceRecord[],
  sim: (a: SentenceRecord, b: SentenceRecord) => number,
): SentenceRecord {
  const best = Math.min(...group.map((m) => VOICE_RANK[ctx.passageOf(m).voice]))
  let pick = group[0] as SentenceRecord
  let top = -1
  for (const m of group) {
    if (VOICE_RANK[ctx.passageOf(m).voice] !== best) continue
    const total = group.reduce((acc, o) => acc + (o === m ? 0 : sim(m, o)), 0)
    if (total > top + 1e-9) {
      top = total
      pick = m
    }
  }
  return pick
}
