import { describe, expect, it } from 'vitest'
import type { Knowledge } from '../../src/answer/knowledge.js'
import { searchTerms } from '../../src/answer/rank.js'
import type { Concept, QueryPlan } from '../../src/search/query.js'

// A corpus of a million sentences, by how many hold each term.
const corpus = (df: Record<string, number>) =>
  ({
    vocabulary: new Map(Object.entries(df)),
    metaPassages: new Map(),
    sentenceCount: 1_000_000,
  }) as unknown as Knowledge

const concept = (term: string, weight: number, synonyms: string[] = []): Concept => ({
  word: term,
  words: [term],
  weight,
  known: true,
  alternatives: [
    { term, credit: 1, relation: 'word', known: true, closeness: 1 },
    ...synonyms.map((t) => ({ term: t, credit: 0.5, relation: 'syn' as const, known: true, closeness: 0.7 })),
  ],
})

const plan = (concepts: Concept[]): QueryPlan => ({
  concepts,
  terms: new Map(concepts.flatMap((c) => c.alternatives.map((a) => [a.term, a.credit] as const))),
  loose: new Set(),
  typos: new Set(),
})

describe('the terms looked up in a large corpus', () => {
  it('leaves out a term in more than 0.5 % of the sentences', () => {
    const kb = corpus({ china: 90_000, surgeri: 4_000, plastic: 6_000 })
    expect(
      searchTerms(kb, plan([concept('china', 0.05), concept('surgeri', 2), concept('plastic', 1.5)])),
    ).toEqual(['surgeri'])
  })

  it('looks up the rarest of the question’s telling words when every term is that common', () => {
    const kb = corpus({ alibaba: 9_000, tencent: 7_000, behind: 30_000, score: 200_000, ahead: 6_000 })
    const p = plan([concept('alibaba', 1.5), concept('tencent', 1.6), concept('behind', 0.8, ['ahead'])])
    expect(searchTerms(kb, p)).toEqual(['tencent'])
  })

  it('looks every term up in a corpus the size of the seeds', () => {
    const kb = {
      vocabulary: new Map([
        ['credit', 200],
        ['mandatori', 6],
      ]),
      metaPassages: new Map(),
      sentenceCount: 355,
    } as unknown as Knowledge
    expect(searchTerms(kb, plan([concept('credit', 0.05), concept('mandatori', 2)]))).toEqual([
      'credit',
      'mandatori',
    ])
  })
})

describe('the claims one sentence brings into the ranking', () => {
  it('are all of them on the seeds (the cap bites only on a corpus that repeats itself)', async () => {
    const { seedEngine } = await import('../helpers/built.js')
    const { MAX_OFFERS } = await import('../../src/answer/rank.js')
    const kb = seedEngine().kb
    const ids = [...kb.sentencesByPassage.values()].flat().map((s) => s.id)
    const most = (f: (id: string) => number) => Math.max(...ids.map(f))
    expect(most((id) => (kb.memberships.get(id) ?? []).length)).toBeLessThanOrEqual(MAX_OFFERS)
    expect(most((id) => (kb.disputesBy.get(id) ?? []).length)).toBeLessThanOrEqual(MAX_OFFERS)
    expect(most((id) => (kb.memberships.get(id) ?? []).length)).toBeGreaterThan(1)
  })
})
