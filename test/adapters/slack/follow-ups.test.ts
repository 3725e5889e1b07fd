import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  appMentionEvent,
  FAKE_IDS,
  type FakeCall,
  type FakeSlack,
  imMessageEvent,
  nextTs,
  startFakeSlack,
} from '../../fakes/slack.js'
import { useTempDir } from '../../store/temp-dir.js'
import { channelMessageEvent, type Harness, posts, shown, startBot } from './harness.js'

const dir = useTempDir('slack-follow-ups')
let fake: FakeSlack
let h: Harness | undefined

beforeEach(async () => {
  fake = await startFakeSlack()
  h = undefined
})

afterEach(async () => {
  await h?.stop()
  await fake.close()
})

const mention = (question: string, ts = nextTs()) =>
  appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${question}`, ts })

/** Sends an event and waits for the next successful chat.postMessage after those already made. */
async function ask(event: Record<string, unknown>): Promise<FakeCall> {
  const before = posts(fake).length
  await fake.sendEnvelope('events_api', event)
  return fake.waitForCall('chat.postMessage', () => posts(fake).length > before)
}

const inThread = (root: string, text: string) => channelMessageEvent({ text, threadTs: root })

describe('follow-ups on Slack, against the fake Slack', () => {
  it('answers “who disputes that?” in the thread about the answer before it, not as a new question', async () => {
    h = await startBot(fake, { mode: 'socket' })
    const root = nextTs()
    await ask(mention('is it mandatory?', root))
    const followUp = await ask(inThread(root, 'who disputes that?'))
    const text = shown(followUp.body)
    expect(followUp.body).toMatchObject({ channel: 'C1', thread_ts: root })
    expect(text).toContain('The claim in my last answer (to “is it mandatory?”) is disputed:')
    expect(text).toContain('mandatory by 2020')
    expect(text).toContain('Edward Lin')
    // What the engine says to the words alone is not what is shown.
    expect(text).not.toContain('conflicts of interest')
  })

  it('goes on along the thread: “why?” shows the sources, “and the ACLU?” the claim where the ACLU is quoted', async () => {
    h = await startBot(fake, { mode: 'socket' })
    const root = nextTs()
    await ask(mention('is it mandatory?', root))
    const why = shown((await ask(inThread(root, 'why?'))).body)
    expect(why).toMatch(/Who says what in my last answer \(to “is it mandatory\?”\), from 4 sources:/)
    expect(why).toMatch(/Disputed by Edward Lin \(reader comment, /)
    const aclu = shown((await ask(inThread(root, 'and the ACLU?'))).body)
    expect(aclu).toContain('From my last answer (to “is it mandatory?”), the claim where the ACLU is quoted:')
    expect(aclu).toContain('Jay Stanley')
  })

  it('“what else?” brings other claims than the ones already shown in the thread', async () => {
    h = await startBot(fake, { mode: 'socket' })
    const root = nextTs()
    await ask(mention('is it mandatory?', root))
    const more = shown((await ask(inThread(root, 'what else?'))).body)
    expect(more).toContain('More from the sources, on what you asked before (“is it mandatory?”):')
    // Claims are shown as "*1. statement*": none of them is the claim answered before.
    const claims = [...more.matchAll(/^\*\d+\. (.+)\*$/gm)].map((m) => m[1])
    expect(claims.length).toBeGreaterThan(1)
    expect(claims.some((c) => c?.includes('it will be mandatory by 2020'))).toBe(false)
  })

  it('keeps threads apart: a follow-up in a new thread has no answer before it and is asked as it is', async () => {
    h = await startBot(fake, { mode: 'socket' })
    await ask(mention('is it mandatory?'))
    const fresh = shown((await ask(mention('who disputes that?'))).body)
    expect(fresh).not.toContain('my last answer')
  })

  it('follows up in a DM', async () => {
    h = await startBot(fake, { mode: 'socket' })
    await ask(imMessageEvent({ text: 'is it mandatory?' }))
    const followUp = await ask(imMessageEvent({ text: 'is that true?' }))
    expect(followUp.body.channel).toBe(FAKE_IDS.imChannelId)
    expect(shown(followUp.body)).toContain('The claim in my last answer (to “is it mandatory?”) is disputed:')
  })

  it('still knows the thread after a restart: the answers are kept in the store', async () => {
    const databasePath = join(dir, 'restart.db')
    h = await startBot(fake, { mode: 'socket', databasePath })
    const root = nextTs()
    await ask(mention('is it mandatory?', root))
    await h.stop()
    h = await startBot(fake, { mode: 'socket', databasePath })
    // No mention: the thread is known from the store, not from the bot's memory.
    const followUp = await ask(inThread(root, 'who disputes that?'))
    expect(followUp.body).toMatchObject({ thread_ts: root })
    expect(shown(followUp.body)).toContain('The claim in my last answer (to “is it mandatory?”) is disputed:')
  })

  it('answers small talk with what it does, example questions and /sources', async () => {
    h = await startBot(fake, { mode: 'socket' })
    const hi = shown((await ask(mention('hi!'))).body)
    expect(hi).toContain('Hi! I’m citebot.')
    expect(hi).toMatch(/Try “What does [^”]+ say\?” or “What does [^”]+ say\?”/)
    expect(hi).toContain('/sources')
    const chinese = shown((await ask(mention('社会信用体系是强制性的吗？'))).body)
    expect(chinese).toContain('I can only read questions in English, and the sources I quote are in English.')
  })
})
