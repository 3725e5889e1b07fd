import { describe, expect, it } from 'vitest'
import { seedEngine } from '../helpers/built.js'

describe('independent lines behind a claim, on the seeds', () => {
  const mandatory = () => {
    const a = seedEngine().ask('is it mandatory?')
    const claim = a.claims.find((c) => /mandatory by 2020/.test(c.statement))
    return { a, claim }
  }

  it('counts the mandatory-by-2020 claim as 2 independent lines: Falkvinge’s post and The Atlantic', () => {
    const { claim } = mandatory()
    expect(claim?.independent).toBe(2)
    expect(claim?.lines?.map((l) => l.root.sourceId)).toEqual([
      'falkvinge-credit-score-political-opinions',
      'atlantic-china-surveillance',
    ])
    expect(claim?.lines?.[0]?.followers.map((f) => [f.sourceId, f.how, f.follows])).toEqual([
      ['aclu-nightmarish-citizen-scores', 'follows', 'falkvinge-credit-score-political-opinions'],
      ['daily-caller-chinese-credit-scoring', 'retells', 'aclu-nightmarish-citizen-scores'],
    ])
  })

  it('names the two lines in the note, after the dispute', () => {
    const { claim } = mandatory()
    expect(claim?.note).toMatch(/^Contested: Edward Lin/)
    expect(claim?.note).toContain(
      'Stated by 4 sources, which trace back to 2 independent ones: Falkvinge’s post of 3 Oct 2015 (the ACLU post follows it; the Daily Caller News Foundation post retells the ACLU post) and the Atlantic article.',
    )
  })

  it('gives each follower the evidence of its link, quoted verbatim', () => {
    const { claim } = mandatory()
    const kb = seedEngine().kb
    for (const f of claim?.lines?.flatMap((l) => l.followers) ?? []) {
      expect(f.evidence.length).toBeGreaterThan(0)
      for (const e of f.evidence) expect(kb.slice(f.sourceId, e.start, e.end)).toBe(e.quote)
    }
  })

  it('says the independent count in the one-line summary', () => {
    const { a } = mandatory()
    expect(a.summary).toMatch(/^Four sources, two of them independent, say “[^”]*mandatory by 2020”/)
    expect(a.summary?.split(/(?<=\.)\s/)).toHaveLength(1)
  })
})
