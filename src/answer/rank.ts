import type { ClaimRecord } from '../claims/types.js'
import type { QueryPlan } from '../search/query.js'
import { allowedEdits, editDistance } from '../search/spelling.js'
import type { Knowledge } from './knowledge.js'

/** How well one sentence answers the question. */
export interface SentenceScore {
  /** Blended score (0–1). */
  score: number
  /** Weighted share of the question's concepts the sentence holds (0–1). */
  coverage: number
  /** The same share for its whole passage, section heading included (0–1). */
  passageCoverage: number
  /** True when what is known about its passage (who wrote it, where) answers part of the question ("What did Edward Lin say?"). */
  named: boolean
}

/** How the parts of a sentence's score are blended. */
export const SCORE_WEIGHTS = { sentence: 0.6, passage: 0.25, search: 0.15 } as const
/** Passages taken from the search index for a question. */
export const PASSAGES_SEARCHED = 40
/** Credit of a concept found only in what is known about a passage (its writer, source, section). */
export const META_CREDIT = 0.6
/** Credit of a prefix or typo match found by the search index, relative to its term. */
const LOOSE_CREDIT = 0.8
/** How much a claim counts when the sentence found disputes it rather than states it. */
export const DISPUTE_FACTOR = 0.8
/** Most claims one disputing sentence brings into the ranking (a sentence of the seeds disputes 2 at most). */
export const MAX_DISPUTED_OFFERS = 32
/** Most claims one sentence that states them brings into the ranking (a sentence of the seeds states 5 at most). */
export const MAX_STATED_OFFERS = 32
/** Prior by who states a claim: an article's statement over a reader's. */
export const VOICE_PRIOR = { article: 1, update: 0.95, comment: 0.8 } as const

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

/** Searches the passages and scores each sentence of the passages found. */
export function scoreSentences(kb: Knowledge, plan: QueryPlan): Map<string, SentenceScore> {
  const out = new Map<string, SentenceScore>()
  if (plan.terms.size === 0) return out
  const results = searchPassages(kb, plan)
  const top = results[0]?.score ?? 1
  const total = plan.concepts.reduce((acc, c) => acc + c.weight, 0) || 1
  for (const r of results) {
    const passage = kb.passages.get(r.id as string)
    if (!passage) continue
    const credit = creditsOf(plan, r.terms)
    const sentences = kb.sentencesByPassage.get(passage.id) ?? []
    const meta = kb.meta.get(passage.id) ?? new Set<string>()
    const passageTerms = new Set(sentences.flatMap((s) => s.terms))
    const pcov = coverage(plan, credit, passageTerms, meta) / total
    for (const s of sentences) {
      const terms = new Set(s.terms)
      const cov = coverage(plan, credit, terms, meta) / total
      const score =
        SCORE_WEIGHTS.sentence * cov + SCORE_WEIGHTS.passage * pcov + SCORE_WEIGHTS.search * (r.score / top)
      const named = meta.size > 0 && cov > coverage(plan, credit, terms, NOTHING) / total + 1e-9
      out.set(s.id, { score, coverage: cov, passageCoverage: pcov, named })
    }
  }
  return out
}

const NOTHING: ReadonlySet<string> = new Set()

/** For each concept, the credit of each term that counts as finding it (prefix and typo matches included). */
function creditsOf(plan: QueryPlan, matched: readonly string[]): Map<string, number>[] {
  return plan.concepts.map((c) => {
    const m = new Map<string, number>()
    for (const a of c.alternatives) m.set(a.term, Math.max(m.get(a.term) ?? 0, a.credit))
    const own = c.alternatives[0]
    if (own && plan.loose.has(own.term)) {
      for (const t of matched) {
        if (m.has(t)) continue
        const near =
          t.startsWith(own.term) ||
          editDistance(t, own.term, allowedEdits(own.term.length)) <= allowedEdits(own.term.length)
        if (near) m.set(t, LOOSE_CREDIT * own.credit)
      }
    }
    return m
  })
}

/**
 * The weighted credit of the concepts found in `terms`; found only in what is known about the
 * passage (`meta`: its writer, source, kind, section) they count `META_CREDIT` as much.
 */
