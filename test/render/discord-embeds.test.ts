import type { APIEmbed } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { Engine } from '../../src/answer/engine.js'
import type { Answer, Caveat, Citation, Claim } from '../../src/answer/types.js'
import { loadKnowledge } from '../../src/build/load.js'
import { COMMANDS } from '../../src/chat/commands.js'
import { summarizeSources } from '../../src/chat/sources.js'
import {
  type DiscordMessage,
  renderAnswer,
  renderReply,
  renderSources,
  renderText,
} from '../../src/render/discord-embeds.js'
import {
  type DiscordLimits,
  embedLength,
  embedsLength,
  parseFeedbackId,
  questionOf,
} from '../../src/render/discord-message.js'
import { DISCORD_LIMITS } from '../../src/render/limits.js'

const engine = new Engine(loadKnowledge().knowledge)

/** Fails unless the message is within every limit Discord enforces. */
function expectWithinLimits(m: DiscordMessage, limits: DiscordLimits = DISCORD_LIMITS): void {
  expect(m.allowedMentions).toEqual({ parse: [] })
  expect(m.content?.length ?? 0).toBeLessThanOrEqual(limits.content)
  expect(m.embeds.length).toBeLessThanOrEqual(limits.embeds)
  expect(embedsLength(m.embeds)).toBeLessThanOrEqual(limits.embedTotal)
  for (const e of m.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(limits.embedTitle)
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(limits.embedDescription)
    expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(limits.embedTitle)
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(limits.footerText)
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(limits.embedFields)
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(limits.fieldName)
      expect(f.value.length).toBeLessThanOrEqual(limits.fieldValue)
    }
  }
}

let n = 0
function cite(quote: string, over: Partial<Citation> = {}): Citation {
  n += 1
  return {
    sourceId: 'src',
    file: 'a.txt',
    title: 'A Source',
    url: 'https://example.com/a',
    voice: 'article',
    author: 'Ann Writer',
    passageId: `src#${n}`,
    quote,
    start: 0,
    end: quote.length,
    ...over,
  }
}

function claim(statement: string, support: Citation[], disputes: Citation[] = []): Claim {
  return {
    id: `c${statement.length}`,
    statement,
    contested: disputes.length > 0,
    note:
      disputes.length > 0
        ? `Contested: Bob, in a reader comment, says “${disputes[0]?.quote.slice(0, 40)}”.`
        : 'Not disputed in the sources; stated only by A Source.',
    support,
    disputes,
  }
}

function answer(claims: Claim[], caveats: Caveat[] = []): Answer {
  return { question: 'is it mandatory?', answered: true, claims, caveats }
}

/** A quote of exactly `length` characters that contains no Markdown. */
const words = (length: number, seed = 'word') => `${`${seed} `.repeat(length).slice(0, length - 1)}.`

const blockQuotes = (e: APIEmbed) => (e.description ?? '').split('\n').filter((l) => l.startsWith('> '))

