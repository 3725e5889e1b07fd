import { disputePhrase } from '../claims/cues.js'
import { indexBy } from '../claims/index-by.js'
import { SAME_CLAIM } from '../claims/same-claim.js'
import type { ClaimRecord, SentenceRecord } from '../claims/types.js'
import type { Passage } from '../corpus/types.js'
import type { QueryPlan } from '../search/query.js'
import { allowedEdits } from '../search/spelling.js'
import type { Candidate } from './features.js'
import type { Knowledge } from './knowledge.js'
import type { RankingModel } from './model.js'

/** Passages taken from the search index for a question. */
export const PASSAGES_SEARCHED = 40

/**
 * Share of the sentences a term may be in and still be looked up in the search index, and the
 * least number of sentences that share stands for (so that a corpus under 400,000 sentences
 * looks every term of fewer than 2,000 sentences up). In a large corpus a word this common
 * ("credit", "China", "people") is in thousands of passages: looking it up costs the search a
 * pass over all of them, a result object for each and a sort, and finds nothing in particular
 * among the 40 passages kept. It still counts when the sentences of the passages found are
 * scored. (At 1000× the seeds, 0.02 kept p99 near 50 ms and the process near 1.8 GB, most of it
 * the garbage of those passes.)
 */
export const MAX_SEARCHED_SHARE = 0.005
export const MAX_SEARCHED_SENTENCES = 2000

/** The plan's terms to look up in the index: all but the very common ones in a large corpus (the rarest, if only those). */
export function searchTerms(kb: Knowledge, plan: QueryPlan): string[] {
  const all = [...plan.terms.keys()]
  // How many postings looking a term up walks: the sentences holding it, or the passages whose
  // writer or source it names ("Falkvinge" is in few sentences but in the `who` of every comment on his post).
  const df = (t: string) => Math.max(kb.vocabulary.get(t) ?? 0, kb.metaPassages.get(t) ?? 0)
  const limit = Math.max(MAX_SEARCHED_SENTENCES, MAX_SEARCHED_SHARE * kb.sentenceCount)
  const kept = all.filter((t) => df(t) <= limit)
  if (kept.length > 0 || all.length === 0) return kept
  // Every word is that common: look up the rarest of the question's own telling words ("Tencent"
  // rather than a rare synonym of a common one), else the rarest term.
  const own = plan.concepts.flatMap((c) => {
    const a = c.alternatives[0]
    const asked = a?.known && (a.relation === 'word' || a.relation === 'typo')
    return a && asked && c.weight >= TELLING_WEIGHT ? [a.term] : []
  })
  const pool = own.length > 0 ? own : all
  return [pool.reduce((a, b) => (df(b) < df(a) ? b : a))]
}

/** Weight (see `termWeight`) from which a word tells what a question is about. */
export const TELLING_WEIGHT = 1

/** The passages the search index finds for a query plan, best first (at most `PASSAGES_SEARCHED`). */
export function searchPassages(kb: Knowledge, plan: QueryPlan) {
  if (plan.terms.size === 0) return []
  return kb.search
    .search(searchTerms(kb, plan).join(' '), {
      boostTerm: (term) => plan.terms.get(term) ?? 1,
      prefix: (term) => plan.loose.has(term) && term.length >= 4,
      fuzzy: (term) => (plan.typos.has(term) && allowedEdits(term.length) > 0 ? 0.2 : false),
      maxFuzzy: 2,
    })
    .slice(0, PASSAGES_SEARCHED)
}

/** A claim found for a question, with the sentence that found it. */
export interface RankedClaim {
  claim: ClaimRecord
  score: number
  /** The best-scoring sentence that states or disputes the claim. */
  evidence: Candidate
  /** True when that sentence disputes the claim rather than states it. */
  disputed: boolean
}

/** A claim of one sentence, for a sentence that states none of the index's claims; its id is `s:<sentence id>`. */
export function sentenceClaim(sentenceId: string): ClaimRecord {
  return {
    id: `s:${sentenceId}`,
    leader: sentenceId,
    members: [sentenceId],
    similarity: [1],
    sources: 1,
    disputes: [],
  }
}

/** Most claims one sentence that states or disputes them brings into the ranking (a large corpus repeats itself). */
export const MAX_OFFERS = 32

