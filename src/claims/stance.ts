import type { CorpusContext } from './context.js'
import { disputePhrase } from './cues.js'
import { MAX_DISPUTES } from './disputes.js'
import { indexBy } from './index-by.js'
import { SAME_CLAIM } from './same-claim.js'
import type { ClaimRecord, DisputeCue, DisputeRecord, SentenceRecord } from './types.js'

/**
 * Disputes that are the author's own later word on what he wrote (an update, a correction
 * section): the original still stands as what the source said, and does not answer back.
 */
const OWN_CORRECTION: ReadonlySet<DisputeCue> = new Set(['author-update', 'correction-section', 'counter'])

/** Who speaks in a sentence: a reader's comment, or a source's article (or its updates). */
function speakerOf(ctx: CorpusContext, s: SentenceRecord): string {
  const p = ctx.passageOf(s)
  return p.voice === 'comment' ? `comment:${p.commentId ?? p.id}` : `${p.sourceId}:${p.voice}`
}

// A fact-check's verdict: "Status: False (see details below)", "Rating: Mostly false", "PROBABLY FALSE".
const VERDICT_LABEL =
  /^(?:status|rating|verdict|truth rating|our rating|ruling|conclusion|analysis|description)\s*:\s*(.+)$/iu
const VERDICT_ALONE =
  /^(?:(?:probably|mostly|partly|partially|completely|totally)\s+)?(?:false|fake|untrue|a hoax|hoax|fiction|pure fiction|satire|misleading|unproven)[.!]?$/iu

/** The falsity a verdict line states ("False", "Fake news / Satire"), or null when the sentence is none. */
export function verdictOf(text: string): string | null {
  const t = text.trim()
  if (VERDICT_ALONE.test(t)) return t.replace(/[.!]$/, '')
  const label = VERDICT_LABEL.exec(t)
  return label ? disputePhrase(label[1] ?? '') : null
}

/**
 * A fact-check page ("Claim: …", "Status: False") quotes the claims it rates: its verdict
 * disputes every claim its own sentences state, and so those sentences leave their support (see
 * `keepDisputersOut`).
 */
export function applyVerdicts(ctx: CorpusContext, claims: readonly ClaimRecord[]): void {
  const verdicts = new Map<string, { s: SentenceRecord; detail: string }>()
  // Each page's sentences in order, for a verdict that is no sentence of its own (below).
  const pages = new Map<string, SentenceRecord[]>()
  for (const s of ctx.sentenceList) {
    const p = ctx.passageOf(s)
    if (p.voice !== 'article') continue
    const page = pages.get(p.sourceId)
    if (page) page.push(s)
    else pages.set(p.sourceId, [s])
    if (verdicts.has(p.sourceId)) continue
    // The verdict may be a line of its own, or a heading ("PROBABLY FALSE") over the first lines it rates.
    const detail = verdictOf(ctx.textOf(s)) ?? (p.section ? verdictOf(p.section) : null)
    if (detail) verdicts.set(p.sourceId, { s, detail })
  }
  // A verdict on a line of its own that is neither a sentence nor the heading kept ("PROBABLY
  // FALSE" straight above another heading), near the top of the page: it rates what follows it.
  for (const [sourceId, list] of pages) {
    if (verdicts.has(sourceId)) continue
    const text = ctx.texts.get(sourceId) ?? ''
    let at = 0
    for (const line of text.slice(0, VERDICT_REACH).split('\n')) {
      const detail = verdictOf(line)
      const s = detail ? list.find((x) => x.start > at) : undefined
      if (detail && s) {
        verdicts.set(sourceId, { s, detail })
        break
      }
      at += line.length + 1
    }
  }
  if (verdicts.size === 0) return
  for (const c of claims) {
    const rated = new Set(
      c.members
        .map((id) => ctx.sentences.get(id))
        .flatMap((m) => (m && ctx.passageOf(m).voice === 'article' ? [ctx.passageOf(m).sourceId] : [])),
    )
    for (const source of rated) {
      const v = verdicts.get(source)
      if (!v || c.disputes.some((d) => d.sentenceId === v.s.id) || c.disputes.length >= MAX_DISPUTES) continue
      c.disputes.push({
        sentenceId: v.s.id,
        start: v.s.start,
        end: v.s.end,
        cue: 'dispute-language',
        detail: v.detail,
      })
    }
  }
}

/** How far into a page (characters) a verdict line of its own is looked for. */
const VERDICT_REACH = 600

/** Similarity at which a disputing sentence restates the claim it disputes ("Reports that X are false"). */
export const RESTATES = 0.3

/** Cues by which a sentence says the claim is not so in its own words (not an author's later word on it). */
// Not an opposite: "will be mandatory" against "is totally optional" are two claims, each the other's dispute.
const DENYING: ReadonlySet<DisputeCue> = new Set(['dispute-language', 'negation'])

/**
 * A sentence that restates a claim in order to deny it ("A rumor that Plant ripped up the contract
 * has been called rubbish", "An official denied that the woman detained is his wife") is that
 * claim's dispute, not a claim of its own: it leaves the claims it would state, and a claim left
 * with no member is dropped. A denial in words of its own ("the government has never involved")
 * stays a claim, which the claim it denies disputes in turn (see `answerBack`).
 */
