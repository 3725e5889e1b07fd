import type { CaveatRecord, DisputeRecord } from '../claims/types.js'
import type { Voice } from '../corpus/types.js'
import { planQuery, type QueryPlan } from '../search/query.js'
import { cite } from './citations.js'
import { cleanQuestion } from './input.js'
import type { Knowledge } from './knowledge.js'
import { caveatNote, claimNote, reportedBy } from './notes.js'
import { type RankedClaim, rankClaims, type SentenceScore, scoreSentences } from './rank.js'
import type { Answer, Caveat, Claim } from './types.js'

/** How the engine answers. */
export interface EngineOptions {
  /** Most claims in an answer. Default 5. */
  maxClaims: number
  /** Most supporting quotes per claim. Default 6. */
  maxSupport: number
  /** Most disputing quotes per claim. Default 4. */
  maxDisputes: number
  /** Most caveats per answer. Default 3. */
  maxCaveats: number
  /**
   * Least share of the question's concepts (weighted by how telling each is) that the corpus
   * has at all, as written or nearly (a typo, a named instance): below it, the question is about
   * something else ("the weather in Tokyo"). Default 0.5.
   */
  minInCorpus: number
  /** Least share of the question's concepts that the best evidence must hold. Default 0.34. */
  minCoverage: number
  /** Claims scoring under this share of the best claim's score are left out. Default 0.55. */
  relativeCutoff: number
}

/** The defaults of `EngineOptions`. */
export const ENGINE_DEFAULTS: EngineOptions = {
  maxClaims: 5,
  maxSupport: 6,
  maxDisputes: 4,
  maxCaveats: 3,
  minInCorpus: 0.5,
  minCoverage: 0.34,
  relativeCutoff: 0.55,
}

const NOT_ANSWERED =
  'The sources don’t answer that, so I have nothing to quote. /sources lists what I can quote from; try asking about something they cover.'
const NO_WORDS =
  'I found no words to search for in that. Ask in English about what the sources cover, for example “Is it mandatory?”; /sources lists them.'

/** Answers questions from the loaded index: claims with verbatim, attributed quotes and contested notes. */
export class Engine {
  private readonly options: EngineOptions

  constructor(
    readonly kb: Knowledge,
    options: Partial<EngineOptions> = {},
  ) {
    this.options = { ...ENGINE_DEFAULTS, ...options }
  }

  /** Answers one question. Never throws on any input; bad input gets `answered: false` and a message. */
  ask(question: string): Answer {
    const clean = cleanQuestion(question)
    if (!clean.ok) return refuse(question, clean.message)
    const plan = planQuery(clean.text, this.kb)
    if (plan.concepts.length === 0) return refuse(question, NO_WORDS)
    if (inCorpus(plan) < this.options.minInCorpus) return refuse(question, NOT_ANSWERED)
    const scores = scoreSentences(this.kb, plan)
    const ranked = rankClaims(this.kb, scores, plan)
    // Only claims whose evidence holds enough of the question count; the best of them sets the bar.
    const answering = ranked.filter((r) => answerCoverage(r.evidence) >= this.options.minCoverage)
    const best = answering[0]
    if (!best) return refuse(question, NOT_ANSWERED)
    const chosen = answering
      .filter((r) => r.score >= best.score * this.options.relativeCutoff)
      .slice(0, this.options.maxClaims)
    const claims = chosen.map((r) => this.claimOf(r, plan, scores))
    return { question, answered: true, claims, caveats: this.caveatsOf(claims) }
  }

