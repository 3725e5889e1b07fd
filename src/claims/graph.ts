import type { Document } from '../corpus/types.js'
import type { Lexicon } from '../search/lexicon.js'
import { findCaveats } from './caveats.js'
import { clusterClaims } from './cluster.js'
import { CorpusContext } from './context.js'
import { disputePhrase, isCorrectionHeading } from './cues.js'
import { findDisputes } from './disputes.js'
import { absorbCopies, mergeCopies, mergeSameStatements } from './merge.js'
import { findQuotations } from './quotations.js'
import { sentenceRecords } from './sentences.js'
import { forgetClauses } from './similar-enough.js'
import { answerBack, applyVerdicts, foldRestatedDenials, keepDisputersOut } from './stance.js'
import type { ClaimGraph } from './types.js'

/**
 * Builds the claims of a corpus: its sentences, the same claim across sources grouped as one,
 * each claim's disputes with the reason found, and the caveats on whole sources.
 */
export function buildClaimGraph(documents: readonly Document[], lexicon: Lexicon): ClaimGraph {
  const sentences = sentenceRecords(documents)
  const ctx = new CorpusContext(documents, sentences, lexicon)
  const quotations = findQuotations(ctx)
  const disputing = new Set<string>()
  for (const p of ctx.passages.values()) {
    if (p.voice === 'comment' && disputePhrase(p.text)) disputing.add(p.commentId ?? p.id)
  }
  const correcting = new Set(
    [...ctx.passages.values()]
      .filter((p) => p.section !== null && isCorrectionHeading(p.section) && disputePhrase(p.text) !== null)
      .map((p) => p.id),
  )
  const { claims, copies } = mergeCopies(
    ctx,
    clusterClaims(
      ctx,
      (s) => !quotations.has(s.id),
      (s) => {
        const p = ctx.passageOf(s)
        // A reader who disputes the article states his own claims, never the article's; what a
        // correction section reports as a misconception next to its correction supports nothing;
        // and a sentence that doubts or denies ("this is nonsense", "questions about the accuracy
        // of the source") says something of its own, to be found when asked about.
        return (
          (p.voice === 'comment' && disputing.has(p.commentId ?? p.id)) ||
          correcting.has(p.id) ||
          disputePhrase(ctx.textOf(s)) !== null
        )
      },
    ),
  )
  // Grouping and quotations are done comparing sentences.
  forgetClauses(ctx)
  findDisputes(ctx, claims, quotations)
  applyVerdicts(ctx, claims)
  absorbCopies(ctx, copies)
  const kept = keepDisputersOut(ctx, mergeSameStatements(ctx, foldRestatedDenials(ctx, claims)))
  answerBack(ctx, kept)
  // Ids in file order of the leading sentence, as clusterClaims gave them, after claims left.
  const position = new Map(sentences.map((s, i) => [s.id, i]))
  kept.sort((a, b) => (position.get(a.leader) ?? 0) - (position.get(b.leader) ?? 0))
  kept.forEach((c, i) => {
    c.id = `c${i + 1}`
  })
  return { sentences, claims: kept, caveats: findCaveats(ctx) }
}
