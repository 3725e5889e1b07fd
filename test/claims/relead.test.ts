import { describe, expect, it } from 'vitest'
import { CorpusContext } from '../../src/claims/context.js'
import { SAME_CLAIM } from '../../src/claims/same-claim.js'
import { sentenceRecords } from '../../src/claims/sentences.js'
import { keepDisputersOut } from '../../src/claims/stance.js'
import type { ClaimRecord, SentenceRecord } from '../../src/claims/types.js'
import { readCorpus } from '../../src/corpus/read-seeds.js'
import { ROOT } from '../helpers/built.js'

const corpus = readCorpus(`${ROOT}/seeds`)
const ctx = new CorpusContext(corpus.documents, sentenceRecords(corpus.documents), {})
const sentence = (needle: string): SentenceRecord => {
  const s = ctx.sentenceList.find((x) => ctx.textOf(x).includes(needle))
  if (!s) throw new Error(`no sentence holds ${needle}`)
  return s
}

describe('a claim that loses its statement', () => {
  it('keeps, under its new statement, only the members that say it', () => {
    // The ACLU's "by 2020 it will be mandated…" leads; another article says much the same; a
    // sentence of a third source about who runs Sesame Credit says something else.
    const leader = sentence('wrote by 2020 it will be mandated')
    const alike = sentence('will become mandatory')
    const other = sentence('The Social Credit System is a system being developed')
    const unlike = sentence('Sesame Credit is run by Alibaba')
    const own = ctx.sentenceList.find(
      (s) => ctx.passageOf(s).sourceId === ctx.passageOf(leader).sourceId && s !== leader && s.worthy,
    ) as SentenceRecord
    expect(ctx.sentenceSimilarity(alike, unlike)).toBeLessThan(SAME_CLAIM)
    const claim: ClaimRecord = {
      id: 'c1',
      leader: leader.id,
      members: [leader.id, alike.id, other.id, unlike.id],
      similarity: [1, 0.5, 0.4, 0.3],
      sources: 4,
      // Its own source disputes it (a sentence of the same writer): its members leave the claim.
      disputes: [{ sentenceId: own.id, start: own.start, end: own.end, cue: 'negation', detail: 'not' }],
    }
    const [kept] = keepDisputersOut(ctx, [claim])
    expect(kept?.leader).toBe(alike.id)
    expect(kept?.members).not.toContain(leader.id)
    // The sentence about who runs it said the old statement at best, not the new one: it is free
    // to answer as itself.
    expect(kept?.members).not.toContain(unlike.id)
    for (const [i, id] of (kept?.members ?? []).entries()) {
      const s = ctx.sentences.get(id) as SentenceRecord
      if (id !== alike.id) expect(ctx.sentenceSimilarity(alike, s)).toBeGreaterThanOrEqual(SAME_CLAIM)
      expect(kept?.similarity[i]).toBeGreaterThanOrEqual(SAME_CLAIM)
    }
  })
})