describe('renderAnswer', () => {
  it('renders the contested claim with its note marked, its quotes, who said them and the disputing comment', () => {
    const a = engine.ask('is it mandatory?')
    const m = renderAnswer(a)
    expectWithinLimits(m)
    const first = m.embeds[0]
    expect(first?.author?.name).toBe('❓ is it mandatory?')
    expect(first?.title).toContain('mandatory by 2020')
    expect(first?.color).toBe(0xd9463e)
    const d = first?.description ?? ''
    expect(d.startsWith('⚠️ **Contested**: ')).toBe(true)
    expect(d).toContain(
      '**Stated by**\n> While the system is voluntary for now, it will be mandatory by 2020.',
    )
    expect(d).toContain(
      "— The Atlantic (article), [China's surveillance state (excerpt from The Atlantic, with commentary)](https://www.theatlantic.com/international/archive/2018/02/china-surveillance/552203/)",
    )
    expect(d).toContain(
      '**Disputed by**\n> Besides,nobody ever cares about Sesame Credit cuz its totally OPTIONAL!',
    )
    expect(d).toContain('— Edward Lin (reader comment), *In China, Your Credit Score')
    const caveats = m.embeds.at(-1)
    expect(caveats?.title).toBe('Caveats on the sources')
    expect(caveats?.description).toContain('• Jay Stanley, in an update to the ACLU post, doubts the source')
  })

  it('puts 👍 and 👎 buttons under an answer and reads the question back from it', () => {
    const m = renderAnswer(engine.ask('is it mandatory?'))
    const buttons = m.components[0]?.components ?? []
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : null))).toEqual([
      'feedback:up',
      'feedback:down',
    ])
    expect(buttons.map((b) => ('emoji' in b ? b.emoji?.name : null))).toEqual(['👍', '👎'])
    expect(parseFeedbackId('feedback:down')).toBe('down')
    expect(parseFeedbackId('other:up')).toBeNull()
    expect(questionOf(m.embeds)).toBe('is it mandatory?')
  })

  it('marks an undisputed claim green and says it is not disputed', () => {
    const m = renderAnswer(answer([claim('It is blue.', [cite('It is blue.')])]))
    expect(m.embeds[0]?.color).toBe(0x2e9e5b)
    expect(m.embeds[0]?.description).toMatch(
      /^✅ \*\*Not disputed\*\* in the sources; stated only by A Source\./,
    )
    expect(m.embeds[0]?.title).toBe('It is blue.')
  })

  it('says plainly when the sources do not answer, still with buttons', () => {
    const m = renderAnswer(engine.ask('what is the weather in Tokyo?'))
    expectWithinLimits(m)
    expect(m.embeds).toHaveLength(1)
    expect(m.embeds[0]?.description).toContain('The sources don’t answer that')
    expect(m.components).toHaveLength(1)
  })

  it('escapes Markdown and breaks mentions in quotes, notes, titles and the question', () => {
    const nasty = '@everyone look: **bold** _it_ [x](https://evil.example) <@123> <@&5> ||s||'
    const a: Answer = {
      ...answer([claim(`# ${nasty}`, [cite(`> ${nasty}`, { author: '@here', title: `[${nasty}]` })])]),
      question: `@everyone <@123> *why*?`,
    }
    const m = renderAnswer(a)
    const all = JSON.stringify(m.embeds)
    expect(all).not.toMatch(/@everyone|@here|<@\d|<@&\d/)
    expect(all).not.toContain(' [x](https://evil.example)')
    const d = m.embeds[0]?.description ?? ''
    expect(d).toContain('> \\> @\u200beveryone look: \\*\\*bold\\*\\* \\_it\\_ \\[x\\](https://evil.example)')
    expect(m.embeds[0]?.author?.name).toBe('❓ @\u200beveryone <@\u200b123> *why*?')
    expect(questionOf(m.embeds)).toBe('@everyone <@123> *why*?')
  })

  it('shows every claim when the answer is exactly at the 6000-character limit, and cuts the last claim one past it', () => {
    const claims = [0, 1, 2].map((i) =>
      claim(
        `Statement ${i}.`,
        [cite(words(380, `s${i}`)), cite(words(300, `t${i}`))],
        [cite(words(200, `d${i}`))],
      ),
    )
    claims.push(claim('Last statement.', [cite(words(390, 'last'))]))
    const a = answer(claims)
    const roomy = { ...DISCORD_LIMITS, embedTotal: 100_000 }
    const size = embedsLength(renderAnswer(a, { limits: roomy }).embeds)

    const atLimit = renderAnswer(a, { limits: { ...DISCORD_LIMITS, embedTotal: size } })
    expect(embedsLength(atLimit.embeds)).toBe(size)
    expect(atLimit.embeds).toHaveLength(4)
    expect(atLimit.embeds.some((e) => e.footer)).toBe(false)

    const limits = { ...DISCORD_LIMITS, embedTotal: size - 1 }
    const past = renderAnswer(a, { limits })
    expectWithinLimits(past, limits)
    expect(past.embeds).toHaveLength(3)
    expect(past.embeds[2]?.footer?.text).toBe('1 more claim left out — ask a narrower question to see them.')
  })

  it('drops whole quotes, never part of one, when a claim is one character past the description limit', () => {
    const quotes = [1, 2, 3, 4].map((i) => cite(words(390, `q${i}`)))
    const a = answer([claim('One claim.', quotes)])
    const roomy = { ...DISCORD_LIMITS, embedDescription: 100_000 }
    const full = renderAnswer(a, { limits: roomy, maxQuotesPerSide: 10 }).embeds[0]?.description ?? ''

    const atLimit = { ...DISCORD_LIMITS, embedDescription: full.length }
    const kept = renderAnswer(a, { limits: atLimit, maxQuotesPerSide: 10 }).embeds[0]
    expect(kept?.description).toBe(full)
    expect(blockQuotes(kept ?? {})).toHaveLength(4)

    const onePast = { ...DISCORD_LIMITS, embedDescription: full.length - 1 }
    const cut = renderAnswer(a, { limits: onePast, maxQuotesPerSide: 10 })
    expectWithinLimits(cut, onePast)
    const lines = blockQuotes(cut.embeds[0] ?? {})
    expect(lines).toEqual(quotes.slice(0, 3).map((q) => `> ${q.quote}`))
    expect(cut.embeds[0]?.description).toContain('*1 more quote left out.*')
  })

  it('keeps a huge answer within Discord’s limits, cut at a claim boundary, saying how many claims were left out', () => {
    const claims = Array.from({ length: 14 }, (_, i) =>
      claim(
        `${'Long statement '.repeat(30)}${i}`,
        Array.from({ length: 6 }, (_, j) => cite(words(400, `s${i}x${j}`))),
        Array.from({ length: 4 }, (_, j) =>
          cite(words(400, `d${i}x${j}`), { voice: 'comment', author: null }),
        ),
      ),
    )
    const caveats = Array.from({ length: 12 }, (_, i) => ({
      sourceId: 'src',
      title: 'A Source',
      note: words(300, `caveat${i}`),
      citation: cite('doubt'),
    }))
    const m = renderAnswer(answer(claims, caveats))
    expectWithinLimits(m)
    const claimEmbeds = m.embeds.filter((e) => e.title?.includes('Long statement'))
    expect(claimEmbeds.length).toBeGreaterThan(0)
    expect(claimEmbeds.map((e) => e.title?.slice(0, 3))).toEqual(claimEmbeds.map((_, i) => `${i + 1}. `))
    const left = 14 - claimEmbeds.length
    expect(claimEmbeds.at(-1)?.footer?.text).toBe(
      `${left} more claims left out — ask a narrower question to see them.`,
    )
    for (const e of claimEmbeds) {
      for (const line of blockQuotes(e)) expect(line).toMatch(/^> (s|d)\d+x\d .*\.$/)
      expect(e.description).toContain('— unnamed reader (reader comment)')
      expect(embedLength(e)).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription + DISCORD_LIMITS.embedTitle)
    }
    expect(m.embeds.at(-1)?.description).toMatch(/more caveats left out\.\*$/)
  })

  it('uses at most 10 embeds, counting the caveats', () => {
    const claims = Array.from({ length: 12 }, (_, i) => claim(`S${i}.`, [cite(`Q${i}.`)]))
    const caveat = { sourceId: 'src', title: 'A Source', note: 'Doubted.', citation: cite('doubt') }
    const m = renderAnswer(answer(claims, [caveat]))
    expectWithinLimits(m)
    expect(m.embeds).toHaveLength(10)
    expect(m.embeds[8]?.footer?.text).toBe('3 more claims left out — ask a narrower question to see them.')
    expect(m.embeds[9]?.title).toBe('Caveats on the sources')
  })
})

