import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { packSearch } from '../../src/search/packed-search.js'
import {
  buildSearchIndex,
  loadSearchIndex,
  type PassageDoc,
  SEARCH_OPTIONS,
} from '../../src/search/search-index.js'

const doc = (id: string, text: string, who = 'a reader'): PassageDoc => ({
  id,
  text,
  section: id.endsWith('3') ? 'Misconceptions in Western Media' : '',
  title: 'China’s social credit score',
  tags: '',
  who,
})

const docs = [
  doc('s#1', 'The social credit score is mandatory for every citizen by 2020.', 'Jay Stanley article'),
  doc('s#2', 'Sesame Credit is optional: people opt in, and Alibaba runs it.'),
  doc('s#3', 'Buying diapers raises your score, buying video games lowers it.'),
  doc('s#4', 'Surveillance cameras in Rongcheng track jaywalkers; the score is not mandatory.'),
  doc('s#5', 'Tencent and Alibaba were licensed to pilot credit scores.', 'Edward Lin comment'),
]

describe('the packed search index', () => {
  const built = buildSearchIndex(docs)
  const loaded = loadSearchIndex(packSearch(built.toJSON()))
  // What MiniSearch itself loads from the index saved as JSON.
  const reference = MiniSearch.loadJSON<PassageDoc>(JSON.stringify(built), SEARCH_OPTIONS)

  it('finds what the index it was packed from finds, with the same scores and matches', () => {
    const asks: [string, Parameters<typeof built.search>[1]][] = [
      ['score mandatori', {}],
      ['alibaba tencent credit', { boostTerm: (t) => (t === 'credit' ? 0.5 : 1) }],
      ['surveil', { prefix: true }],
      ['tencen alibab', { fuzzy: 0.2, maxFuzzy: 2 }],
      ['lin edward', {}],
      ['nothing', {}],
    ]
    for (const [q, options] of asks) {
      expect(loaded.search(q, options)).toEqual(reference.search(q, options))
      expect(loaded.search(q, options)).toEqual(built.search(q, options))
    }
  })

  it('holds the same terms, documents and frequencies, in the same order as MiniSearch loads them', () => {
    const { storedFields: _a, ...was } = reference.toJSON()
    const { storedFields: _b, ...is } = loaded.toJSON()
    expect(is).toEqual(was)
    expect(loaded.documentCount).toBe(docs.length)
  })
})
