import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/build/build-index.js'
import type { IndexData } from '../../src/build/index-data.js'
import type { ClaimRecord } from '../../src/claims/types.js'
import type { Corpus } from '../../src/corpus/types.js'
import { ROOT } from '../helpers/built.js'

let data: IndexData
let corpus: Corpus
const textOf = (sentenceId: string, start?: number, end?: number): string => {
  const s = data.sentences.find((x) => x.id === sentenceId)
  const doc = corpus.documents.find((d) => d.passages.some((p) => p.id === s?.passageId))
  return doc && s ? doc.text.slice(start ?? s.start, end ?? s.end) : ''
}
const claimStating = (fragment: string): ClaimRecord => {
  const found = data.claims.filter((c) => c.members.some((m) => textOf(m).includes(fragment)))
  expect(found.length, `a claim states "${fragment}"`).toBeGreaterThan(0)
  // The claim whose statement says it, else the one with the most sources.
  const lead = (c: ClaimRecord) => (textOf(c.leader).includes(fragment) ? 1 : 0)
  return found.sort((a, b) => lead(b) - lead(a) || b.sources - a.sources)[0] as ClaimRecord
}
const authorOf = (sentenceId: string) =>
  corpus.documents.flatMap((d) => d.passages).find((p) => sentenceId.startsWith(`${p.id}.`))?.author

beforeAll(() => {
  ;({ data, corpus } = buildIndex(join(ROOT, 'seeds')))
}, 60_000)

