import { terms } from '../search/text.js'
import { MAX_MEMBERS } from './cluster.js'
import { type CorpusContext, SPECIFIC_WEIGHT } from './context.js'
import { disputePhrase, isCorrectionHeading } from './cues.js'
import { MAX_DISPUTES } from './disputes.js'
import { indexBy } from './index-by.js'
import type { ClaimRecord, SentenceRecord } from './types.js'

/** Similarity of two statements at which they are the same statement in other words. */
export const SAME_STATEMENT = 0.6
/** Similarity of a one-sentence claim to a clause of another's statement at which it says that clause. */
export const SAME_CLAUSE = 0.4

// Where a statement divides into clauses for this comparison: punctuation only.
const CLAUSE = /[,;:()—–]/
/** Terms a clause needs to be compared on its own; shorter pieces go with the clause after them. */
const MIN_CLAUSE_TERMS = 4

/** A statement's clauses as term lists, a short piece joining the clause after it ("which helps – no, nudges –"). */
function clauses(text: string): string[][] {
  const out: string[][] = []
  let held: string[] = []
  for (const piece of text.split(CLAUSE)) {
    const joined = [...held, ...terms(piece)]
    if (joined.length < MIN_CLAUSE_TERMS) held = joined
    else {
      out.push(joined)
      held = []
    }
  }
  const last = out[out.length - 1]
  if (last) last.push(...held)
  else out.push(held)
  return out
}

/**
 * True when a claim of one sentence says what a clause of another claim's statement says
 * ("Anybody can check anyone else’s score online" and "Anybody can check anybody’s Chinese credit
 * score today using the site Credit China, which helps…").
 */
function saysClauseOf(
  ctx: CorpusContext,
  one: ClaimRecord,
  other: ClaimRecord,
  clauseCache: Map<string, string[][] | null>,
): boolean {
  if (one.members.length !== 1) return false
  const a = ctx.sentences.get(one.leader)
  const b = ctx.sentences.get(other.leader)
  if (!a || !b || ctx.passageOf(a).sourceId === ctx.passageOf(b).sourceId) return false
  let parts = clauseCache.get(b.id)
  if (parts === undefined) {
    parts = mayJoinClause(ctx, b) ? clauses(ctx.textOf(b)) : null
    clauseCache.set(b.id, parts)
  }
  return parts?.some((c) => ctx.similarity(a.terms, c) >= SAME_CLAUSE) ?? false
}

/**
 * Whether a statement may take part in a clause merge (see `saysClauseOf`): not a reader's, not
 * what a correction section reports as a misconception, not a denial.
 */
function mayJoinClause(ctx: CorpusContext, s: SentenceRecord): boolean {
  const p = ctx.passageOf(s)
  if (p.voice === 'comment') return false
  return !(p.section !== null && isCorrectionHeading(p.section)) && disputePhrase(ctx.textOf(s)) === null
}

/** Most claims whose statement a one-sentence claim is compared with for a clause merge. */
export const MAX_CLAUSE_CANDIDATES = 1024

/**
 * The claims whose statements hold a specific word of `words`, in the order of `words` and then
 * of `leadersWith`. Blocking: they are gathered rarest word first, at most
 * `MAX_CLAUSE_CANDIDATES`, so that a statement of common words in a large corpus is compared with
 * those that share its rarest words, not with every claim.
 */
