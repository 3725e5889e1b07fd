import { describe, expect, it } from 'vitest'
import type { Knowledge } from '../../src/answer/knowledge.js'
import { statementCover } from '../../src/answer/rank.js'
import type { ClaimRecord, SentenceRecord } from '../../src/claims/types.js'
import type { QueryPlan } from '../../src/search/query.js'

// A sentence states two claims equally well; the one whose own statement holds more of the
// question leads (rankClaims breaks ties by this cover).
const sentence = (id: string, terms: string[]) => ({ id, terms }) as unknown as SentenceRecord
const kb = {
  sentences: new Map([
    ['a', sentence('a', ['lamp', 'sold', 'museum', 'harbour'])],
    ['b', sentence('b', ['resid', 'heard', 'loud', 'bell'])],
  ]),
} as unknown as Knowledge
const claim = (leader: string) => ({ id: leader, leader, members: [leader] }) as unknown as ClaimRecord
const concept = (word: string, weight: number, alternatives: [string, number][]) => ({
  word,
  words: [word],
  weight,
  known: true,
  alternatives: alternatives.map(([term, closeness]) => ({
    term,
    credit: closeness,
    relation: 'word' as const,
    known: true,
    closeness,
  })),
})
const plan = {
  concepts: [
    concept('lamp', 2, [['lamp', 1]]),
    concept('sale', 3, [
      ['sold', 1],
      ['bell', 0.5],
    ]),
    concept('harbour', 1, [['harbour', 1]]),
  ],
} as unknown as QueryPlan

describe('statementCover', () => {
  it('weighs each concept by the closest of its terms the statement holds', () => {
    expect(statementCover(kb, plan, claim('a'))).toBeCloseTo(1)
    expect(statementCover(kb, plan, claim('b'))).toBeCloseTo(1.5 / 6)
  })

  it('is 0 for a statement the knowledge lacks', () => {
    expect(statementCover(kb, plan, claim('missing'))).toBe(0)
  })
})