describe('claims on the seeds', () => {
  it('groups "mandatory by 2020" from the four sources that say it into one claim', () => {
    const claim = claimStating('mandatory by 2020')
    expect(claim.sources).toBe(4)
    const said = claim.members.map((m) => textOf(m)).join(' | ')
    expect(said).toContain('mandatory from 2020')
    expect(said).toContain('will be mandated')
  })

  it('makes ACLU’s and Falkvinge’s “Anybody can check…” one claim, so Los Los’s “but in fact” contests both', () => {
    const claim = claimStating('Anybody can check anyone else’s score online')
    const said = claim.members.map((m) => textOf(m)).join(' | ')
    expect(said).toContain('using the site Credit China')
    expect(claim.disputes.map((d) => d.detail)).toContain('but in fact')
  })

  it('states no statement twice: no two claims have the same statement', () => {
    const statements = data.claims.map((c) => textOf(c.leader).replace(/\s+/g, ' ').trim())
    expect(new Set(statements).size).toBe(statements.length)
  })

  it('marks the mandatory claim contested by Edward Lin’s “totally OPTIONAL”, an antonym', () => {
    const claim = claimStating('mandatory by 2020')
    const d = claim.disputes.find((x) => textOf(x.sentenceId).includes('totally OPTIONAL'))
    expect(d?.cue).toBe('antonym')
    expect(d?.detail).toMatch(/optional vs mandat/i)
    expect(authorOf(d?.sentenceId ?? '')).toBe('Edward Lin')
  })

  it('never lists the disputing comment as support of the claim it disputes', () => {
    const claim = claimStating('mandatory by 2020')
    expect(claim.members.map((m) => textOf(m)).join(' ')).not.toContain('OPTIONAL')
  })

  it('marks the Alibaba and Tencent claim contested by the comment calling the article inaccurate', () => {
    const claim = claimStating('Alibaba and Tencent')
    expect(claim.sources).toBeGreaterThanOrEqual(3)
    const d = claim.disputes.find((x) =>
      textOf(x.sentenceId).includes('Tencent has its own credit rating system'),
    )
    expect(d).toMatchObject({ cue: 'dispute-language', detail: 'inaccurate' })
  })

  it('finds the comment that quotes the Credit China claim and answers “but in fact”, and cites only its answer', () => {
    const claim = claimStating('using the site Credit China')
    const d = claim.disputes.find((x) => x.cue === 'quote-answer')
    expect(d?.detail).toBe('but in fact')
    const quote = textOf(d?.sentenceId ?? '', d?.start, d?.end)
    expect(quote.startsWith('but in fact, Credit China is more like government run BBB')).toBe(true)
    expect(claim.members.map((m) => textOf(m)).join(' ')).not.toContain('but in fact')
  })

  it('finds the comment that copies the article’s paragraph and answers “Really ?”', () => {
    const claim = claimStating('Not only is the surveillance very overt')
    expect(claim.disputes.map((d) => [d.cue, d.detail])).toContainEqual(['quote-answer', 'Really ?'])
  })

  it('contests what the wiki lists under “Misconceptions in Western Media”', () => {
    const claim = claimStating('roam everywhere under heaven')
    const d = claim.disputes.find((x) => x.cue === 'correction-section')
    expect(textOf(d?.sentenceId ?? '')).toContain('dramatization and false information')
  })

  it('leaves the 350 to 950 range, the car rental and plastic surgery uncontested', () => {
    for (const fragment of [
      'between 350 and 950',
      'rent a car without leaving a deposit',
      'plastic surgery',
    ]) {
      expect(claimStating(fragment).disputes, fragment).toEqual([])
    }
  })

  it('makes the ACLU author’s doubt about his source a caveat on his post, not a dispute of its claims', () => {
    const caveat = data.caveats.find((c) => textOf(c.sentenceId).includes('accuracy of the source'))
    expect(caveat?.sourceId).toBe('aclu-nightmarish-citizen-scores')
    const all = data.claims.flatMap((c) => c.disputes.map((d) => textOf(d.sentenceId)))
    expect(all.join(' ')).not.toContain('accuracy of the source')
  })

  it('makes readers’ doubts about the whole article caveats on it', () => {
    const doubts = data.caveats.filter((c) => c.sourceId === 'falkvinge-credit-score-political-opinions')
    const texts = doubts.map((c) => textOf(c.sentenceId)).join(' | ')
    expect(texts).toContain('source free')
    expect(texts).toContain('ridiculous article')
  })

  it('makes the wiki’s naming of the ACLU article next to “false information” a caveat on that article', () => {
    const c = data.caveats.find(
      (x) =>
        x.sourceId === 'aclu-nightmarish-citizen-scores' &&
        /false information|dramatization/.test(x.detail) &&
        textOf(x.sentenceId).includes('false information'),
    )
    expect(c).toBeDefined()
  })

  it('does not make sentences that each match a different clause of a long sentence its support', () => {
    // “The United States is a much different place than China, and …” shares a clause with a
    // sentence about the author's caution and another about the system's two parts: neither says it.
    const us = claimStating('The United States is a much different place')
    const said = us.members.map((m) => textOf(m)).join(' | ')
    expect(said).not.toContain('I did include a passing caution')
    expect(said).not.toContain('consisted of two parts')
    // The directive sentence says in a clause that friends' scores affect yours: it may support
    // that claim, but no claim it leads gathers the short sentences of that clause.
    for (const c of data.claims.filter((x) =>
      textOf(x.leader).includes('according to the official directive'),
    ))
      expect(c.members.map((m) => textOf(m)).join(' | ')).not.toContain('peers have to say')
  })

  it('still makes a long sentence that holds a claim in one clause its support', () => {
    const range = claimStating('between 350 and 950, which is linked')
    expect(range.members.map((m) => textOf(m)).join(' | ')).toContain('On an Oct. 5 blog post')
  })

  it('makes a sentence that doubts or denies a claim of its own, so that it can be asked about', () => {
    for (const fragment of [
      'this is nonsense',
      'about the accuracy of the source',
      'dramatization and false',
    ]) {
      const claim = claimStating(fragment)
      expect(claim.members).toHaveLength(1)
      expect(textOf(claim.leader)).toContain(fragment)
    }
  })

  it('does not contest what follows the correction in its own paragraph', () => {
    // “Much of this has stemmed from dramatization…” corrects the narrative before it, not the
    // account of where it came from after it.
    expect(claimStating('The first article covering this topic').disputes).toEqual([])
    expect(claimStating('spread the popular narrative').disputes.length).toBeGreaterThan(0)
  })

  it('does not take an opposite said of something else for a dispute', () => {
    // “restrictions are imposed” and “Sesame Credit is totally OPTIONAL” are opposite words said
    // of different things.
    expect(claimStating('restrictions are imposed everywhere').disputes).toEqual([])
  })

  it('never builds a claim from the spam comment', () => {
    const spam = corpus.documents.flatMap((d) => d.passages).filter((p) => p.spam)
    for (const p of spam) expect(data.sentences.some((s) => s.passageId === p.id)).toBe(false)
  })
})