/**
 * Ranks the claims that the scored sentences state or dispute: a claim counts as its best
 * sentence does, less the model's margin when that sentence disputes it rather than states it.
 */
export function rankClaims(
  kb: Knowledge,
  candidates: readonly Candidate[],
  scores: readonly number[],
  model: RankingModel,
  plan?: QueryPlan,
): RankedClaim[] {
  const best = new Map<string, RankedClaim>()
  // How like its statement the sentence that found each claim is (1 for the statement itself).
  const likeness = new Map<string, number>()
  const offer = (claim: ClaimRecord, score: number, evidence: Candidate, disputed: boolean, like = 1) => {
    const old = best.get(claim.id)
    if (!old || score > old.score) {
      best.set(claim.id, { claim, score, evidence, disputed })
      likeness.set(claim.id, like)
    }
  }
  candidates.forEach((c, i) => {
    const score = scores[i] ?? 0
    const disputed = kb.disputesBy.get(c.sentence.id) ?? []
    // A sentence that calls a claim untrue in its own words is that claim's dispute, and supports
    // nothing it might state itself ("This rumour is ridiculous, but it's fun to read"); one that
    // disputes by what it says instead ("Sesame Credit is totally optional", after a reader's
    // "This is nonsense.") states its own claim too.
    const calls =
      disputed.some((d) =>
        d.disputes.some((x) => x.sentenceId === c.sentence.id && x.cue === 'dispute-language'),
      ) && disputePhrase(kb.slice(c.passage.sourceId, c.sentence.start, c.sentence.end)) !== null
    const stated = calls ? [] : (kb.memberships.get(c.sentence.id) ?? [])
    for (let k = 0; k < Math.min(stated.length, MAX_OFFERS); k++) {
      const m = stated[k]
      // Found through a supporting sentence, a claim counts as far as that sentence says what
      // its statement says: "While this Credit China rating is purely fiscal…" supports the claim
      // that friends' behaviour affects your score, but answers what Credit China is itself.
      if (!m) continue
      const like = m.claim.similarity[m.index] ?? 0
      offer(m.claim, score - model.claims.memberMargin * (1 - like), c, false, like)
    }
    // A sentence that states no claim of the index (too short, a question, a fragment of a
    // reply: "I am not on LinkedIn. Why?") still answers as itself, unless it disputes claims: a
    // denial that restates a claim ("Reports that … are false") answers as that claim's dispute.
    if (disputed.length === 0) {
      // A source that disputes a claim may restate it first ("Priest who died … says he met God",
      // then "Status: False"): that restatement is part of its dispute, not a statement of its own.
      // A sentence that states claims restates a disputed one only when it is nearer that one.
      const nearest = Math.max(0, ...stated.map((m) => m.claim.similarity[m.index] ?? 0))
      const restated = restatedDispute(kb, c.sentence, nearest)
      if (restated) offer(restated, score - model.claims.disputeMargin, c, true, 0)
      else if (stated.length === 0) offer(sentenceClaim(c.sentence.id), score, c, false)
    }
    for (let k = 0; k < Math.min(disputed.length, MAX_OFFERS); k++) {
      const claim = disputed[k]
      if (claim) offer(claim, score - model.claims.disputeMargin, c, true, 0)
    }
  })
  // Among equal scores (one sentence found them all), the claim whose own statement answers the
  // question best, then the claims that the sentence states most nearly.
  const like = (r: RankedClaim) => likeness.get(r.claim.id) ?? 0
  const covers = new Map<string, number>()
  const lead = (r: RankedClaim) => {
    let c = covers.get(r.claim.id)
    if (c === undefined) {
      c = plan ? statementCover(kb, plan, r.claim) : 0
      covers.set(r.claim.id, c)
    }
    return c
  }
  return [...best.values()].sort(
    (a, b) =>
      b.score - a.score || lead(b) - lead(a) || like(b) - like(a) || a.claim.id.localeCompare(b.claim.id),
  )
}

/**
 * How much of the question a claim's statement holds: each concept's weight times the closeness
 * of the nearest of its terms the statement has, over the concepts' whole weight.
 */
