import { cite } from '../answer/citations.js'
import { ENGINE_DEFAULTS } from '../answer/engine.js'
import { independenceOf } from '../answer/independence.js'
import type { Knowledge } from '../answer/knowledge.js'
import { claimNote } from '../answer/notes.js'
import type { Claim } from '../answer/types.js'

/** How many quotes a claim shown on its own carries. */
export interface ClaimViewOptions {
  /** Most supporting quotes. Default `ENGINE_DEFAULTS.maxSupport` (6). */
  maxSupport?: number
  /** Most disputing quotes. Default `ENGINE_DEFAULTS.maxDisputes` (4). */
  maxDisputes?: number
}

const NO_FOCUS: ReadonlySet<string> = new Set()

/**
 * A claim of the index as the Answer contract shows it (statement, contested, note, support and disputes
 * quoted), without a question: mirrors `Engine.claimOf`, with the members in index order (the statement
 * first) since there is no question to rank them by. Null for an id the index does not have.
 */
export function claimView(kb: Knowledge, claimId: string, options: ClaimViewOptions = {}): Claim | null {
  const record = kb.claims.get(claimId)
  if (!record) return null
  const maxSupport = options.maxSupport ?? ENGINE_DEFAULTS.maxSupport
  const maxDisputes = options.maxDisputes ?? ENGINE_DEFAULTS.maxDisputes
  const support = record.members
    .flatMap((id) => kb.sentences.get(id) ?? [])
    .slice(0, maxSupport)
    .map((s) => cite(kb, { passageId: s.passageId, start: s.start, end: s.end }, NO_FOCUS))
  const disputes = record.disputes.slice(0, maxDisputes).flatMap((d) => {
    const s = kb.sentences.get(d.sentenceId)
    if (!s) return []
    const span = { passageId: s.passageId, start: d.start, end: d.end }
    return [{ record: d, citation: cite(kb, span, NO_FOCUS, `${d.cue}: ${d.detail}`) }]
  })
  const leader = kb.sentences.get(record.leader)
  const { independent, lines } = independenceOf(kb, record, support)
  return {
    id: record.id,
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
