import { tagWords } from '../corpus/sentences.js'
import type { Passage } from '../corpus/types.js'
import { termOf, terms as termsOf, tokenize } from '../search/text.js'
import { type CorpusContext, SPECIFIC_WEIGHT } from './context.js'
import {
  attributedNames,
  CONTRAST,
  DISPUTE_LANGUAGE,
  disputePhrase,
  INCREDULITY,
  instructs,
  isCorrectionHeading,
  NEGATION,
  PRESENT_HEDGE,
  predicatedTerms,
  proseOf,
  reportedPhrase,
  statedPredicates,
  subjectOf,
} from './cues.js'
import { indexBy } from './index-by.js'
import type { Quotation } from './quotations.js'
import type { ClaimRecord, DisputeCue, DisputeRecord, SentenceRecord } from './types.js'

/** Share of a claim's key terms that a disputing passage must talk about. */
export const DISPUTE_RELATEDNESS = 0.4
/** Share needed when the only cue is a negation (stricter: negations are common). */
export const NEGATION_RELATEDNESS = 0.55
/** Share needed when an article's sentence negates the claim (articles negate in passing more than readers answer). */
export const ARTICLE_NEGATION_RELATEDNESS = 0.3
/**
 * Least share a negation must hold of the claim's key words and the claim of the negation's own
 * words, both. A negation shares a word or two with many sentences of a large corpus on one
 * topic ("commits not present in the upstream branch" and "mentors are present on the list");
 * one that denies the claim shares a part of it both ways. Measured on the seeds, the news and
 * git's manuals (docs/quality.md): 0.25 drops 3 in 4 of the manuals' negation disputes and
 * none that the news or dev questions count.
 */
export const NEGATION_MUTUAL = 0.25
/** Share of the other key terms an antonym must come with, when its passage has no dispute language. */
export const ANTONYM_ANCHOR = 0.34
/** Least weight of a key term whose antonym counts (very common words have too many opposites). */
export const ANTONYM_MIN_WEIGHT = 0.5
/** Specific key terms of a claim that a disputing sentence must mention. */
export const MIN_SHARED = 2
/** How many of a claim's heaviest key terms are checked for antonyms. */
export const ANTONYM_KEY_TERMS = 3
/** Most disputes kept per claim. */
export const MAX_DISPUTES = 6

const CUE_RANK: Record<DisputeCue, number> = {
  'quote-answer': 0,
  antonym: 1,
  'dispute-language': 2,
  'correction-section': 3,
  negation: 4,
  'author-update': 5,
  counter: 6,
}

// A sentence that starts by pointing back ("Much of this…", "And the most important,…") or says
// little on its own is read with the sentence before it.
const ANAPHORA =
  /^(this|that|these|those|it|much of this|all of this|and|but|so|which|the (claim|claims|story|report|reports|rumou?r|rumou?rs|allegation|allegations|account|tale))\b/i

// A sentence that names what it disputes only as a report ("This rumour is ridiculous").
const CATAPHORA =
  /^(this|these|the) (claim|claims|story|stories|report|reports|rumou?r|rumou?rs|allegation|allegations|account|tale)\b/i

/** A sentence that may dispute claims, with what it talks about and the dispute words around it. */
interface Candidate {
  /** Its place among the candidates, in file order. */
  n: number
  s: SentenceRecord
  text: string
  terms: Set<string>
  /** The same terms as ids (see `CorpusContext.probe`). */
  ids: Int32Array
  /** Dispute language in the sentence, its comment or its update; null when none. */
  phrase: string | null
  /** Dispute language in the sentence itself; null when none. */
  own: string | null
  /** True when the sentence limits what it says to the present ("so far"). */
  hedged: boolean
  /** True when the sentence only reports what it says ("reportedly", "according to"). */
  reported: boolean
  /** True when the sentence negates a word (see `CorpusContext.cuesOf`). */
  negating: boolean
  /** True when it negates to give a rule ("Do not output flags"; see `instructs`). */
  instructing: boolean
  cue: DisputeCue
  /** Key of the comment or passage, so one comment disputes a claim once. */
  group: string
  /**
   * Passages whose claims it may dispute: a reader's comment answers what articles say and the
   * comments it replies to; an update, its own post. Null: any (an article or a wiki's correction).
   */
  scope: Scope | null
  /** Weight for a long sentence, which touches many claims in passing (1 for a focused one). */
  focus: number
  /**
   * The terms of the sentence after it, when it points ahead to what it disputes ("This rumour is
   * ridiculous." before the rumour): a claim it disputes must share enough of its statement with them.
   */
  ahead?: ReadonlySet<string>
  /**
   * The sentences before it in its passage, when it names what it disputes only as a report
   * after telling it ("…The report goes on to suggest… The report is totally inaccurate."): it
   * disputes the claims they state.
   */
  behind?: ReadonlySet<string>
}

