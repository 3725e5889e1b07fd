import type { ClaimRecord } from '../claims/types.js'
import type { Knowledge } from './knowledge.js'
import type { Citation, LineSource, SourceLine } from './types.js'

/** The sources stating a claim, in the order its support cites them, then the rest of its sentences'. */
export function statingSources(kb: Knowledge, claim: ClaimRecord, support: readonly Citation[]): string[] {
  const out = support.map((c) => c.sourceId)
  for (const id of claim.members) {
    const s = kb.sentences.get(id)
    const p = s ? kb.passages.get(s.passageId) : undefined
    if (p && !p.spam) out.push(p.sourceId)
  }
  return [...new Set(out)]
}

/** The independent lines of the sources that state a claim, with each follower's evidence (see `Lineage`). */
export function linesOf(kb: Knowledge, stating: readonly string[]): SourceLine[] {
  const view = (id: string): LineSource => {
    const s = kb.sources.get(id)
    return { sourceId: id, title: s?.title ?? id, author: s?.author ?? null, date: s?.date ?? null }
  }
  return kb.lineage.lines(stating).map((line) => ({
    root: view(line.root),
    followers: line.followers.map((f) => ({
      ...view(f.sourceId),
      follows: f.follows,
      how: f.through.length === 0 && f.link.evidence.some((e) => e.kind === 'names') ? 'retells' : 'follows',
      confidence: f.link.confidence,
      through: f.through,
      evidence: f.link.evidence,
    })),
  }))
}

/** A claim's independent lines and their number (see `Claim.independent`). */
export function independenceOf(
  kb: Knowledge,
  claim: ClaimRecord,
  support: readonly Citation[],
): { independent: number; lines: SourceLine[] } {
  const lines = linesOf(kb, statingSources(kb, claim, support))
  return { independent: lines.length, lines }
}
