import { describe, expect, it } from 'vitest'
import { namesOf } from '../../src/search/names.js'
import { phraseKey } from '../../src/search/text.js'
import { seedEngine } from '../helpers/built.js'

// A name's key is its words' stems, as a question's words are looked up (see phraseKey).
const keys = (text: string) => namesOf(text).map((n) => n.term.replace(/_/g, ' '))

describe('names of several words', () => {
  it('finds runs of capitalised words, without a stop word at either end', () => {
    expect(keys('Anybody can check it using the site Credit China, which helps')).toEqual(['credit china'])
    expect(keys('According to Human Rights Watch, Li Xiaolin, a lawyer')).toEqual([
      'human rights watch',
      'li xiaolin',
    ])
    expect(keys('The Atlantic says so. In China it is. Though I doubt it')).toEqual([])
  })

  it('is no name across punctuation or a line break, nor longer than four words', () => {
    expect(keys('Alibaba, Tencent')).toEqual([])
    expect(keys('Sesame\nCredit')).toEqual([])
    expect(keys('Chinese Credit Scoring System Smacks Of Censorship')).toEqual([])
  })

  it('reads a country written in capitals as its name, not as the word “us”', () => {
    expect(keys('In the U.S, individuals gain access to loans')).toEqual(['united states'])
    expect(keys('as in the United States, the scores')).toEqual(['united states'])
    expect(keys('tell US what you think')).toEqual(['united states'])
    expect(namesOf('In the U.S, individuals').map((n) => n.key)).toEqual([phraseKey(['united', 'states'])])
    expect(keys('TELL US')).toEqual([])
    const a = seedEngine().ask('Does the U.S. have something like it?')
    expect(a.claims[0]?.support.some((q) => /United States|U\.S/.test(q.quote))).toBe(true)
  })

  it('lets a question that names something find what is said of it, not of its common words', () => {
    // "credit" and "China" are in nearly every passage; "Credit China" is a website.
    const a = seedEngine().ask('What is Credit China?')
    expect(a.claims[0]?.statement).toContain('the site Credit China')
  })
})
