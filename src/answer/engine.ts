import type { CaveatRecord, DisputeRecord } from '../claims/types.js'
import type { Voice } from '../corpus/types.js'
import { planQuery, type QueryPlan } from '../search/query.js'
import { termOf, tokenize } from '../search/text.js'
import { answersIn, holdsAnswer } from './answer-types.js'
import { cite } from './citations.js'
import { type Candidate, candidatesFor, FEATURES } from './features.js'
import { independenceOf } from './independence.js'
import { cleanQuestion } from './input.js'
import type { Knowledge } from './knowledge.js'
import { type AnswerSignals, answers, defaultModel, linear, type RankingModel } from './model.js'
import { caveatNote, claimNote, reportedBy } from './notes.js'
import { analyzeQuestion, type QuestionAnalysis } from './question.js'
import { type RankedClaim, rankClaims } from './rank.js'
import { summarize } from './summary.js'
import type { Answer, Caveat, Citation, Claim } from './types.js'

/** How the engine answers. */
export interface EngineOptions {
  /** Most supporting quotes per claim. Default 6. */
  maxSupport: number
  /** Most disputing quotes per claim. Default 4. */
  maxDisputes: number
  /** Most caveats per answer. Default 3. */
  maxCaveats: number
  /** The ranking model. Default: the fitted one in src/answer/ranking-model.json. */
  model: RankingModel
}

/** The defaults of `EngineOptions` but the model. */
export const ENGINE_DEFAULTS: Omit<EngineOptions, 'model'> = {
  maxSupport: 6,
  maxDisputes: 4,
  maxCaveats: 3,
}

const TYPE = FEATURES.indexOf('type')

const NOT_ANSWERED =
  'The sources don’t answer that, so I have nothing to quote. /sources lists what I can quote from; try asking about something they cover.'
const NO_WORDS =
  'I found no words to search for in that. Ask in English about what the sources cover, for example “Is it mandatory?”; /sources lists them.'

/** What a question finds before any weight is applied (see `Engine.find`). */
export interface Found {
  question: string
  analysis: QuestionAnalysis
  plan: QueryPlan
  candidates: Candidate[]
}

/** What the engine found for a question before it chose what to answer: for the fitting script and tests. */
export interface Trace extends Found {
  /** Each candidate's score, in `candidates` order. */
  scores: number[]
  ranked: RankedClaim[]
  /** What decides whether it is answered, or null when nothing was found. */
  signals: AnswerSignals | null
}

/** Answers questions from the loaded index: claims with verbatim, attributed quotes and contested notes. */
export class Engine {
  private readonly options: EngineOptions
  private knowledge: Knowledge

  constructor(kb: Knowledge, options: Partial<EngineOptions> = {}) {
    this.knowledge = kb
    this.options = { ...ENGINE_DEFAULTS, model: options.model ?? defaultModel(), ...options }
  }

  /** The loaded index it answers from (see `use`). */
  get kb(): Knowledge {
    return this.knowledge
  }

  /**
   * Answers from `kb` from now on: a rebuilt index swapped in without a restart. Answering is
   * synchronous, so a question being answered finishes on the index it started with.
   */
  use(kb: Knowledge): void {
    this.knowledge = kb
  }

  /** The ranking model in use. */
  get model(): RankingModel {
    return this.options.model
  }

  /** Answers one question. Never throws on any input; bad input gets `answered: false` and a message. */
  ask(question: string): Answer {
    return this.answer(question).answer
  }

  /** Answers one question and says what it found on the way (see `Trace`). */
  answer(
    question: string,
    model: RankingModel = this.options.model,
  ): { answer: Answer; trace: Trace | null } {
    const found = this.find(question)
    return 'refusal' in found ? { answer: found.refusal, trace: null } : this.decide(found, model)
  }

  /**
   * What a question finds before any weight is applied: its reading, its concepts and the
   * candidate sentences with their features (the same under every model; the fitting script
   * reads them once).
   */
  find(question: string): Found | { refusal: Answer } {
    const clean = cleanQuestion(question)
    if (!clean.ok) return { refusal: refuse(question, clean.message) }
    const analysis = analyzeQuestion(clean.text)
    const plan = planQuery(analysis.text, this.kb)
    if (plan.concepts.length === 0) return { refusal: refuse(question, NO_WORDS) }
    return { question, analysis, plan, candidates: candidatesFor(this.kb, plan, analysis) }
  }