function candidatesOf(ctx: CorpusContext, quoting: ReadonlySet<string>): Candidate[] {
  const commentText = new Map<string, string>()
  for (const p of ctx.passages.values()) {
    if (p.commentId) commentText.set(p.commentId, `${commentText.get(p.commentId) ?? ''}\n${p.text}`)
  }
  const out: Candidate[] = []
  for (const [passageId, list] of ctx.byPassage) {
    const p = ctx.passages.get(passageId)
    if (!p || p.spam) continue
    const scope =
      p.voice === 'comment'
        ? (commentText.get(p.commentId ?? '') ?? p.text)
        : p.voice === 'update'
          ? p.text
          : ''
    const scopePhrase = scope ? disputePhrase(scope) : null
    const correction = p.section !== null && isCorrectionHeading(p.section)
    list.forEach((s, i) => {
      if (quoting.has(s.id)) return
      // What it says in prose: its literals (code spans, options, settings) are no cue.
      const text = proseOf(ctx.textOf(s))
      const own = disputePhrase(text)
      // The outlet a sentence cites ("The Wall Street Journal reports") is not what it is about.
      const outlets = outletTerms(text)
      const terms = new Set(s.terms.filter((t) => !outlets.has(t)))
      const prev = list[i - 1]
      if (prev && (ANAPHORA.test(text.trim()) || s.terms.length < 4)) for (const t of prev.terms) terms.add(t)
      // Opening its passage, "This rumour is ridiculous" points ahead, to the rumour told next.
      const next = list[i + 1]
      const ahead =
        !prev && next && own !== null && CATAPHORA.test(text.trim()) ? new Set(next.terms) : undefined
      if (ahead) for (const t of ahead) terms.add(t)
      const behind =
        prev && own !== null && p.voice === 'article' && CATAPHORA.test(text.trim())
          ? new Set(list.slice(0, i).map((x) => x.id))
          : undefined
      let cue: DisputeCue = 'dispute-language'
      let phrase = own ?? scopePhrase
      if (p.voice === 'update') {
        // An update doubts what its own sentence doubts; the rest of it may well restate the claim.
        cue = 'author-update'
        phrase = own
      } else if (correction) {
        cue = 'correction-section'
        phrase = own
      }
      const negating = ctx.cuesOf(s).negated.size > 0
      out.push({
        n: out.length,
        s,
        text,
        terms,
        ids: ctx.encode(terms),
        phrase,
        own,
        hedged: PRESENT_HEDGE.test(text),
        reported: reportedPhrase(text) !== null,
        negating,
        instructing: negating && instructs(text),
        cue,
        group: p.commentId ?? p.id,
        scope: scopeOf(ctx, p),
        focus: focusOf(s),
        ...(ahead ? { ahead } : {}),
        ...(behind ? { behind } : {}),
      })
    })
  }
  return out
}

/** The terms of the outlets a sentence attributes its account to ("The Wall Street Journal reports"). */
export function outletTerms(text: string): Set<string> {
  let found = outlets.get(text)
  if (!found) {
    found = new Set(attributedNames(text).flatMap((n) => termsOf(n)))
    if (outlets.size >= OUTLETS_KEPT) outlets.clear()
    outlets.set(text, found)
  }
  return found
}
// A sentence's outlets are asked for as a candidate and as a claim's statement.
const outlets = new Map<string, Set<string>>()
const OUTLETS_KEPT = 50000

/** True when `term` is what a sentence predicates ("… is totally optional", "will be mandated"). */
export function isPredicate(text: string, term: string): boolean {
  return predicatedTerms(tokenize(text)).has(term)
}

/** Terms at which a sentence stops being focused on one thing. */
export const FOCUSED_TERMS = 20
const focusOf = (s: SentenceRecord) => Math.min(1, FOCUSED_TERMS / Math.max(1, s.terms.length))

/**
 * Which passages' claims a comment's or an update's sentence may dispute (see `Candidate.scope`):
 * an update's, its own source's; a comment's, any but comments, and the comments it replies to.
 */
type Scope = { source: string } | { thread: ReadonlySet<string> }

/** What a claim's members are, for the scopes of candidates (see `inScope`). */
interface MemberKinds {
  sources: ReadonlySet<string>
  /** True when a member is not a comment. */
  notComment: boolean
  /** The comments its members are. */
  comments: readonly string[]
}

