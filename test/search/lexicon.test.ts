import { describe, expect, it } from 'vitest'
import { comparisons } from '../../src/search/lexicon.js'
import { seedEngine } from '../helpers/built.js'

const { kb } = seedEngine()
const related = (key: string) => (kb.lexicon[key] ?? []).map(([term]) => term)

describe('comparatives and superlatives', () => {
  it('forms them as English does', () => {
    expect(comparisons('low')).toEqual(['lower', 'lowest'])
    expect(comparisons('late')).toEqual(['later', 'latest'])
    expect(comparisons('easy')).toEqual(['easier', 'easiest'])
    expect(comparisons('big')).toEqual(['bigger', 'biggest'])
    expect(comparisons('good')).toEqual(['better', 'best'])
  })

  it('ties an adjective to the forms the corpus has, both ways', () => {
    // The seeds say "lower scores" and "higher"; a question says "low" or "highest".
    expect(related('low')).toContain('lower')
    expect(related('lower')).toContain('low')
    expect(related('highest')).toEqual(expect.arrayContaining(['high', 'higher']))
  })

  it('leaves out a form that is a common noun of its own', () => {
    expect(related('numb')).not.toContain('number')
  })
})
