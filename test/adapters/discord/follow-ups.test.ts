import type { APIMessage } from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import { checkAndClose, type Running, answerTo as replyTo, startBot } from './harness.js'

let running: Running | undefined

afterEach(async () => {
  const r = running
  running = undefined
  await checkAndClose(r)
})

/** Everything a message shows: its text and its embeds. */
const shown = (m: APIMessage) => JSON.stringify({ content: m.content, embeds: m.embeds })

describe('follow-ups on Discord, against the fake Discord', () => {
  it('answers a reply to its answer about that answer, and the chain goes on', async () => {
    running = await startBot()
    const { fake } = running
    const asked = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    const first = await replyTo(running, asked.id)

    const disputes = fake.messageCreate({ content: 'who disputes that?', replyToMessageId: first.id })
    const second = await replyTo(running, disputes.id)
    expect(second.content).toBe('The claim in my last answer (to “is it mandatory?”) is disputed:')
    expect(second.embeds[0]?.author?.name).toBe('❓ who disputes that?')
    expect(second.embeds[0]?.title).toContain('mandatory by 2020')
    expect(shown(second)).toContain('Edward Lin')

    const why = fake.messageCreate({ content: 'why?', replyToMessageId: second.id })
    const third = await replyTo(running, why.id)
    // Who states and who disputes each claim, by name and source: not the quotes again.
    expect(third.content).toMatch(
      /^Who says what in my last answer \(to “is it mandatory\?”\), from 4 sources:/,
    )
    expect(third.content).toMatch(/Stated by .*Jay Stanley \(article, “China’s Nightmarish/)
    expect(third.content).toMatch(/Disputed by Edward Lin \(reader comment, /)
    expect(third.embeds).toEqual([])
  })

  it('a reply to an older answer of the chain is about that answer', async () => {
    running = await startBot()
    const { fake } = running
    const asked = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    const first = await replyTo(running, asked.id)
    const more = fake.messageCreate({ content: 'what else?', replyToMessageId: first.id })
    const second = await replyTo(running, more.id)
    expect(second.content).toBe('More from the sources, on what you asked before (“is it mandatory?”):')
    expect(second.embeds.some((e) => e.title?.includes('mandatory by 2020'))).toBe(false)

    const back = fake.messageCreate({ content: 'is that true?', replyToMessageId: first.id })
    const third = await replyTo(running, back.id)
    expect(third.content).toBe('The claim in my last answer (to “is it mandatory?”) is disputed:')
  })

  it('follows up in a thread, where each message mentions it', async () => {
    running = await startBot()
    const { fake } = running
    const thread = fake.createThread('social credit')
    const asked = fake.messageCreate({ content: `${fake.botMention} is it mandatory?`, channelId: thread })
    await replyTo(running, asked.id)
    const followUp = fake.messageCreate({ content: `${fake.botMention} and the ACLU?`, channelId: thread })
    const reply = await replyTo(running, followUp.id)
    expect(reply.channel_id).toBe(thread)
    expect(reply.content).toBe(
      'From my last answer (to “is it mandatory?”), the claim where the ACLU is quoted:',
    )
  })

  it('a new mention outside any thread or reply starts afresh: “who disputes that?” is asked as it is', async () => {
    running = await startBot()
    const { fake } = running
    const asked = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    await replyTo(running, asked.id)
    const fresh = fake.messageCreate({ content: `${fake.botMention} who disputes that?` })
    const reply = await replyTo(running, fresh.id)
    expect(reply.content ?? '').not.toContain('my last answer')
  })

  it('a reply to a follow-up answered in words goes on about the answer before it', async () => {
    running = await startBot()
    const { fake } = running
    const asked = fake.messageCreate({
      content: `${fake.botMention} What score range does Sesame Credit use?`,
    })
    const first = await replyTo(running, asked.id)
    const check = fake.messageCreate({ content: 'who disputes that?', replyToMessageId: first.id })
    const words = await replyTo(running, check.id)
    expect(words.embeds).toEqual([])
    expect(words.content).toMatch(
      /^No passage in the sources disputes .+ of my last answer \(to “What score range/,
    )
    const why = fake.messageCreate({ content: 'why?', replyToMessageId: words.id })
    const sources = await replyTo(running, why.id)
    expect(sources.content).toMatch(
      /^Who says what in my last answer \(to “What score range does Sesame Credit use\?”\)/,
    )
  })

  it('keeps a chain’s last 3 answers in the store', async () => {
    running = await startBot()
    const { fake, store } = running
    let message = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    let answer = await replyTo(running, message.id)
    // "why?" is answered in words (who says what), not with an answer of its own to remember.
    for (const text of ['why?', 'who disputes that?', 'what else?', 'and the ACLU?']) {
      message = fake.messageCreate({ content: text, replyToMessageId: answer.id })
      answer = await replyTo(running, message.id)
    }
    const turn = await store.turnByMessage('discord', answer.id, new Date())
    const turns = await store.recentTurns('discord', turn?.conversationKey ?? '', new Date())
    expect(turns).toHaveLength(3)
    expect(
      turns.map((t) => (JSON.parse(t.payload) as { answer: { question: string } }).answer.question),
    ).toEqual(['and the ACLU?', 'what else?', 'who disputes that?'])
  })
})