function memberKinds(ctx: CorpusContext, passageIds: readonly string[]): MemberKinds {
  const sources = new Set<string>()
  const comments: string[] = []
  let notComment = false
  for (const id of passageIds) {
    const q = ctx.passages.get(id)
    if (!q) continue
    sources.add(q.sourceId)
    if (q.voice !== 'comment') notComment = true
    else if (q.commentId !== null) comments.push(q.commentId)
  }
  return { sources, notComment, comments }
}

/** True when a candidate of `scope` may dispute a claim whose members are `kinds`. */
function inScope(scope: Scope, kinds: MemberKinds): boolean {
  if ('source' in scope) return kinds.sources.has(scope.source)
  return kinds.notComment || kinds.comments.some((id) => scope.thread.has(id))
}

function scopeOf(ctx: CorpusContext, p: Passage): Scope | null {
  if (p.voice === 'update') return { source: p.sourceId }
  if (p.voice !== 'comment') return null
  const thread = new Set<string>()
  for (let at: Passage | undefined = p; at?.replyTo; at = ctx.passages.get(at.replyTo)) thread.add(at.replyTo)
  return { thread }
}

/** The terms of each whole comment (or passage), by its key (see `Candidate.group`). */
function topicsOf(ctx: CorpusContext): Map<string, Set<string>> {
  const topics = new Map<string, Set<string>>()
  for (const [id, list] of ctx.byPassage) {
    const p = ctx.passages.get(id)
    if (!p) continue
    const key = p.commentId ?? p.id
    const terms = topics.get(key) ?? new Set<string>()
    for (const s of list) for (const t of s.terms) terms.add(t)
    topics.set(key, terms)
  }
  return topics
}

/** The candidates by each of their terms, as their numbers (`Candidate.n`), in file order. */
function indexByTerm(candidates: readonly Candidate[]): Map<string, Int32Array> {
  const lists = indexBy(candidates, (c) => c.terms)
  return new Map([...lists].map(([t, list]) => [t, Int32Array.from(list, (c) => c.n)]))
}

/** Most candidates weighed as disputes of one claim, taken rarest term first (see `disputePool`). */
export const MAX_DISPUTE_CANDIDATES = 128
/** Most postings looked at to gather a claim's candidate disputes (the seeds and git's manuals look at 174 at most). */
export const MAX_DISPUTE_POSTINGS = 4096

/** Candidates by term: all of them (for antonyms), and those that can dispute without an antonym. */
interface TermLists {
  all: Map<string, Int32Array>
  arguable: Map<string, Int32Array>
}

/** The candidates, indexed by which claims they may dispute (see `Candidate.scope`). */
interface CandidateIndex {
  every: TermLists
  /** Those that may dispute any passage's claims (articles' sentences, corrections). */
  open: TermLists
  /** Comments' and updates' sentences by source: with `open`, the only ones that may dispute a reader's claim. */
  bySource: Map<string, TermLists>
  /** The candidates, by number. */
  candidates: readonly Candidate[]
  /** Every candidate's term ids, one after another: candidate n's from `idStart[n]` to `idStart[n + 1]`. */
  ids: Int32Array
  idStart: Int32Array
  /** Per candidate, the stamp of the last claim whose pool looked at it. */
  seen: Int32Array
  stamp: number
}

function termLists(candidates: readonly Candidate[]): TermLists {
  return {
    all: indexByTerm(candidates),
    // Dispute language, or a negation in a comment or an update (see the cues in findDisputes).
    arguable: indexByTerm(candidates.filter((c) => c.phrase !== null || (!c.hedged && c.negating))),
  }
}

function candidateIndex(ctx: CorpusContext, candidates: readonly Candidate[]): CandidateIndex {
  const bySource = new Map<string, Candidate[]>()
  for (const c of candidates) {
    if (c.scope === null) continue
    const source = ctx.passageOf(c.s).sourceId
    const list = bySource.get(source)
    if (list) list.push(c)
    else bySource.set(source, [c])
  }
  return {
    every: termLists(candidates),
    open: termLists(candidates.filter((c) => c.scope === null)),
    bySource: new Map([...bySource].map(([source, list]) => [source, termLists(list)])),
    candidates,
    ...flatIds(candidates),
    seen: new Int32Array(candidates.length),
    stamp: 0,
  }
}

/**
 * The candidates that may dispute a claim, in the order of `words` (the claim's key terms, then
 * their opposites) and then file order. A candidate must hold one of `words`; and to dispute at
 * all it needs an opposite of a key term, or dispute language or a negation together with at
 * least `MIN_SHARED` specific key terms (or words related to them). Only those are gathered,
 * rarest word first, at most `MAX_DISPUTE_CANDIDATES`, so a claim whose words are in thousands of
 * sentences of a large corpus looks first at those that share its rarest words.
 */