function coverage(
  plan: QueryPlan,
  credits: Map<string, number>[],
  terms: ReadonlySet<string>,
  meta: ReadonlySet<string>,
): number {
  // Each word of the text answers one concept at most ("dynamics" is no answer to both "changed"
  // and "drive"): the heaviest concepts pick first.
  const pairs: { concept: number; term: string; value: number }[] = []
  plan.concepts.forEach((c, i) => {
    for (const [t, v] of credits[i] ?? []) {
      const found = terms.has(t) ? v : meta.has(t) ? META_CREDIT * v : 0
      if (found > 0) pairs.push({ concept: i, term: t, value: c.weight * found })
    }
  })
  pairs.sort((a, b) => b.value - a.value)
  const doneConcepts = new Set<number>()
  const usedTerms = new Set<string>()
  let sum = 0
  for (const p of pairs) {
    if (doneConcepts.has(p.concept) || usedTerms.has(p.term)) continue
    doneConcepts.add(p.concept)
    usedTerms.add(p.term)
    sum += p.value
  }
  return sum
}

/** A claim found for a question, with the sentence that found it. */
export interface RankedClaim {
  claim: ClaimRecord
  score: number
  /** The best score of a sentence that states or disputes the claim. */
  evidence: SentenceScore
}

/**
 * Least share of a supporting sentence's finding that counts for its claim when the claim's
 * statement holds none of what the question asks (see `rankClaims`).
 */
export const OFF_STATEMENT_FLOOR = 0.5

/**
 * Ranks the claims that the scored sentences state or dispute. A claim found through a sentence
 * that supports it counts as far as its statement holds what the question asks too: "On an Oct. 5
 * blog post Jay Stanley … wrote by 2020 it will be mandated …" answers who wrote, not whether it
 * is mandatory, though it supports that claim.
 */
export function rankClaims(
  kb: Knowledge,
  scores: Map<string, SentenceScore>,
  plan?: QueryPlan,
): RankedClaim[] {
  const credits = plan ? creditsOf(plan, []) : []
  const total = plan ? plan.concepts.reduce((acc, c) => acc + c.weight, 0) || 1 : 1
  const statementCoverage = new Map<string, number>()
  const onStatement = (claim: ClaimRecord, found: SentenceScore): number => {
    if (!plan || found.coverage <= 0) return 1
    let cov = statementCoverage.get(claim.id)
    if (cov === undefined) {
      const leader = kb.sentences.get(claim.leader)
      const meta = leader ? (kb.meta.get(leader.passageId) ?? new Set<string>()) : new Set<string>()
      cov = leader ? coverage(plan, credits, new Set(leader.terms), meta) / total : 0
      statementCoverage.set(claim.id, cov)
    }
    return OFF_STATEMENT_FLOOR + (1 - OFF_STATEMENT_FLOOR) * Math.min(1, cov / found.coverage)
  }
  const best = new Map<string, RankedClaim>()
  // How a claim counts: an article's statement over a reader's (unless the question names the
  // reader), a claim stated by several sources a little over one; a claim found through a
  // sentence that disputes it counts as that sentence does, whoever states it.
  const offer = (claim: ClaimRecord, value: number, evidence: SentenceScore, disputed = false) => {
    const leader = disputed ? undefined : kb.sentences.get(claim.leader)
    const asked = evidence.named && leader !== undefined && scores.get(leader.id) === evidence
    const prior = disputed || asked || !leader ? 1 : VOICE_PRIOR[kb.passageOf(leader).voice]
    const breadth = disputed ? 1 : 1 + 0.05 * Math.min(3, claim.sources - 1)
    const score = value * prior * breadth
    const old = best.get(claim.id)
    if (!old || score > old.score) best.set(claim.id, { claim, score, evidence })
  }
  for (const [id, s] of scores) {
    // In a large corpus that repeats itself a sentence may support a thousand claims that say the
    // same: the first ones are enough to answer with.
    const stated = kb.memberships.get(id) ?? []
    for (let i = 0; i < Math.min(stated.length, MAX_STATED_OFFERS); i++) {
      const m = stated[i]
      if (!m) continue
      const sim = m.claim.similarity[m.index] ?? 0
      offer(m.claim, s.score * (m.index === 0 ? 1 : (0.7 + 0.3 * sim) * onStatement(m.claim, s)), s)
    }
    // A reader's "nonsense" may dispute thousands of claims of a large corpus, all found alike:
    // a few of them are enough to answer with.
    const disputed = kb.disputesBy.get(id) ?? []
    for (let i = 0; i < Math.min(disputed.length, MAX_DISPUTED_OFFERS); i++) {
      const claim = disputed[i]
      if (claim) offer(claim, s.score * DISPUTE_FACTOR, s, true)
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id))
}