  /** Answers from what a question found, with a model's weights. */
  decide(found: Found, model: RankingModel = this.options.model): { answer: Answer; trace: Trace } {
    const { question, plan, candidates } = found
    const scores = candidates.map((c) => linear(model.weights, c.features))
    const ranked = rankClaims(this.kb, candidates, scores, model, plan)
    const best = ranked[0]
    // Twice as many as are shown, so that a claim that repeats an earlier one leaves room for the next.
    const chosen = best
      ? ranked.filter((r) => r.score >= best.score - model.claims.cutoff).slice(0, 2 * model.claims.maxClaims)
      : []
    const signals = best ? this.signals(found, chosen) : null
    const trace: Trace = { ...found, scores, ranked, signals }
    if (!best || !signals || !answers(model, signals))
      return { answer: refuse(question, NOT_ANSWERED), trace }
    const relevance = new Map(candidates.map((c, i) => [c.sentence.id, scores[i] ?? 0]))
    // The story is what the question found: the claims near the top, shown or not.
    const debunkers = this.debunkersOf(ranked.slice(0, 2 * model.claims.maxClaims))
    const claims = distinct(
      chosen.map((r) => this.claimOf(r, plan, relevance, model.claims.cutoff, debunkers)),
    ).slice(0, model.claims.maxClaims)
    const caveats = this.caveatsOf(claims)
    const answer: Answer = { question, answered: true, claims, caveats }
    const type = found.analysis.expects
    const asked = new Set(tokenize(found.analysis.text).map((t) => t.word))
    const holds = (text: string) => type !== null && holdsAnswer(answersIn(type, text), asked)
    // The question's own words (and a correction of them), not their looser relatives, pick the clause.
    const own = new Set(
      plan.concepts.flatMap((c) => c.alternatives.filter((a) => a.closeness >= 0.6).map((a) => a.term)),
    )
    const summary = summarize(this.kb, claims, caveats, own, holds)
    if (summary) answer.summary = summary
    return { answer, trace }
  }

  /** What decides whether the question is answered, from the claims it would show. */
  private signals(found: Found, chosen: readonly RankedClaim[]): AnswerSignals {
    const { analysis, plan } = found
    const named = (word: string) => analysis.names.has(word)
    // A reason is often given without a word that marks it ("I post opinions that…"): only the
    // kinds of answer that show in a sentence's words count here, in any claim answered.
    const typeFound =
      analysis.expects === null ||
      analysis.expects === 'reason' ||
      chosen.some((r) => (r.evidence.features[TYPE] ?? 0) > 0)
    return {
      // Every claim shown is part of the answer: the question is answered when one of them holds its focus.
      focus: Math.max(...chosen.map((r) => r.evidence.focus)),
      // A name the corpus lacks, or has only by correcting it into a common word ("lakers" →
      // "later"; "Tiananmen" → "Tienanmen" is the same name spelt another way).
      // An English word written with a capital ("Shiny" in a headline) is no name the
      // corpus lacks, unless the NLP library knows it as a person or a place.
      unknownName: plan.concepts.some((c) => {
        const own = c.alternatives[0]
        const lacking = !own?.known || (own.relation === 'typo' && this.kb.isWord(own.term))
        const proper = analysis.places.has(c.word) || !this.kb.isWord(termOf(c.word))
        return named(c.word) && lacking && proper
      }),
      typeFound,
    }
  }

  /**
   * The articles that call untrue, in their own words ("not true", "a hoax"; not a negation, an
   * author's later update, a correction section or a claim answering back), a claim another
   * article states: what else they say of the story is told to debunk it, so it supports none of
   * the answer's claims.
   */
  private debunkersOf(found: readonly RankedClaim[]): Set<string> {
    const out = new Set<string>()
    const kb = this.kb
    const passageOf = (id: string) => {
      const s = kb.sentences.get(id)
      return s ? kb.passageOf(s) : undefined
    }
    for (const r of found) {
      // Articles that state the claim: one that disputes another article's story debunks it (one
      // that answers a reader's claim does not).
      const tellers = new Set(
        r.claim.members.flatMap((id) => {
          const p = passageOf(id)
          return p?.voice === 'article' ? [p.sourceId] : []
        }),
      )
      for (const d of r.claim.disputes) {
        // Only words that call it untrue ("not true", "a hoax"): a negation in passing is too common.
        if (d.cue !== 'dispute-language') continue
        const p = passageOf(d.sentenceId)
        if (p?.voice === 'article' && [...tellers].some((t) => t !== p.sourceId)) out.add(p.sourceId)
      }
    }
    return out
  }