function disputePool(
  ctx: CorpusContext,
  index: CandidateIndex,
  from: readonly (TermLists | undefined)[],
  words: readonly string[],
  core: readonly string[],
  opposites: Iterable<string>,
): { c: Candidate; opposed: boolean }[] {
  const lists: Int32Array[] = []
  const reach = new Set<string>()
  for (const t of core) {
    if (ctx.weight(t) < SPECIFIC_WEIGHT) continue
    reach.add(t)
    for (const r of ctx.relatedTo(t)) reach.add(r)
  }
  for (const part of from) {
    if (!part) continue
    for (const u of opposites) lists.push(part.all.get(u) ?? NO_POSTINGS)
    for (const x of reach) lists.push(part.arguable.get(x) ?? NO_POSTINGS)
  }
  lists.sort((a, b) => a.length - b.length)
  // Candidate numbers, the first of `words` each holds, and whether it holds an opposite.
  const found: { n: number; at: number; opposed: boolean }[] = []
  const stamp = nextStamp(index)
  const place = wordPlaces(ctx, words)
  const { ids, idStart, seen } = index
  // Blocking: at most so many postings are looked at, whatever the corpus's size (a claim's
  // words may be in the postings of thousands of sentences that hold none of its other words).
  let looked = 0
  scan: for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      if (++looked > MAX_DISPUTE_POSTINGS) break scan
      const n = list[i] as number
      if (seen[n] === stamp) continue
      seen[n] = stamp
      let at = -1
      let last = -1
      for (let k = idStart[n] as number, end = idStart[n + 1] as number; k < end; k++) {
        const r = place[ids[k] as number] ?? -1
        if (r >= 0 && (at < 0 || r < at)) at = r
        if (r > last) last = r
      }
      if (at < 0) continue
      if (found.length >= MAX_DISPUTE_CANDIDATES) break scan
      found.push({ n, at, opposed: last >= core.length })
    }
  }
  for (const t of words) place[ctx.idOf(t)] = -1
  found.sort((a, b) => a.at - b.at || a.n - b.n)
  return found.map((f) => ({ c: index.candidates[f.n] as Candidate, opposed: f.opposed }))
}

const NO_POSTINGS = new Int32Array(0)

/** A value worked out the first time it is asked for, then kept. */
function lazily<T>(make: () => T): () => T {
  let made = false
  let value: T | undefined
  return () => {
    if (!made) {
      value = make()
      made = true
    }
    return value as T
  }
}

/** The candidates' term ids in one array (see `CandidateIndex.ids`). */
function flatIds(candidates: readonly Candidate[]): { ids: Int32Array; idStart: Int32Array } {
  const idStart = new Int32Array(candidates.length + 1)
  candidates.forEach((c, n) => {
    idStart[n + 1] = (idStart[n] as number) + c.ids.length
  })
  const ids = new Int32Array(idStart[candidates.length] as number)
  candidates.forEach((c, n) => {
    ids.set(c.ids, idStart[n] as number)
  })
  return { ids, idStart }
}

/** A mark for the candidates one claim's pool has looked at (see `CandidateIndex.seen`). */
function nextStamp(index: CandidateIndex): number {
  index.stamp += 1
  return index.stamp
}

/** Term id → place in the words of the claim being pooled (-1: none); reset after each claim. */
let places = new Int32Array(0)

/** The places of `words` by term id, in `places` (the first place of a word written twice). */
function wordPlaces(ctx: CorpusContext, words: readonly string[]): Int32Array {
  const ids = words.map((t) => ctx.idOf(t))
  const most = Math.max(0, ...ids) + 1
  if (places.length < most) {
    const grown = new Int32Array(Math.max(most, 2 * places.length)).fill(-1)
    grown.set(places)
    places = grown
  }
  for (let k = ids.length - 1; k >= 0; k--) places[ids[k] as number] = k
  return places
}

/**
 * The terms a sentence writes in small letters: what it says of things rather than their names
 * ("detained", "wife", not "Baghdadi" or "iCloud"). In a sentence written in capitals (a
 * headline), every word.
 */
