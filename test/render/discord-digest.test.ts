import { describe, expect, it } from 'vitest'
import { Engine } from '../../src/answer/engine.js'
import { loadKnowledge } from '../../src/build/load.js'
import type { Digest } from '../../src/digest/types.js'
import { renderDigest, renderReply } from '../../src/render/discord-embeds.js'
import { embedsLength } from '../../src/render/discord-message.js'
import { DISCORD_LIMITS } from '../../src/render/limits.js'

const engine = new Engine(loadKnowledge().knowledge)
const contested = engine.ask('is it mandatory?').claims[0] ?? null

function digest(over: Partial<Digest> = {}): Digest {
  return {
    platform: 'discord',
    channelId: '1',
    localDate: '2024-05-02',
    kind: 'scheduled',
    claim: contested,
    questions: {
      total: 7,
      topics: [
        { term: 'mandatory', count: 3 },
        { term: 'sesame_credit', count: 2 },
      ],
      unanswered: ['what is the weather in Tokyo?', '@everyone **who** pays?'],
    },
    sources: {
      added: [{ id: 'a', title: 'A New Source', url: 'https://example.com/new' }],
      changed: [{ id: 'b', title: 'An Old Source', url: null }],
    },
    ...over,
  }
}

describe('renderDigest', () => {
  it('shows the claim of the day with its quotes and contested note, yesterday’s questions and the sources', () => {
    const m = renderDigest(digest())
    expect(m.allowedMentions).toEqual({ parse: [] })
    expect(m.components).toEqual([])
    const [claim, questions, sources] = m.embeds
    expect(claim?.author?.name).toBe('📰 Daily digest · 2024-05-02')
    expect(claim?.title).toBe(
      'Claim of the day: While the system is voluntary for now, it will be mandatory by 2020.',
    )
    expect(claim?.description).toContain('⚠️ **Contested**: Edward Lin')
    expect(claim?.description).toContain('**Disputed by**\n> Besides,nobody ever cares')
    expect(questions?.title).toBe('Yesterday’s questions here')
    expect(questions?.description).toBe(
      [
        '**7 questions** asked.',
        '**Topics:** mandatory (3) · sesame\\_credit (2)',
        '**Not answered by the sources:**',
        '• what is the weather in Tokyo?',
        '• @\u200beveryone \\*\\*who\\*\\* pays?',
      ].join('\n'),
    )
    expect(sources?.description).toBe(
      '**Added:**\n• [A New Source](https://example.com/new)\n**Changed:**\n• *An Old Source*',
    )
  })

  it('says when there is no claim of the day, no question and no new source', () => {
    const m = renderDigest(
      digest({
        kind: 'manual',
        claim: null,
        questions: { total: 0, topics: [], unanswered: [] },
        sources: { added: [], changed: [] },
      }),
    )
    expect(m.embeds).toHaveLength(2)
    expect(m.embeds[0]?.author?.name).toBe('📰 Digest on request · 2024-05-02')
    expect(m.embeds[0]?.description).toBe('No claim of the day: the sources have none to show yet.')
    expect(m.embeds[1]?.description).toBe('Nobody asked me anything yesterday.')
  })

  it('stays within the limits with very many unanswered questions and sources, saying how many were left out', () => {
    const m = renderReply({
      kind: 'digest',
      digest: digest({
        questions: {
          total: 900,
          topics: Array.from({ length: 40 }, (_, i) => ({ term: `term${i}`, count: 40 - i })),
          unanswered: Array.from({ length: 300 }, (_, i) => `question ${i} ${'x'.repeat(300)}`),
        },
        sources: {
          added: Array.from({ length: 200 }, (_, i) => ({ id: `${i}`, title: `Source ${i}`, url: null })),
          changed: [],
        },
      }),
    })
    expect(embedsLength(m.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal)
    for (const e of m.embeds) {
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription)
    }
    expect(m.embeds[1]?.description).toMatch(/\*…and \d+ more questions\.\*$/)
    expect(m.embeds[2]?.description).toMatch(/\*…and \d+ more sources\.\*$/)
    expect(m.embeds[0]?.title).toContain('Claim of the day')
  })
})
