import { describe, expect, it } from 'vitest'
import type { Answer, Claim } from '../../src/answer/types.js'
import { COMMANDS, parseCommand } from '../../src/chat/commands.js'
import { type SourceSummary, summarizeSources } from '../../src/chat/sources.js'
import type { Digest } from '../../src/digest/types.js'
import { SLACK_LIMITS } from '../../src/render/limits.js'
import {
  ACTION_IDS,
  decodeAnswerRef,
  encodeAnswerRef,
  limitProblems,
  mentionTokens,
  renderAnswerBlocks,
  renderDigestBlocks,
  renderHelpBlocks,
  renderReplyBlocks,
  renderSourcesBlocks,
  type SlackMessage,
} from '../../src/render/slack-blocks.js'
import { quoteEntry } from '../../src/render/slack-claim.js'
import { citation, claim } from '../helpers/answers.js'
import { seedEngine } from '../helpers/built.js'

function answer(claims: Claim[], over: Partial<Answer> = {}): Answer {
  return { question: 'what is it?', answered: true, claims, caveats: [], ...over }
}

const caveat = () => ({
  sourceId: 's1',
  title: 'A source',
  note: 'Someone doubts A source.',
  citation: citation(),
})

/** Every string anywhere in a message (texts, values, urls). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings)
  return []
}

const allText = (m: SlackMessage) => strings(m).join('\n')
const ref = { key: 'C1:1700000000.000100', question: 'what is it?' }

describe('an answer in Block Kit', () => {
  const real = seedEngine().ask('is it mandatory?')

  it('marks the mandatory claim contested, with its quotes as block quotes, who said them and where', () => {
    const m = renderAnswerBlocks(real, { ref })
    const text = allText(m)
    expect(real.claims[0]?.contested).toBe(true)
    expect(text).toContain(':warning: *Contested:* Edward Lin')
    expect(text).not.toContain('*Contested:* Contested:')
    expect(text).toContain('>“While the system is voluntary for now, it will be mandatory by 2020.”')
    expect(text).toContain(
      '— *The Atlantic* (article), <https://www.theatlantic.com/international/archive/2018/02/china-surveillance/552203/|',
    )
    expect(text).toContain('*Disputed by*')
    expect(text).toContain('— *Edward Lin* (reader comment), _In China, Your Credit Score')
    expect(text).toContain('*Caveats on the sources*')
    expect(limitProblems(m)).toEqual([])
    expect(mentionTokens(text)).toEqual([])
    // The notification is the bottom line, which the message opens with too.
    expect(m.text).toBe(real.summary)
    expect(m.text).toMatch(
      /^Four sources, two of them independent, say “.*mandatory by 2020”; Edward Lin, a reader, disputes it/,
    )
    expect(JSON.stringify(m.blocks[0])).toContain('Four sources, two of them independent, say')
  })

  it('puts 👍/👎 under the answer, carrying the answer key and the question', () => {
    const m = renderAnswerBlocks(real, { ref })
    const actions = m.blocks.at(-1) as { type: string; elements: { action_id: string; value: string }[] }
    expect(actions.type).toBe('actions')
    expect(actions.elements.map((e) => e.action_id)).toEqual([ACTION_IDS.feedbackUp, ACTION_IDS.feedbackDown])
    expect(decodeAnswerRef(actions.elements[0]?.value)).toEqual(ref)
  })

  it('adds "Share in channel" and the question for an /ask answer, but not to an unanswered question', () => {
    const m = renderAnswerBlocks(real, { ref, share: true, showQuestion: true })
    expect(JSON.stringify(m.blocks.at(-1))).toContain(ACTION_IDS.share)
    expect(JSON.stringify(m.blocks[0])).toContain('*Question:* is it mandatory?')
    const none = renderAnswerBlocks(seedEngine().ask('what is the weather in Tokyo?'), { ref, share: true })
    expect(JSON.stringify(none.blocks)).not.toContain(ACTION_IDS.share)
    expect(none.text).toContain('The sources don’t answer that')
  })

  it('marks an undisputed claim with a check mark', () => {
    const m = renderAnswerBlocks(answer([claim()]))
    expect(allText(m)).toContain(':white_check_mark: Not disputed in the sources')
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false)
  })

  it('renders exactly 50 blocks when the claims fill the message, with nothing left out', () => {
    // Question context + 16 claims (2 blocks each, a divider between) + caveats + actions = 50.
    const claims = Array.from({ length: 16 }, () => claim())
    const m = renderAnswerBlocks(answer(claims, { caveats: [caveat()] }), { ref, showQuestion: true })
    expect(m.blocks).toHaveLength(SLACK_LIMITS.blocks)
    expect(allText(m)).not.toContain('left out')
    expect(allText(m)).toContain(`*16. ${claims[15]?.statement}*`)
    expect(limitProblems(m)).toEqual([])
  })

  it('cuts one claim past the limit at a claim boundary and says how many were left out', () => {
    const claims = Array.from({ length: 17 }, () => claim())
    const m = renderAnswerBlocks(answer(claims, { caveats: [caveat()] }), { ref, showQuestion: true })
    expect(limitProblems(m)).toEqual([])
    const text = allText(m)
    expect(text).toContain(`*15. ${claims[14]?.statement}*`)
    expect(text).not.toContain(claims[15]?.statement ?? '?')
    expect(text).toContain('2 more claims left out — ask a narrower question')
    // Every shown claim is whole: its quote is there too.
    expect(text).toContain(claims[14]?.support[0]?.quote ?? '?')
    expect(m.blocks.at(-1)?.type).toBe('actions')
  })

  it('shows a quote that exactly fills a section, and drops one a character longer whole, saying so', () => {
    const head = '*Stated by*\n'
    const base = quoteEntry(citation({ quote: '' }))
    const fits = 'x'.repeat(SLACK_LIMITS.sectionText - head.length - base.length)
    const exact = renderAnswerBlocks(answer([claim({ support: [citation({ quote: fits })] })]))
    expect(limitProblems(exact)).toEqual([])
    expect(allText(exact)).toContain(`>“${fits}”`)
    const over = renderAnswerBlocks(answer([claim({ support: [citation({ quote: `${fits}x` })] })]))
    expect(limitProblems(over)).toEqual([])
    expect(allText(over)).not.toContain(fits)
    expect(allText(over)).toContain('1 more quote not shown')
  })

  it('never cuts a quote: long quotes are packed whole into sections, the rest counted', () => {
    const quotes = Array.from({ length: 10 }, (_, i) => citation({ quote: `${i}:${'y'.repeat(1300)}` }))
    const m = renderAnswerBlocks(answer([claim({ support: quotes, disputes: quotes.slice(0, 2) })]))
    expect(limitProblems(m)).toEqual([])
    const text = allText(m)
    for (const q of quotes) {
      const shown = text.includes(q.quote)
      if (!shown) expect(text).not.toContain(q.quote.slice(0, 10))
    }
    expect(text).toContain('6 more quotes not shown')
  })

  it('escapes sources and questions so that nothing posted pings or links', () => {
    const nasty = '<!channel> @here <@U123> <!subteam^S1> & <https://evil.example|click>'
    const a = answer(
      [
        claim({
          statement: `Statement ${nasty}`,
          contested: true,
          note: `Contested: ${nasty}`,
          support: [citation({ quote: nasty, author: '@everyone', title: `Title ${nasty}` })],
          disputes: [citation({ quote: nasty, voice: 'comment', author: null, url: 'javascript:alert(1)' })],
        }),
      ],
      { question: nasty, caveats: [{ ...caveat(), note: nasty }] },
    )
    const m = renderAnswerBlocks(a, {
      ref: { key: 'k', question: nasty },
      showQuestion: true,
      sharedBy: '@here',
    })
    for (const s of strings(m)) expect(mentionTokens(s)).toEqual([])
    expect(allText(m)).not.toContain('<https://evil.example')
    expect(allText(m)).not.toContain('javascript:')
    expect(allText(m)).toContain('unnamed reader')
  })
})

describe('the other replies in Block Kit', () => {
  it('lists the sources with linked titles, within the limits', () => {
    const m = renderSourcesBlocks(summarizeSources(seedEngine().kb))
    expect(limitProblems(m)).toEqual([])
    expect(allText(m)).toContain('*1.*')
  })

  it('cuts a very long source list with a count of what was left out', () => {
    const [one] = summarizeSources(seedEngine().kb)
    if (one === undefined) throw new Error('no sources')
    const many: SourceSummary[] = Array.from({ length: 2000 }, (_, i) => ({ ...one, title: `Source ${i}` }))
    const m = renderSourcesBlocks(many)
    expect(limitProblems(m)).toEqual([])
    expect(allText(m)).toMatch(/\d+ more sources left out/)
  })

  it('shows usage with its angle brackets escaped', () => {
    const usage = parseCommand('', '/ask')
    expect(usage.kind).toBe('usage')
    const m = renderReplyBlocks({ kind: 'text', text: usage.kind === 'usage' ? usage.message : '' })
    expect(allText(m)).toContain('/ask &lt;question&gt;')
  })

  it('shows the help with every command', () => {
    const m = renderHelpBlocks(COMMANDS)
    for (const c of COMMANDS.filter((c) => c.name !== 'help')) expect(allText(m)).toContain(`/${c.name}`)
    expect(allText(m)).toContain('`@citebot help` — Show this help.')
    expect(allText(m)).not.toContain('/help')
    expect(limitProblems(m)).toEqual([])
  })

  it('keeps a button value within 2000 characters however long the question', () => {
    const long = `"${'é\\"'.repeat(3000)}`
    const value = encodeAnswerRef({ key: 'C1:1.2', question: long })
    expect(value.length).toBeLessThanOrEqual(2000)
    expect(decodeAnswerRef(value)?.key).toBe('C1:1.2')
    expect(decodeAnswerRef('not json')).toBeNull()
    const tricky = 'a &lt; b <!here> @channel & c'
    expect(decodeAnswerRef(encodeAnswerRef({ key: 'k', question: tricky }))?.question).toBe(tricky)
  })
})

describe('a digest in Block Kit', () => {
  const real = seedEngine().ask('is it mandatory?').claims[0] ?? null
  const digest = (over: Partial<Digest> = {}): Digest => ({
    platform: 'slack',
    channelId: 'C1',
    localDate: '2024-05-02',
    kind: 'scheduled',
    claim: real,
    questions: {
      total: 7,
      topics: [
        { term: 'mandatory', count: 3 },
        { term: 'score', count: 2 },
      ],
      unanswered: ['what is the weather in Tokyo? <!here>'],
    },
    sources: {
      added: [{ id: 'n', title: 'New <source>', url: 'https://example.org/new' }],
      changed: [{ id: 'c', title: 'Changed source', url: null }],
    },
    ...over,
  })

  it('has a header, the claim of the day with its quotes and note, the questions and the sources', () => {
    const m = renderDigestBlocks(digest())
    const text = allText(m)
    expect(m.blocks[0]?.type).toBe('header')
    expect(text).toContain('Daily digest · 2024-05-02')
    expect(text).toContain('*Claim of the day*')
    expect(text).toContain(':warning: *Contested:*')
    expect(text).toContain('>“While the system is voluntary for now')
    expect(text).toContain('7 questions asked.')
    expect(text).toContain('*Topics:* mandatory (3) · score (2)')
    expect(text).toContain('• what is the weather in Tokyo? &lt;!here&gt;')
    expect(text).toContain('<https://example.org/new|New &lt;source&gt;>')
    expect(text).toContain('_Changed source_')
    expect(limitProblems(m)).toEqual([])
    for (const s of strings(m)) expect(mentionTokens(s)).toEqual([])
  })

  it('says so when there is no claim, no question and no new source', () => {
    const m = renderDigestBlocks(
      digest({
        kind: 'manual',
        claim: null,
        questions: { total: 0, topics: [], unanswered: [] },
        sources: { added: [], changed: [] },
      }),
    )
    const text = allText(m)
    expect(text).toContain('Digest on request')
    expect(text).toContain('None yet')
    expect(text).toContain('Nobody asked me anything yesterday.')
    expect(text).toContain('No sources were added or changed.')
  })

  it('drops whole unanswered questions to stay inside a section', () => {
    const unanswered = Array.from({ length: 100 }, (_, i) => `question ${i} ${'z'.repeat(150)}`)
    const m = renderDigestBlocks(digest({ questions: { total: 100, topics: [], unanswered } }))
    expect(limitProblems(m)).toEqual([])
    expect(allText(m)).toMatch(/…and \d+ more questions/)
  })
})