  private claimOf(r: RankedClaim, plan: QueryPlan, scores: Map<string, SentenceScore>): Claim {
    const kb = this.kb
    const focus = new Set(plan.terms.keys())
    const relevance = (id: string) => scores.get(id)?.score ?? 0
    const members = r.claim.members
      .map((id, i) => ({ id, i, s: kb.sentences.get(id) }))
      .filter((m) => m.s !== undefined)
      // The statement first, then the most relevant support.
      .sort((a, b) => (a.i === 0 ? -1 : b.i === 0 ? 1 : relevance(b.id) - relevance(a.id) || a.i - b.i))
    const support = members.slice(0, this.options.maxSupport).map((m) => {
      const s = m.s as NonNullable<typeof m.s>
      return cite(kb, { passageId: s.passageId, start: s.start, end: s.end }, focus)
    })
    const disputes = r.claim.disputes.slice(0, this.options.maxDisputes).map((d) => ({
      record: d,
      citation: cite(kb, spanOf(kb, d), focus, `${d.cue}: ${d.detail}`),
    }))
    const leader = kb.sentences.get(r.claim.leader)
    const reported = disputes.length === 0 && reportedBy(support) !== null
    return {
      ...(reported ? { reported: true as const } : {}),
      id: r.claim.id,
      statement: leader
        ? kb.slice(kb.passageOf(leader).sourceId, leader.start, leader.end)
        : (support[0]?.quote ?? ''),
      contested: disputes.length > 0,
      note: claimNote(kb, disputes, support),
      support,
      disputes: disputes.map((d) => d.citation),
    }
  }

  private caveatsOf(claims: readonly Claim[]): Caveat[] {
    const kb = this.kb
    const cited = new Set(claims.flatMap((c) => c.support.map((s) => s.sourceId)))
    // A doubt already quoted as a claim of the answer ("Is the ACLU post reliable?") is not repeated.
    const quoted = claims.flatMap((c) => [...c.support, ...c.disputes])
    const shown = (passageId: string, cv: CaveatRecord) =>
      quoted.some((q) => q.passageId === passageId && q.start < cv.end && cv.start < q.end)
    const found: { sourceId: string; cv: CaveatRecord; passageId: string; voice: Voice }[] = []
    for (const sourceId of cited) {
      for (const cv of kb.caveatsBySource.get(sourceId) ?? []) {
        const sentence = kb.sentences.get(cv.sentenceId)
        if (!sentence || shown(sentence.passageId, cv)) continue
        found.push({ sourceId, cv, passageId: sentence.passageId, voice: kb.passageOf(sentence).voice })
      }
    }
    // Authors' own doubts first, then other sources', then readers'; only those shown are quoted
    // (a source of a large corpus may have hundreds of doubting readers).
    const rank = (voice: Voice) => (voice === 'update' ? 0 : voice === 'article' ? 1 : 2)
    return found
      .sort((a, b) => rank(a.voice) - rank(b.voice))
      .slice(0, this.options.maxCaveats)
      .map(({ sourceId, cv, passageId }) => {
        const citation = cite(kb, { passageId, start: cv.start, end: cv.end }, new Set(), cv.detail)
        const title = kb.sources.get(sourceId)?.title ?? sourceId
        return { sourceId, title, note: caveatNote(kb, citation, sourceId), citation }
      })
  }
}

/** Share of the question's concepts (by weight) the corpus has, as written or nearly: synonyms count at their credit. */
function inCorpus(plan: QueryPlan): number {
  let have = 0
  let all = 0
  for (const c of plan.concepts) {
    all += c.weight
    if (c.known)
      have += c.weight * Math.max(...c.alternatives.filter((a) => a.known).map((a) => a.closeness), 0)
  }
  return all === 0 ? 0 : have / all
}

/** How much of the question the evidence answers: the sentence itself, helped a little by its passage. */
function answerCoverage(e: SentenceScore): number {
  return 0.75 * e.coverage + 0.25 * Math.max(e.coverage, e.passageCoverage)
}

function spanOf(kb: Knowledge, d: DisputeRecord) {
  const s = kb.sentences.get(d.sentenceId)
  return { passageId: s?.passageId ?? '', start: d.start, end: d.end }
}

function refuse(question: string, message: string): Answer {
  return { question, answered: false, message, claims: [], caveats: [] }
}