export function foldRestatedDenials(ctx: CorpusContext, claims: readonly ClaimRecord[]): ClaimRecord[] {
  const restating = new Set<string>()
  for (const c of claims) {
    const leader = ctx.sentences.get(c.leader)
    if (!leader) continue
    for (const d of c.disputes) {
      const s = ctx.sentences.get(d.sentenceId)
      // Denied in the sentence's own words: a reader's "The toll is totally optional" after "This
      // is nonsense." is a claim of its own that the comment's doubt goes with.
      const own = d.cue === 'negation' || (s !== undefined && disputePhrase(ctx.textOf(s)) !== null)
      if (s && own && DENYING.has(d.cue) && ctx.sentenceSimilarity(s, leader) >= RESTATES) restating.add(s.id)
    }
  }
  if (restating.size === 0) return [...claims]
  const out: ClaimRecord[] = []
  for (const c of claims) {
    if (!c.members.some((m) => restating.has(m))) {
      out.push(c)
      continue
    }
    const kept = c.members
      .map((id, i) => ({ id, sim: c.similarity[i] ?? 0 }))
      .filter((m) => !restating.has(m.id))
    if (kept.length === 0) continue
    relead(ctx, c, kept)
    out.push(c)
  }
  return out
}

/** Gives a claim the members `kept` (in its order), led by the old leader if kept, else by the member most like it. */
function relead(ctx: CorpusContext, claim: ClaimRecord, kept: { id: string; sim: number }[]): void {
  let members = kept
    .map((m) => ({ ...m, s: ctx.sentences.get(m.id) }))
    .filter((m): m is { id: string; sim: number; s: SentenceRecord } => m.s !== undefined)
  if (members.length === 0) return
  if (members[0]?.id !== claim.leader) {
    members.sort((a, b) => b.sim - a.sim)
    const leader = (members[0] as { s: SentenceRecord }).s
    claim.leader = leader.id
    // Each member said the old statement; only those that say the new one stay (the rest are free
    // to answer as themselves).
    members = members
      .map((m) => ({
        ...m,
        sim: m.s === leader ? 1 : Math.round(ctx.sentenceSimilarity(leader, m.s) * 1000) / 1000,
      }))
      .filter((m) => m.sim >= SAME_CLAIM)
  }
  claim.similarity = members.map((m) => m.sim)
  claim.members = members.map((m) => m.id)
  claim.sources = new Set(members.map((m) => ctx.passageOf(m.s).sourceId)).size
}

/**
 * A passage that disputes a claim is never its support, and neither is anything else its writer
 * says in the same voice: an article that calls a story a hoax retells the story to debunk it.
 * Members of a disputing writer leave the claim; a claim left with no member is dropped (its
 * statement was only ever told in order to be denied), and one that lost its leader is led by
 * the member most like the old one. Returns the claims that remain.
 */
export function keepDisputersOut(ctx: CorpusContext, claims: readonly ClaimRecord[]): ClaimRecord[] {
  const out: ClaimRecord[] = []
  for (const claim of claims) {
    const disputers = new Set<string>()
    for (const d of claim.disputes) {
      if (OWN_CORRECTION.has(d.cue)) continue
      const s = ctx.sentences.get(d.sentenceId)
      if (s) disputers.add(speakerOf(ctx, s))
    }
    if (disputers.size > 0) {
      const kept = claim.members
        .map((id, i) => ({ id, sim: claim.similarity[i] ?? 0, s: ctx.sentences.get(id) }))
        .filter((m) => m.s !== undefined && !disputers.has(speakerOf(ctx, m.s)))
      if (kept.length === 0) continue
      relead(ctx, claim, kept)
    }
    out.push(claim)
  }
  return out
}

/**
 * Disputes run both ways: when a sentence disputes a claim, the claims that sentence states are
 * disputed in turn by that claim's statement (cue `counter`). So a reader's "Sesame Credit is
 * totally OPTIONAL" is contested by the articles that say it will be mandatory, as they are by it. An author's
 * update or a correction section is the source's own later word and is not answered back.
 */
export function answerBack(ctx: CorpusContext, claims: readonly ClaimRecord[]): void {
  const stating = indexBy(claims, (c) => c.members)
  const back = new Map<ClaimRecord, DisputeRecord[]>()
  for (const c of claims) {
    const leader = ctx.sentences.get(c.leader)
    if (!leader) continue
    const speaker = speakerOf(ctx, leader)
    for (const d of c.disputes) {
      if (OWN_CORRECTION.has(d.cue)) continue
      for (const other of stating.get(d.sentenceId) ?? []) {
        // Only the claim the disputing sentence states itself (it leads it): a sentence that
        // also supports a larger claim in passing does not make that claim dispute this one.
        if (other === c || other.leader !== d.sentenceId || other.members.includes(c.leader)) continue
        const list = back.get(other) ?? []
        const known = [...other.disputes, ...list].some((x) => {
          const s = ctx.sentences.get(x.sentenceId)
          return x.sentenceId === c.leader || (s !== undefined && speakerOf(ctx, s) === speaker)
        })
        if (known) continue
        list.push({
          sentenceId: c.leader,
          start: leader.start,
          end: leader.end,
          cue: 'counter',
          detail: d.detail,
        })
        back.set(other, list)
      }
    }
  }
  for (const [claim, list] of back) claim.disputes = [...claim.disputes, ...list].slice(0, MAX_DISPUTES)
}
