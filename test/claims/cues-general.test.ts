import { cpSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/build/build-index.js'
import type { IndexData } from '../../src/build/index-data.js'
import type { ClaimRecord } from '../../src/claims/types.js'
import type { Corpus } from '../../src/corpus/types.js'
import { ROOT } from '../helpers/built.js'

// Two documents of our own, about a bridge toll, added to the seeds: the cues must work on text
// the engine was not tuned on, with the statistics of a real corpus around them.
let data: IndexData
let corpus: Corpus
const textOf = (id: string, start?: number, end?: number) => {
  const s = data.sentences.find((x) => x.id === id)
  const doc = corpus.documents.find((d) => d.passages.some((p) => p.id === s?.passageId))
  return doc && s ? doc.text.slice(start ?? s.start, end ?? s.end) : ''
}
const claimLedBy = (fragment: string): ClaimRecord => {
  const c = data.claims.find((x) => textOf(x.leader).includes(fragment))
  expect(c, `a claim led by "${fragment}"`).toBeDefined()
  return c as ClaimRecord
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-harbor-'))
  for (const f of readdirSync(join(ROOT, 'seeds'))) cpSync(join(ROOT, 'seeds', f), join(dir, f))
  for (const f of readdirSync(join(ROOT, 'test/fixtures/harbor')))
    cpSync(join(ROOT, 'test/fixtures/harbor', f), join(dir, f))
  ;({ data, corpus } = buildIndex(dir))
}, 60_000)

describe('dispute cues on documents the engine was not tuned on', () => {
  it('groups the same fine stated by the paper and the wiki into one claim', () => {
    const c = claimLedBy('will be fined')
    expect(c.sources).toBe(2)
  })

  it('finds a reader calling the toll claim nonsense and saying it is optional', () => {
    const c = claimLedBy('toll will be mandatory')
    const d = c.disputes.find((x) => textOf(x.sentenceId).includes('totally optional'))
    expect(d?.cue === 'antonym' || d?.cue === 'dispute-language').toBe(true)
  })

  it('finds the author’s update negating the unanimous vote', () => {
    const c = claimLedBy('approved the toll in a unanimous vote')
    const d = c.disputes.find((x) => textOf(x.sentenceId).includes('was not unanimous'))
    expect(d?.cue).toBe('author-update')
  })

  it('finds the wiki’s correction of the unanimous vote under its misconceptions heading', () => {
    const c = claimLedBy('approved the toll in a unanimous vote')
    const d = c.disputes.find((x) => x.cue === 'correction-section')
    expect(textOf(d?.sentenceId ?? '')).toContain('This is a myth')
  })

  it('keeps a negated statement out of the claim it negates, and lets the correction agree with it', () => {
    const c = claimLedBy('was not unanimous')
    expect(c.members.map((m) => textOf(m)).join(' ')).not.toContain('in a unanimous vote last spring')
    expect(c.disputes).toEqual([])
  })

  it('makes the update’s doubt about its source a caveat on the paper', () => {
    const caveat = data.caveats.find((x) =>
      textOf(x.sentenceId).includes('accuracy of the source I relied on'),
    )
    expect(caveat?.sourceId).toBe('city-gazette-harbor-bridge-toll')
  })

  it('leaves an undisputed opinion uncontested', () => {
    expect(claimLedBy('steep but fair').disputes).toEqual([])
  })
})