export function lowerCaseTerms(text: string): Set<string> {
  const tokens = tokenize(text)
  const written = (t: { start: number; end: number }) => text.slice(t.start, t.end)
  const capitals = tokens.filter((t) => /^\p{Lu}{2,}$/u.test(written(t))).length
  const headline = capitals > tokens.length / 2
  return new Set(
    tokens
      .filter((t) => t.term !== '' && (headline || /^[\p{Ll}\p{N}][\p{Ll}\p{N}.,'’-]*$/u.test(written(t))))
      .map((t) => t.term),
  )
}

/** Ordinals and ranks: tagged adjectives, never opposites of a claim's word. */
const RANK = /^(first|second|third|last|next|previous|former|latter|\d+(st|nd|rd|th))$/i

/** True when a word of `text` whose term is one of `terms` is an adjective there (not a rank). */
export function adjectiveIn(text: string, terms: readonly string[]): boolean {
  return tagWords(text).some((w) => w.pos === 'ADJ' && !RANK.test(w.word) && terms.includes(termOf(w.word)))
}

/** The word of `text` whose term is `term`, as written (for notes). */
function wordFor(text: string, term: string): string {
  return tokenize(text).find((t) => t.term === term)?.word ?? term
}

/**
 * The key terms of a claim: the leader's terms that at least half of its other members share
 * (all of the leader's, if it stands alone), so that one loosely similar member does not pull
 * its own words into what the claim is about.
 */
export function coreTerms(ctx: CorpusContext, claim: ClaimRecord): string[] {
  const leader = ctx.sentences.get(claim.leader)
  if (!leader) return []
  const others = claim.members.slice(1).map((id) => new Set(ctx.sentences.get(id)?.terms ?? []))
  if (others.length === 0) return leader.terms.filter((t) => !outletTerms(ctx.textOf(leader)).has(t))
  const need = Math.ceil(others.length / 2)
  const outlets = outletTerms(ctx.textOf(leader))
  const own = leader.terms.filter((t) => !outlets.has(t))
  const core = own.filter((t) => others.filter((o) => ctx.matchOf(t, o) > 0).length >= need)
  return core.length >= 2 ? core : own
}

/**
 * Finds, for every claim, the passages that dispute it and why: an antonym of its key term
 * ("optional" against "mandatory"), dispute language aimed at what it says ("nonsense",
 * "inaccurate", "but in fact"), a comment that quotes it and answers, a correction section
 * ("Misconceptions…"), an author's update that doubts it, or the negation of the same statement.
 */
export function findDisputes(
  ctx: CorpusContext,
  claims: ClaimRecord[],
  quotations: ReadonlyMap<string, Quotation>,
): void {
  const candidates = candidatesOf(ctx, new Set(quotations.keys()))
  const topics = topicsOf(ctx)
  const topicOf = (c: Candidate) => topics.get(c.group) ?? new Set<string>()
  const index = candidateIndex(ctx, candidates)
  // Correction sections' sentences with dispute language, by page and heading (another page's
  // section of the same heading corrects what that page says).
  const sectionKey = (p: Passage) => `${p.sourceId}\u0000${p.section}`
  const corrections = indexBy(
    candidates.filter(
      (c) => c.cue === 'correction-section' && c.phrase !== null && ctx.passageOf(c.s).section !== null,
    ),
    (c) => [sectionKey(ctx.passageOf(c.s))],
  )
  const quotedBy = indexBy(quotations.values(), (q) => [q.quotes])

  for (const claim of claims) {
    const leader = ctx.sentences.get(claim.leader)
    if (!leader) continue
    const members = new Set(claim.members)
    const memberPassages = new Set(claim.members.map((id) => ctx.sentences.get(id)?.passageId))
    const leaderText = ctx.textOf(leader)
    const core = coreTerms(ctx, claim)
    const found: (DisputeRecord & { rel: number; group: string })[] = []

    for (const id of claim.members) {
      for (const q of quotedBy.get(id) ?? []) {
        if (!q.answer) continue
        const answerText = ctx.textOf({
          passageId: ctx.sentences.get(q.answer.sentenceId)?.passageId ?? '',
          ...q.answer,
        })
        const commentHasDispute = DISPUTE_LANGUAGE.some((re) => re.test(answerText))
        const why = INCREDULITY.exec(answerText)?.[0]?.trim() ?? CONTRAST.exec(answerText)?.[0] ?? null
        if (!why && !commentHasDispute) continue
        const p = ctx.passages.get(ctx.sentences.get(q.sentenceId)?.passageId ?? '')
        found.push({
          sentenceId: q.answer.sentenceId,
          start: q.answer.start,
          end: q.answer.end,
          cue: 'quote-answer',
          detail: why ?? disputePhrase(answerText) ?? 'answers a quotation',
          rel: 1,
          group: p?.commentId ?? p?.id ?? q.sentenceId,
        })
      }
    }

    // Antonyms of the claim's key terms, and of words of the same root ("mandated" → "mandatory" ↔ "optional").
    const key = [...core].sort((a, b) => ctx.weight(b) - ctx.weight(a)).slice(0, ANTONYM_KEY_TERMS)
    const opposites = new Map<string, string>()
    // The word of the root each opposite is the opposite of: the claim must write that word as an
    // adjective ("mandatory" for "optional"; not "execute" for "impossible" through "executable").
    const oppositeOf = new Map<string, string>()
    for (const t of key) {
      if (ctx.weight(t) < ANTONYM_MIN_WEIGHT) continue
      const roots = [t, ...[...ctx.relatedTo(t)].filter((r) => ctx.matchOf(r, new Set([t])) >= 0.9)]
      for (const r of roots) {
        for (const u of ctx.oppositesOf(r))
          if (!core.includes(u) && ctx.weight(u) >= ANTONYM_MIN_WEIGHT && !opposites.has(u)) {
            opposites.set(u, t)
            oppositeOf.set(u, r)
          }
      }
    }
    const claimTopic = lazily(
      () =>
        new Set(
          [...memberPassages].flatMap((id) => (ctx.byPassage.get(id ?? '') ?? []).flatMap((x) => x.terms)),
        ),
    )
    const sameTopic = (c: Candidate) => ctx.sharedSpecific([...topicOf(c)], claimTopic()) >= MIN_SHARED
    // A reader's claim (its members are comments on one page) is disputed only by the articles,
    // or by the comments and updates of its own page.
    const leaderPassage = ctx.passageOf(leader)
    const from =
      leaderPassage.voice === 'comment'
        ? [index.open, index.bySource.get(leaderPassage.sourceId)]
        : [index.every]
    const pool = disputePool(ctx, index, from, [...core, ...opposites.keys()], core, opposites.keys())
    // Whether a member predicates a key term (or a word of its root): the same for every candidate.
    const statedCache = new Map<string, boolean>()
    const isStated = (t: string) => {
      let stated = statedCache.get(t)
      if (stated === undefined) {
        stated = claim.members.some((id) => {
          const m = ctx.sentences.get(id)
          const predicated = m ? ctx.cuesOf(m).predicated : null
          return predicated !== null && [t, ...ctx.relatedTo(t)].some((x) => predicated.has(x))
        })
        statedCache.set(t, stated)
      }
      return stated
    }
    // Whether a member writes a key term, or the word of its root an opposite is of, as an
    // adjective: the same for every candidate.
    const adjectiveCache = new Map<string, boolean>()
    const statedAsAdjective = (t: string, root: string) => {
      const cacheKey = `${t} ${root}`
      let found = adjectiveCache.get(cacheKey)
      if (found === undefined) {
        found = claim.members.some((id) => {
          const m = ctx.sentences.get(id)
          return m !== undefined && adjectiveIn(ctx.textOf(m), [t, root])
        })
        adjectiveCache.set(cacheKey, found)
      }
      return found
    }
    // What the claim says a key term of ("restrictions are imposed"): a candidate that predicates
    // the opposite of something else ("Sesame Credit is totally optional") does not dispute it.
    const subjectCache = new Map<string, string[]>()
    const subjectsOf = (t: string) => {
      let subjects = subjectCache.get(t)
      if (subjects === undefined) {
        subjects = []
        for (const id of claim.members) {
          const m = ctx.sentences.get(id)
          if (!m) continue
          const tokens = tokenize(ctx.textOf(m))
          // The term as written, else a word of its root ("mandated" for "mandatory").
          const own = subjectOf(tokens, t)
          if (own !== null) subjects.push(own)
          else
            for (const x of ctx.relatedTo(t)) {
              const subject = subjectOf(tokens, x)
              if (subject !== null) subjects.push(subject)
            }
        }
        subjectCache.set(t, subjects)
      }
      return subjects
    }
    const aboutOther = (t: string, c: Candidate) => {
      const subjects = subjectsOf(t)
      return (
        subjects.length > 0 &&
        subjects.every((x) => x !== '' && ctx.weight(x) >= SPECIFIC_WEIGHT && ctx.matchOf(x, c.terms) === 0)
      )
    }
    const leaderNegates = core.some((t) => ctx.cuesOf(leader).negated.has(t))
    // The same event, not merely the same names: a candidate must share a word of the claim that
    // the claim writes in lower case (what is done or said of them), besides its names.
    const sharesPredicate = (c: Candidate) =>
      core.some(
        (t) => lowerInLeader().has(t) && ctx.weight(t) >= SPECIFIC_WEIGHT && ctx.matchOf(t, c.terms) > 0,
      )
    // How much of the claim's key terms each candidate holds, measured once per candidate (the
    // probe made for the first candidate measured).
    const probe = lazily(() => ctx.probe(core))
    const leaderNegated = ctx.cuesOf(leader).negated
    // Whether the claim itself denies, and the words it writes in lower case: worked out for the
    // first candidate that asks.
    const leaderDenies = lazily(
      () => disputePhrase(leaderText) !== null || core.some((t) => ctx.cuesOf(leader).denied.has(t)),
    )
    const lowerInLeader = lazily(() => lowerCaseTerms(leaderText))
    // What the claim states, as its predicates with the rest of their clauses, to meet a negation's.
    const leaderPredicates = lazily(() => statedPredicates(tagWords(proseOf(leaderText))))
    // What the members are, for candidates that may dispute only some passages' claims.
    let kinds: MemberKinds | null = null
    const coreSet = new Set(core)
    // How much of its own words a candidate's sentence shares with the claim's key terms.
    const coverageOf = (c: Candidate) => ctx.coverage(c.s.terms, coreSet) * c.focus
    // A correction denies a misconception; a claim that itself denies it ("was not unanimous",
    // "is not asking customers to stop") agrees, as a denial agrees with a denial.
    const agreesWith = (c: Candidate) => (c.cue === 'correction-section' && leaderNegates) || leaderDenies()
    // A negation must be about the claim: most of the claim's words, or most of its own, shared;
    // and it must negate what the claim states, not a word that only names something in it ("you
    // cannot cherry-pick a merge" against a page naming git-cherry-pick): a word of the claim
    // that says what is done or what something is, among the words the negation stands before,
    // with a word of the negation's clause in that word's clause of the claim ("did not make $72
    // million" against "made $72 million", by lemma).
    const negates = (c: Candidate) => {
      // A rule ("Do not output flags", "must not exist") says what to do, not what is not so.
      if (!c.negating || c.instructing) return false
      const stated = leaderPredicates()
      return ctx.cuesOf(c.s).negations.some(({ scope, clause }) => {
        for (const p of scope) {
          // The claim's word as its terms hold it ("stole" for the lemma "steal"), not negated there.
          const said = stated.get(p)
          if (!said || leaderNegated.has(said.term)) continue
          for (const a of clause)
            if (a !== p && ctx.weight(a) >= SPECIFIC_WEIGHT && ctx.matchOf(a, said.clause) > 0) return true
        }
        return false
      })
    }

    for (const { c, opposed } of pool) {
      // A passage does not dispute what it states itself, unless the sentence says so ("This is a myth").
      if (memberPassages.has(c.s.passageId) && (c.own === null || members.has(c.s.id))) continue
      if (c.scope) {
        kinds ??= memberKinds(
          ctx,
          claim.members.map((id) => ctx.sentences.get(id)?.passageId ?? ''),
        )
        if (!inScope(c.scope, kinds)) continue
      }
      // Only a candidate that some cue below may take is measured: an opposite of a key term,
      // dispute language that may dispute the claim (not a denial agreeing with a denial), or a negation.
      const arguing = c.phrase !== null && !agreesWith(c)
      if (!arguing && (c.hedged || !c.negating) && !opposed) continue
      const held = probe().measure(c.ids)
      const rel = (held.total === 0 ? 0 : held.shared / held.total) * c.focus
      const hedged = c.hedged
      let hit: { cue: DisputeCue; detail: string } | null = null
      if (opposed)
        for (const [u, t] of opposites) {
          if (!c.terms.has(u) || ctx.matchOf(t, c.terms) > 0) continue
          if (hedged || !ctx.cuesOf(c.s).predicated.has(u)) continue
          if (!isStated(t) || aboutOther(t, c)) continue
          // Opposites of adjectives only ("optional" / "mandatory"): "record" and "live", "first"
          // and "second", "found" and "missing" are other words where they are nouns, verbs or ranks.
          if (!adjectiveIn(c.text, [u]) || !statedAsAdjective(t, oppositeOf.get(u) ?? t)) continue
          const others = probe().own(ctx.idOf(t))
          const rest = others.total === 0 ? 0 : others.shared / others.total
          // Without dispute language, the sentence must also share the claim's other key words;
          // with it, its comment must at least talk about what the claim's passages talk about.
          if (c.phrase === null ? rest < ANTONYM_ANCHOR : !sameTopic(c)) continue
          hit = { cue: 'antonym', detail: `${wordFor(c.text, u)} vs ${wordFor(leaderText, t)}` }
          break
        }
      // What its passage told before it, called untrue as "the report": the claims it states.
      if (!hit && arguing && c.behind && claim.members.some((id) => c.behind?.has(id)))
        hit = { cue: c.cue, detail: c.phrase ?? 'disputes the report' }
      const specific = held.specific
      // About the claim: most of the claim's key words, or most of the sentence's own words,
      // shared; and both ways, the least of the two shares (a negation needs it, see NEGATION_MUTUAL).
      let covered = -1
      if (!hit && arguing && c.phrase !== null && specific >= MIN_SHARED && sharesPredicate(c)) {
        covered = coverageOf(c)
        if (Math.max(rel, covered) >= DISPUTE_RELATEDNESS) hit = { cue: c.cue, detail: c.phrase }
      }
      if (!hit && !hedged && specific >= MIN_SHARED && negates(c)) {
        if (covered < 0) covered = coverageOf(c)
        const least = c.scope === null ? ARTICLE_NEGATION_RELATEDNESS : NEGATION_RELATEDNESS
        // The author's own update negating the claim is an author's correction.
        if (Math.max(rel, covered) >= least && Math.min(rel, covered) >= NEGATION_MUTUAL)
          hit = {
            cue: c.cue === 'author-update' ? 'author-update' : 'negation',
            detail: NEGATION.exec(c.text)?.[0] ?? 'not',
          }
      }
      const ahead = c.ahead
      // Pointing ahead, it disputes what the next sentence tells: a claim that shares as much of its
      // statement with that sentence as a dispute must share with the claim.
      const told = ahead ? leader.terms.filter((t) => ahead.has(t)).length : 0
      if (hit && ahead && (told < MIN_SHARED || told < DISPUTE_RELATEDNESS * leader.terms.length)) hit = null
      if (hit) found.push({ sentenceId: c.s.id, start: c.s.start, end: c.s.end, ...hit, rel, group: c.group })
    }

    // A member that negates what the claim states ("police said the car has not been stolen", in
    // a claim that it was stolen) is its denial, not its support: being alike to the statement
    // makes it about the same event, so a key word of the claim's statement negated is enough.
    if (!leaderNegates)
      claim.members.forEach((id, i) => {
        const m = ctx.sentences.get(id)
        // A page does not dispute itself: "only list branches not reachable from it" is another
        // option's statement beside "only list branches reachable from it".
        if (!m || id === leader.id || ctx.passageOf(m).sourceId === leaderPassage.sourceId) return
        const text = ctx.textOf(m)
        if (instructs(text)) return
        const stated = leaderPredicates()
        const denies = ctx.cuesOf(m).negations.some(({ scope }) =>
          [...scope].some((p) => {
            const word = stated.get(p)?.term
            return word !== undefined && !leaderNegated.has(word) && ctx.weight(word) >= SPECIFIC_WEIGHT
          }),
        )
        if (!denies) return
        const p = ctx.passageOf(m)
        found.push({
          sentenceId: m.id,
          start: m.start,
          end: m.end,
          cue: 'negation',
          detail: NEGATION.exec(text)?.[0] ?? 'not',
          rel: claim.similarity[i] ?? 0,
          group: p.commentId ?? p.id,
        })
      })

    // A claim stated inside a correction section is what that section corrects.
    if (leaderPassage.section && isCorrectionHeading(leaderPassage.section)) {
      for (const c of corrections.get(sectionKey(leaderPassage)) ?? []) {
        const p = ctx.passageOf(c.s)
        if (members.has(c.s.id)) continue
        // In the correcting paragraph, what follows the correction is its own account (where the
        // misconception came from), not the misconception.
        if (p.id === leaderPassage.id && leader.start > c.s.start) continue
        found.push({
          sentenceId: c.s.id,
          start: c.s.start,
          end: c.s.end,
          cue: 'correction-section',
          detail: leaderPassage.section,
          rel: 1,
          group: `${p.id}:section`,
        })
      }
    }

    const best = new Map<string, DisputeRecord & { rel: number; group: string }>()
    // The groups whose best is each sentence.
    const bestOf = new Map<string, Set<string>>()
    for (const f of found) {
      // The same sentence found twice (by two cues) counts once.
      if ([...(bestOf.get(f.sentenceId) ?? [])].some((g) => g !== f.group)) continue
      const old = best.get(f.group)
      if (!old || CUE_RANK[f.cue] < CUE_RANK[old.cue] || (f.cue === old.cue && f.rel > old.rel)) {
        if (old) bestOf.get(old.sentenceId)?.delete(f.group)
        best.set(f.group, f)
        const groups = bestOf.get(f.sentenceId)
        if (groups) groups.add(f.group)
        else bestOf.set(f.sentenceId, new Set([f.group]))
      }
    }
    claim.disputes = [...best.values()]
      .sort((a, b) => CUE_RANK[a.cue] - CUE_RANK[b.cue] || b.rel - a.rel)
      .slice(0, MAX_DISPUTES)
      .map(({ rel: _rel, group: _group, ...d }) => d)
  }
}
