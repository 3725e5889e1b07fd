import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { rotationOrder } from '../../src/digest/claim-of-the-day.js'
import { claimView } from '../../src/digest/claim-view.js'
import { consolePoster } from '../../src/digest/poster.js'
import type { Digest } from '../../src/digest/types.js'
import { displayQuote } from '../../src/render/attribution.js'
import { renderDigestText, renderReplyText } from '../../src/render/plain-text.js'
import { seedEngine } from '../helpers/built.js'

const kb = seedEngine().kb
const claim = claimView(kb, rotationOrder(kb)[0] ?? '')

const digest: Digest = {
  platform: 'console',
  channelId: 'console',
  localDate: '2024-05-01',
  kind: 'scheduled',
  claim,
  questions: {
    total: 3,
    topics: [
      { term: 'score', count: 2 },
      { term: 'mandatory', count: 1 },
    ],
    unanswered: ['What is the weather in Tokyo?'],
  },
  sources: {
    added: [{ id: 'new', title: 'A new source', url: 'https://example.org/new' }],
    changed: [{ id: 'old', title: 'An updated source', url: null }],
  },
}

describe('the digest as plain text', () => {
  it('shows the date, the claim of the day with its note and quotes, the questions and the sources', () => {
    const text = renderDigestText(digest)
    const lines = text.split('\n')

    expect(lines[0]).toBe('Daily digest — Wednesday 1 May 2024')
    expect(text).toContain('Claim of the day:')
    expect(text).toContain(claim?.note ?? 'no note')
    expect(text).toContain('Stated by:')
    expect(text).toContain('Disputed by:')
    for (const c of [...(claim?.support ?? []), ...(claim?.disputes ?? [])]) {
      expect(text).toContain(`“${displayQuote(c)}”`)
    }
    expect(text).toContain('   3 questions asked.')
    expect(text).toContain('   Topics: score (2), mandatory (1)')
    expect(text).toContain('     • What is the weather in Tokyo?')
    expect(text).toContain('   Added:\n     • A new source <https://example.org/new>')
    expect(text).toContain('   Changed:\n     • An updated source')
  })

  it('says when there is no claim, no question and no source change', () => {
    const text = renderDigestText({
      ...digest,
      kind: 'manual',
      claim: null,
      questions: { total: 0, topics: [], unanswered: [] },
      sources: { added: [], changed: [] },
    })
    expect(text).toBe(
      [
        'Digest on request — Wednesday 1 May 2024',
        '',
        'No claim of the day: the sources have none to show yet.',
        '',
        'Yesterday’s questions here:',
        '   Nobody asked me anything yesterday.',
      ].join('\n'),
    )
  })

  it('renders a digest reply the same way', () => {
    expect(renderReplyText({ kind: 'digest', digest })).toBe(renderDigestText(digest))
  })

  it('is what the console poster writes', async () => {
    const out = new PassThrough()
    let written = ''
    out.on('data', (chunk: Buffer) => {
      written += chunk.toString('utf8')
    })
    await consolePoster(out).post('console', digest)
    expect(written).toBe(`${renderDigestText(digest)}\n`)
  })
})
