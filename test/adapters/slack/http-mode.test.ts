import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  appMentionEvent,
  blockActions,
  FAKE_IDS,
  type FakeSlack,
  nextTs,
  signedRequest,
  slashCommand,
  startFakeSlack,
} from '../../fakes/slack.js'
import { buttonValue, type Harness, mentionTokensSent, posts, SECRET, shown, startBot } from './harness.js'

let fake: FakeSlack
let h: Harness

beforeEach(async () => {
  fake = await startFakeSlack()
  // The API URL without its trailing slash, as people write it: the bot must still reach /api/<method>.
  h = await startBot(fake, { mode: 'http', apiUrl: fake.apiUrl.replace(/\/$/, '') })
})

afterEach(async () => {
  await h.stop()
  await fake.close()
})

const mention = (question: string, ts = nextTs()) =>
  appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${question}`, ts })

describe('citebot in HTTP mode, with signed requests', () => {
  it('listens on the port it was given (0: any free port) and says which', () => {
    expect(h.bot.mode).toBe('http')
    expect(h.bot.port).toBeGreaterThan(0)
  })

  it('answers url_verification with its challenge', async () => {
    const res = await signedRequest(h.url, SECRET, {
      json: { type: 'url_verification', challenge: 'c-42', token: 't' },
    })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ challenge: 'c-42' })
  })

  it('acks a signed mention at once and answers it in a thread', async () => {
    const ts = nextTs()
    const started = performance.now()
    const res = await signedRequest(h.url, SECRET, { json: mention('is it mandatory?', ts) })
    expect(res.status).toBe(200)
    expect(performance.now() - started).toBeLessThan(3000)
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body).toMatchObject({ channel: 'C1', thread_ts: ts })
    expect(shown(post.body)).toContain(':warning: *Contested:*')
    expect(mentionTokensSent(fake)).toEqual([])
  })

  it('rejects a bad signature and a stale timestamp with 401, answering nothing', async () => {
    const bad = await signedRequest(
      h.url,
      SECRET,
      { json: mention('is it mandatory?') },
      { badSignature: true },
    )
    expect(bad.status).toBe(401)
    const stale = await signedRequest(
      h.url,
      SECRET,
      { json: mention('is it mandatory?') },
      { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 },
    )
    expect(stale.status).toBe(401)
    // A valid request afterwards is the only one answered.
    await signedRequest(h.url, SECRET, { json: mention('what is a credit score?') })
    await fake.waitForCall('chat.postMessage')
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1)
  })

  it('refuses a signed request dated more than 5 minutes ahead, as one dated more than 5 minutes behind', async () => {
    const nowS = Math.floor(Date.now() / 1000)
    for (const offset of [10 * 60, 5 * 60 + 30, -(5 * 60 + 30)]) {
      const res = await signedRequest(
        h.url,
        SECRET,
        { json: mention('is it mandatory?') },
        { timestamp: nowS + offset },
      )
      expect(res.status, `dated ${offset} s from now`).toBe(401)
    }
    const refused = h.logs.filter((l) => l.msg.startsWith('refused a Slack request dated'))
    // Seconds from local time, negative when ahead of it (to the nearest 10 s: the clock moved meanwhile).
    expect(refused.map((l) => Math.round(Number(l.skewSeconds) / 10) * 10)).toEqual([-600, -330, 330])
    // Within 5 minutes either way, it is answered.
    const ahead = await signedRequest(
      h.url,
      SECRET,
      { json: mention('is it mandatory?') },
      { timestamp: nowS + 4 * 60 },
    )
    expect(ahead.status).toBe(200)
    await fake.waitForCall('chat.postMessage')
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1)
  })

  it('answers an event once when Slack retries it with X-Slack-Retry-Num', async () => {
    const event = mention('is it mandatory?')
    expect((await signedRequest(h.url, SECRET, { json: event })).status).toBe(200)
    await fake.waitForCall('chat.postMessage')
    const retry = await signedRequest(
      h.url,
      SECRET,
      { json: event },
      { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } },
    )
    expect(retry.status).toBe(200)
    await signedRequest(h.url, SECRET, { json: mention('what is a credit score?') })
    await fake.waitForCall('chat.postMessage', (c) => c !== posts(fake)[0])
    expect(posts(fake)).toHaveLength(2)
    expect(h.logs.find((l) => l.msg.includes('dropped a redelivered'))).toMatchObject({ retryNum: 1 })
  })

  it('answers a form-encoded /ask privately and stores a 👍 clicked on it', async () => {
    const responseUrl = fake.responseUrl()
    const res = await signedRequest(h.url, SECRET, {
      form: slashCommand({ text: 'is it mandatory?', responseUrl }),
    })
    expect(res.status).toBe(200)
    expect(res.text).toBe('')
    const answer = await fake.waitForResponse()
    expect(answer.body.response_type).toBe('ephemeral')
    const up = fake.responseUrl()
    const click = blockActions({
      actionId: 'feedback_up',
      value: buttonValue(answer.body, 'feedback_up'),
      responseUrl: up,
    })
    expect((await signedRequest(h.url, SECRET, { payload: click })).status).toBe(200)
    const thanks = await fake.waitForResponse((r) => up.endsWith(`/${r.id}`))
    expect(thanks.body.response_type).toBe('ephemeral')
    expect(await h.store.feedbackSummary('slack')).toEqual({ up: 1, down: 0 })
  })
})