function clauseCandidates(
  ctx: CorpusContext,
  words: readonly string[],
  leadersWith: ReadonlyMap<string, readonly ClaimRecord[]>,
): ClaimRecord[] {
  const lists = words
    .map((t, at) => ({ at, list: ctx.weight(t) >= SPECIFIC_WEIGHT ? (leadersWith.get(t) ?? []) : [] }))
    .sort((a, b) => a.list.length - b.list.length || a.at - b.at)
  const first = new Map<ClaimRecord, { at: number; place: number }>()
  scan: for (const { at, list } of lists) {
    for (let place = 0; place < list.length; place++) {
      const other = list[place] as ClaimRecord
      const was = first.get(other)
      if (was) {
        if (at < was.at) first.set(other, { at, place })
        continue
      }
      if (first.size >= MAX_CLAUSE_CANDIDATES) break scan
      first.set(other, { at, place })
    }
  }
  return [...first].sort(([, x], [, y]) => x.at - y.at || x.place - y.place).map(([other]) => other)
}

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
  const memberOf = indexBy(claims, (c) => c.members)
  const leadersWith = indexBy(claims, (c) => ctx.sentences.get(c.leader)?.terms ?? [])
  const clauseCache = new Map<string, string[][] | null>()
  const into = new Map<ClaimRecord, ClaimRecord>()
  const root = (c: ClaimRecord): ClaimRecord => {
    let r = c
    while (into.has(r)) r = into.get(r) as ClaimRecord
    return r
  }
  // Larger claims first: they absorb.
  for (const { claim: c, leader, key } of statementsLargerFirst(ctx, claims)) {
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
    if (!target && c.members.length === 1 && mayJoinClause(ctx, leader)) {
      // A one-sentence claim that says a clause of a claim found by the words they share.
      for (const other of clauseCandidates(ctx, leader.terms, leadersWith)) {
        if (root(other) === root(c)) continue
        if (saysClauseOf(ctx, c, other, clauseCache)) {
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

/**
 * Claims whose statements are the same sentence, word for word (copied by several outlets, or
 * led by copies of one sentence), as one, as `mergeSameStatements` would make them after their
 * disputes are found: so that a statement a large corpus copies hundreds of times is weighed
 * once. Returns the claims that remain, in their order, and the copies each is to absorb once its
 * disputes are found (`absorbCopies`): a copy's other members, taken in first, would keep their
 * passages from disputing the claim ("a passage does not dispute what it states itself").
 */
export function mergeCopies(
  ctx: CorpusContext,
  claims: readonly ClaimRecord[],
): { claims: ClaimRecord[]; copies: Map<ClaimRecord, ClaimRecord[]> } {
  const byLeaderText = new Map<string, ClaimRecord>()
  const copies = new Map<ClaimRecord, ClaimRecord[]>()
  const absorbed = new Set<ClaimRecord>()
  for (const { claim: c, key } of statementsLargerFirst(ctx, claims)) {
    const target = byLeaderText.get(key)
    if (target) {
      const list = copies.get(target)
      if (list) list.push(c)
      else copies.set(target, [c])
      absorbed.add(c)
    } else byLeaderText.set(key, c)
  }
  return { claims: claims.filter((c) => !absorbed.has(c)), copies }
}

/** Adds to each claim the members of its copies (see `mergeCopies`), largest copy first. */
export function absorbCopies(
  ctx: CorpusContext,
  copies: ReadonlyMap<ClaimRecord, readonly ClaimRecord[]>,
): void {
  for (const [target, list] of copies) for (const c of list) absorb(ctx, target, c)
}

/**
 * Each claim with its statement and that statement's text as compared word for word (spacing and
 * case aside): claims with more members first (they absorb), then those of more sources.
 */
function* statementsLargerFirst(
  ctx: CorpusContext,
  claims: readonly ClaimRecord[],
): Generator<{ claim: ClaimRecord; leader: SentenceRecord; key: string }> {
  const order = [...claims].sort((a, b) => b.members.length - a.members.length || b.sources - a.sources)
  for (const claim of order) {
    const leader = ctx.sentences.get(claim.leader)
    if (leader) yield { claim, leader, key: ctx.textOf(leader).replace(/\s+/g, ' ').trim().toLowerCase() }
  }
}

/** Adds `from`'s members and disputes to `to` (no sentence twice, at most `MAX_MEMBERS` and `MAX_DISPUTES`). */
function absorb(ctx: CorpusContext, to: ClaimRecord, from: ClaimRecord): void {
  const leader = ctx.sentences.get(to.leader)
  if (!leader) return
  for (const m of from.members) {
    if (to.members.includes(m) || to.members.length >= MAX_MEMBERS) continue
    const s = ctx.sentences.get(m)
    if (!s || to.disputes.some((d) => d.sentenceId === m)) continue
    // The claims say the same: their members state it, however their words differ from this leader's.
    const sim = ctx.sentenceSimilarity(leader, s)
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
