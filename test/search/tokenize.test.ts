import { describe, expect, it } from 'vitest'
import { terms, tokenize } from '../../src/search/text.js'

describe('tokenize', () => {
  it('reads a number glued to its magnitude as the two words, as written apart', () => {
    expect(terms('a £1.5million lamp')).toEqual(terms('a £1.5 million lamp'))
    expect(terms('sold for $72Million')).toEqual(terms('sold for $72 million'))
    // Offsets still point into the text.
    const text = 'paid 2billion'
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.word)
  })

  it('reads a number word as its digits', () => {
    expect(terms('Eleven boats and seven lamps')).toEqual(terms('11 boats and 7 lamps'))
    // "one" is more often a pronoun than a count.
    expect(terms('one of the boats')).not.toContain('1')
  })

  it('leaves other words with digits whole', () => {
    expect(terms('the K5 robot')).toContain('k5')
  })
})
