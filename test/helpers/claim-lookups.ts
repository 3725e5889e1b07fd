import { expect } from 'vitest'
import type { IndexData } from '../../src/build/index-data.js'
import type { ClaimRecord } from '../../src/claims/types.js'
import type { Corpus } from '../../src/corpus/types.js'

/**
 * Look-ups into a built index, for tests that build one in `beforeAll`: `built` gives the index
 * and its corpus once they are there.
 */
export function claimLookups(built: () => { data: IndexData; corpus: Corpus }) {
  /** A sentence's text by its id. */
  const textOf = (id: string) => {
    const { data, corpus } = built()
    const s = data.sentences.find((x) => x.id === id)
    const doc = corpus.documents.find((d) => d.passages.some((p) => p.id === s?.passageId))
    return doc && s ? doc.text.slice(s.start, s.end) : ''
  }
  /** The file a sentence is read from. */
  const fileOf = (id: string) =>
    built().corpus.documents.find((d) => d.passages.some((p) => id.startsWith(`${p.id}.`)))?.source.file
  /** The claim whose statement holds `fragment` (the test fails when there is none). */
  const claimLedBy = (fragment: string): ClaimRecord => {
    const c = built().data.claims.find((x) => textOf(x.leader).includes(fragment))
    expect(c, `a claim led by "${fragment}"`).toBeDefined()
    return c as ClaimRecord
  }
  return { textOf, fileOf, claimLedBy }
}