describe('renderReply', () => {
  it('lists the sources as fields, within the limits', () => {
    const m = renderReply({ kind: 'sources', sources: summarizeSources(engine.kb) })
    expectWithinLimits(m)
    expect(m.embeds[0]?.title).toBe('Sources I quote from (5)')
    expect(m.embeds[0]?.fields?.[0]).toMatchObject({
      name: '1. Chinese Credit Scoring System Smacks Of Censorship',
      value: expect.stringContaining('Steve Ambrose, Daily Caller News Foundation'),
    })
    expect(m.embeds[0]?.fields?.[4]?.value).toContain('[Read the original](https://www.theatlantic.com/')
  })

  it('spreads many sources over several embeds and says how many did not fit', () => {
    const one = summarizeSources(engine.kb)[0]
    if (!one) throw new Error('no sources')
    const many = Array.from({ length: 30 }, (_, i) => ({ ...one, id: `s${i}`, title: `Source ${i}` }))
    const m = renderSources(many)
    expectWithinLimits(m)
    expect(m.embeds.map((e) => e.fields?.length)).toEqual([25, 5])
    const huge = Array.from({ length: 400 }, (_, i) => ({
      ...one,
      id: `s${i}`,
      title: `${'T'.repeat(200)} ${i}`,
    }))
    const cut = renderSources(huge)
    expectWithinLimits(cut)
    const shown = cut.embeds.reduce((k, e) => k + (e.fields?.length ?? 0), 0)
    expect(cut.embeds.at(-1)?.footer?.text).toBe(`${400 - shown} more sources left out.`)
  })

  it('sends text as content within 2000 characters, with mentions broken', () => {
    const m = renderText(`@everyone ${'x '.repeat(1500)}`)
    expectWithinLimits(m)
    expect(m.content?.length).toBeGreaterThan(1980)
    expect(m.content?.endsWith('x…')).toBe(true)
    expect(m.content?.startsWith('@\u200beveryone')).toBe(true)
    expect(m.embeds).toEqual([])
    expect(renderText('/sources lists them').content).toBe('/sources lists them')
  })

  it('shows the commands as help', () => {
    const m = renderReply({ kind: 'help', commands: COMMANDS })
    expectWithinLimits(m)
    expect(m.embeds[0]?.fields?.map((f) => f.name)).toEqual([
      '/ask <question>',
      '/sources',
      '/digest subscribe [HH:MM] [time zone] | unsubscribe | status | now',
    ])
  })

  it('sends allowedMentions { parse: [] } with every kind of reply', () => {
    const replies = [
      { kind: 'answer' as const, answer: engine.ask('is it mandatory?') },
      { kind: 'sources' as const, sources: [] },
      { kind: 'help' as const, commands: COMMANDS },
      { kind: 'text' as const, text: 'hi' },
    ]
    for (const r of replies) expect(renderReply(r).allowedMentions).toEqual({ parse: [] })
  })
})