export function statementCover(kb: Knowledge, plan: QueryPlan, claim: ClaimRecord): number {
  const leader = kb.sentences.get(claim.leader)
  if (!leader) return 0
  const terms = new Set(leader.terms)
  let held = 0
  let whole = 0
  for (const c of plan.concepts) {
    whole += c.weight
    held += c.weight * Math.max(0, ...c.alternatives.filter((a) => terms.has(a.term)).map((a) => a.closeness))
  }
  return whole > 0 ? held / whole : 0
}

/** Per knowledge: source id → its passages (looked up once a source, not by walking every passage). */
const passagesBySource = new WeakMap<Knowledge, Map<string, Passage[]>>()

function passagesOf(kb: Knowledge, sourceId: string): readonly Passage[] {
  let bySource = passagesBySource.get(kb)
  if (!bySource) {
    bySource = indexBy(kb.passages.values(), (p) => [p.sourceId])
    passagesBySource.set(kb, bySource)
  }
  return bySource.get(sourceId) ?? []
}

/** Per knowledge: source id → the claims its sentences dispute. */
const disputedBySource = new WeakMap<Knowledge, Map<string, ClaimRecord[]>>()

function claimsDisputedBy(kb: Knowledge, sourceId: string): ClaimRecord[] {
  let bySource = disputedBySource.get(kb)
  if (!bySource) {
    bySource = new Map()
    disputedBySource.set(kb, bySource)
  }
  let claims = bySource.get(sourceId)
  if (!claims) {
    const found = new Map<string, ClaimRecord>()
    for (const p of passagesOf(kb, sourceId)) {
      for (const s of kb.sentencesByPassage.get(p.id) ?? [])
        for (const claim of kb.disputesBy.get(s.id) ?? []) found.set(claim.id, claim)
    }
    claims = [...found.values()]
    bySource.set(sourceId, claims)
  }
  return claims
}

/**
 * The claim a sentence restates when its own source disputes that claim: of the claims the
 * source's sentences dispute, the one whose statement shares the most of the sentence's weight
 * (each shared term by its idf), if it shares `RESTATED_SHARE` of it and more than `above` (how
 * like the sentence is to the nearest claim it states). Null when the source disputes nothing or
 * the sentence restates none of what it disputes.
 */
export function restatedDispute(kb: Knowledge, sentence: SentenceRecord, above = 0): ClaimRecord | null {
  // The same for every question: worked out once a sentence.
  let cache = restatedCache.get(kb)
  if (!cache) {
    cache = new Map()
    restatedCache.set(kb, cache)
  }
  let best = cache.get(sentence.id)
  if (best === undefined) {
    best = nearestDisputed(kb, sentence)
    cache.set(sentence.id, best)
  }
  return best && best.share >= RESTATED_SHARE && best.share > above ? best.claim : null
}

const restatedCache = new WeakMap<Knowledge, Map<string, { claim: ClaimRecord; share: number } | null>>()

/** Of the claims a sentence's source disputes, the one whose statement shares the most of its weight, with that share. */
function nearestDisputed(
  kb: Knowledge,
  sentence: SentenceRecord,
): { claim: ClaimRecord; share: number } | null {
  const passage = kb.passages.get(sentence.passageId)
  if (!passage) return null
  const disputed = claimsDisputedBy(kb, passage.sourceId)
  if (disputed.length === 0) return null
  const weight = (t: string) => Math.log(1 + kb.sentenceCount / Math.max(1, kb.vocabulary.get(t) ?? 1))
  const own = new Set(sentence.terms)
  const whole = [...own].reduce((acc, t) => acc + weight(t), 0)
  let best: { claim: ClaimRecord; share: number } | null = null
  for (const claim of disputed) {
    const leader = kb.sentences.get(claim.leader)
    if (!leader) continue
    const shared = new Set(leader.terms.filter((t) => own.has(t)))
    const share = whole > 0 ? [...shared].reduce((acc, t) => acc + weight(t), 0) / whole : 0
    if (!best || share > best.share) best = { claim, share }
  }
  return best
}

/** Share of a sentence's weight a disputed claim's statement must share for the sentence to restate it: as alike as two sentences of one claim. */
export const RESTATED_SHARE = SAME_CLAIM