  private claimOf(
    r: RankedClaim,
    plan: QueryPlan,
    scores: ReadonlyMap<string, number>,
    margin: number,
    debunkers: ReadonlySet<string> = new Set(),
  ): Claim {
    const kb = this.kb
    const focus = new Set(plan.terms.keys())
    const relevance = (id: string) => scores.get(id) ?? Number.NEGATIVE_INFINITY
    const top = Math.max(...r.claim.members.map(relevance))
    const lead = (m: { id: string; i: number }) =>
      m.i === 0 && relevance(m.id) >= top - margin ? Number.POSITIVE_INFINITY : relevance(m.id)
    const all = r.claim.members
      .map((id, i) => ({ id, i, s: kb.sentences.get(id) }))
      .filter((m) => m.s !== undefined)
    const told = (m: (typeof all)[number]) => {
      const p = m.s ? kb.passageOf(m.s) : undefined
      return p?.voice !== 'article' || !debunkers.has(p.sourceId)
    }
    // A debunking article's retelling supports nothing, unless nobody else states the claim.
    const members = (all.some(told) ? all.filter(told) : all)
      // The most relevant first (the sentence that answers the question); the statement leads
      // while it is as near the best as a claim must be to be shown at all.
      .sort((a, b) => lead(b) - lead(a) || a.i - b.i)
    const support = members.slice(0, this.options.maxSupport).map((m) => {
      const s = m.s as NonNullable<typeof m.s>
      return cite(kb, { passageId: s.passageId, start: s.start, end: s.end }, focus)
    })
    const disputes = r.claim.disputes.slice(0, this.options.maxDisputes).map((d) => ({
      record: d,
      citation: cite(kb, spanOf(kb, d), focus, `${d.cue}: ${d.detail}`),
    }))
    const leader = kb.sentences.get(r.claim.leader)
    const { independent, lines } = independenceOf(kb, r.claim, support)
    const reported = disputes.length === 0 && reportedBy(support) !== null
    return {
      ...(reported ? { reported: true as const } : {}),
      id: r.claim.id,
      statement: leader
        ? kb.slice(kb.passageOf(leader).sourceId, leader.start, leader.end)
        : (support[0]?.quote ?? ''),
      contested: disputes.length > 0,
      note: claimNote(kb, disputes, support, lines),
      support,
      disputes: disputes.map((d) => d.citation),
      independent,
      lines,
    }
  }

  private caveatsOf(claims: readonly Claim[]): Caveat[] {
    const kb = this.kb
    // A doubt on a source is a doubt on what its author wrote: an answer that quotes only its
    // readers' comments does not rest on the source, and is not cautioned about it.
    const cited = new Set(
      claims.flatMap((c) => c.support.filter((s) => s.voice !== 'comment').map((s) => s.sourceId)),
    )
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

/** The claims without one that repeats what an earlier claim quotes, as support or dispute ("no claim twice"). */
function distinct(claims: readonly Claim[]): Claim[] {
  const out: Claim[] = []
  const quoted = new Set<string>()
  const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase()
  for (const c of claims) {
    // A claim whose statement an earlier claim already quotes says nothing new; one whose first
    // quote (what the reader sees first) is already shown leads with its next quote instead.
    if (quoted.has(key(c.statement))) continue
    const fresh = c.support.findIndex((s) => !quoted.has(key(s.quote)))
    if (fresh < 0) continue
    const support =
      fresh === 0 ? c.support : [c.support[fresh] as Citation, ...c.support.filter((_, i) => i !== fresh)]
    out.push({ ...c, support })
    // Its disputes too: the reader's claim that a claim above quotes as its dispute is shown already.
    for (const q of [c.statement, ...c.support.map((s) => s.quote), ...c.disputes.map((d) => d.quote)])
      quoted.add(key(q))
  }
  return out
}

function spanOf(kb: Knowledge, d: DisputeRecord) {
  const s = kb.sentences.get(d.sentenceId)
  return { passageId: s?.passageId ?? '', start: d.start, end: d.end }
}

function refuse(question: string, message: string): Answer {
  return { question, answered: false, message, claims: [], caveats: [] }
}
