import { describe, expect, it } from 'vitest'
import { SentenceFactsCache, unitsOf } from '../../src/answer/sentence-facts.js'
import type { SentenceRecord } from '../../src/claims/types.js'

const factsOf = (text: string) =>
  new SentenceFactsCache(() => text).get({
    id: text,
    passageId: 'p',
    start: 0,
    end: text.length,
  } as SentenceRecord)

describe('words held only inside a larger unit', () => {
  it('keys a hyphenated word by all its words, a stop word as itself', () => {
    const facts = factsOf('the dangers we cite are well-founded, but')
    expect([...(facts.parts.get('found') ?? [])]).toEqual(['well found'])
    expect(facts.parts.has('danger')).toBe(false)
  })

  it('keys a name of several capitalised words, and leaves a word also used alone out', () => {
    const facts = factsOf('Vice President Pence spoke, and the president left.')
    expect(facts.parts.has('penc')).toBe(true)
    expect(facts.parts.has('presid')).toBe(false)
  })

  it('finds the units a question asks', () => {
    expect(unitsOf('what does cherry-pick do?')).toContain('cherri pick')
    expect(unitsOf('what does git pull do?')).toContain('git pull')
    expect([...unitsOf('who founded Alibaba?')].some((u) => u.includes('well'))).toBe(false)
    expect([...(factsOf('git-cherry-pick - Apply the changes').parts.get('pick') ?? [])]).toEqual([
      'git cherri pick',
    ])
  })
})
