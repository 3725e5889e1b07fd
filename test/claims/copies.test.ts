import { describe, expect, it } from 'vitest'
import { clusterClaims } from '../../src/claims/cluster.js'
import { CorpusContext } from '../../src/claims/context.js'
import { absorbCopies, mergeCopies } from '../../src/claims/merge.js'
import { sentenceRecords } from '../../src/claims/sentences.js'
import type { ClaimRecord } from '../../src/claims/types.js'
import { builtPages } from '../helpers/built-pages.js'
import { claimLookups } from '../helpers/claim-lookups.js'

// Pages written for this test: three outlets print the same sentence, each beside its own.
const COPIED = 'The ferry to Rum leaves Mallaig at nine every Monday morning from the old pier.'
const DOCS: Record<string, string> = {
  'ferry-a.md': `---\ntitle: Ferry times\npublisher: Mallaig Post\n---\n${COPIED} Tickets are sold at the pier office beside the harbour wall.\n`,
  'ferry-b.md': `---\ntitle: Small Isles sailings\npublisher: Lochaber News\n---\n${COPIED} Passengers for Eigg change boats at the island's slipway.\n`,
  'ferry-c.md': `---\ntitle: Island ferries\npublisher: Skye Herald\n---\n${COPIED} The crossing takes two hours when the sea is calm.\n`,
}

const built = builtPages('copies', DOCS, false)
const { fileOf, textOf } = claimLookups(built)

describe('a sentence copied by several sources', () => {
  it('is weighed as one claim before its disputes are looked for, the copies absorbed after', () => {
    const ctx = new CorpusContext(built().corpus.documents, sentenceRecords(built().corpus.documents), {})
    const clusters = clusterClaims(ctx, () => true)
    const led = (list: readonly ClaimRecord[]) =>
      list.filter(
        (c) => ctx.textOf(ctx.sentences.get(c.leader) ?? { passageId: '', start: 0, end: 0 }) === COPIED,
      )
    // Each copy leads a claim of its own as the sentences are grouped.
    expect(led(clusters).length).toBeGreaterThan(1)
    const { claims, copies } = mergeCopies(ctx, clusters)
    const [claim] = led(claims)
    expect(led(claims)).toHaveLength(1)
    expect(led(clusters).length - 1).toBe([...copies.values()].flat().length)
    if (!claim) return
    absorbCopies(ctx, copies)
    const files = new Set(claim.members.map((m) => fileOf(m)))
    expect([...files].sort()).toEqual(['ferry-a.md', 'ferry-b.md', 'ferry-c.md'])
  })

  it('is one claim of three sources in the built index', () => {
    const claims = built().data.claims.filter((c) => textOf(c.leader) === COPIED)
    expect(claims).toHaveLength(1)
    expect(claims[0]?.sources).toBe(3)
  })
})
