import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDigest } from '../../../src/digest/build-digest.js'
import { appMentionEvent, FAKE_IDS, type FakeSlack, nextTs, startFakeSlack } from '../../fakes/slack.js'
import { seedEngine } from '../../helpers/built.js'
import { type Harness, posts, startBot, strings } from './harness.js'

let fake: FakeSlack
let h: Harness

beforeEach(async () => {
  fake = await startFakeSlack()
  h = await startBot(fake, { mode: 'socket' })
})

afterEach(async () => {
  await h.stop()
  await fake.close()
})

/** Control characters (but tab and newline) and bidi controls, anywhere in a text. */
const UNSEEN = /(?![\t\n])[\p{Cc}\p{Bidi_Control}]/u

/** The text of a posted answer, without its buttons (their values hold the message's ts). */
function answerText(body: Record<string, unknown>): string {
  const blocks = (body.blocks ?? []) as { type: string }[]
  return strings(blocks.filter((b) => b.type !== 'actions')).join('\n')
}

async function ask(text: string): Promise<Record<string, unknown>> {
  const before = posts(fake).length
  await fake.sendEnvelope(
    'events_api',
    appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${text}`, ts: nextTs() }),
  )
  await fake.waitForCall('chat.postMessage', () => posts(fake).length > before)
  return posts(fake)[before]?.body ?? {}
}

describe('what people type, on Slack', () => {
  it('answers a question with mentions of people, channels and groups as it answers the question alone', async () => {
    const plain = answerText(await ask('is it mandatory?'))
    expect(plain).toContain(':warning: *Contested:*')
    for (const mention of [
      '<@U123>',
      '<@U123|bob>',
      '<#C123|general>',
      '<#C123>',
      '<!subteam^S1|@team>',
      '<!here>',
      '<!channel>',
    ]) {
      expect(answerText(await ask(`${mention} is it mandatory?`)), mention).toBe(plain)
    }
    expect(answerText(await ask('is it <@U123|bob> mandatory?'))).toBe(plain)
  })

  it('stores, answers and lists in the digest a question without its control characters and bidi overrides', async () => {
    const typed = 'what\u0000 is the\u0007 weather\u001b in \u009bTokyo\u007f?\u202e\u2066\u200f'
    const asked = Date.now()
    const answer = await ask(typed)
    expect(strings(answer).join('\n')).not.toMatch(UNSEEN)
    const [logged] = await h.store.questionsBetween(
      'slack',
      'C1',
      new Date(asked - 1000),
      new Date(Date.now() + 1000),
    )
    expect(logged?.question).toBe('what is the weather in Tokyo?')
    const at = logged?.at ?? new Date()
    // A question logged before the fix, as it was typed, is cleaned when the digest lists it.
    await h.store.logQuestion({
      platform: 'slack',
      channelId: 'C1',
      question: 'old\u0007 \u202equestion',
      answered: false,
      at,
    })

    const tomorrow = new Date(at.getTime() + 24 * 3600_000).toISOString().slice(0, 10)
    const { digest } = await buildDigest({
      kb: seedEngine().kb,
      store: h.store,
      platform: 'slack',
      channelId: 'C1',
      localDate: tomorrow,
      timeZone: 'UTC',
      kind: 'manual',
    })
    await h.bot.postDigest('C1', digest)
    const post = posts(fake).at(-1)?.body ?? {}
    const shown = strings(post).join('\n')
    expect(shown).toContain('what is the weather in Tokyo?')
    expect(shown).toContain('old question')
    expect(shown).not.toMatch(UNSEEN)
  })
})
