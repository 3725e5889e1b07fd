import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadKnowledge } from '../../src/build/load.js'
import { planQuery } from '../../src/search/query.js'
import { ROOT } from '../helpers/built.js'

const kb = loadKnowledge({ indexDir: join(ROOT, 'index'), seedsDir: join(ROOT, 'seeds') }).knowledge
const conceptOf = (question: string, word: string) =>
  planQuery(question, kb).concepts.find((c) => c.word === word || c.words.join(' ') === word)

describe('a compound of the lexicon in a question', () => {
  it('stands for its own last word first, then its broader words (“plastic surgery” → surgery, operation)', () => {
    const c = conceptOf('Why are people getting plastic surgery?', 'plastic surgery')
    expect(c?.alternatives[0]).toMatchObject({ term: 'surgeri', relation: 'word', credit: 1 })
    // The broader word counts for less than the compound's own word.
    const operation = c?.alternatives.find((a) => a.term === 'oper')
    expect(operation?.credit).toBeLessThan(1)
  })

  it('has no head in a particle or a stop word (“show off” is not “off”)', () => {
    const c = conceptOf('Where do people go to show off their scores?', 'show off')
    expect(c?.alternatives.map((a) => a.term)).not.toContain('off')
  })

  it('is searched for by its own word at full credit, its broader words at less', () => {
    const plan = planQuery('Why are people getting plastic surgery?', kb)
    expect(plan.terms.get('surgeri')).toBe(1)
    expect(plan.terms.get('oper') ?? 0).toBeLessThan(1)
  })
})
