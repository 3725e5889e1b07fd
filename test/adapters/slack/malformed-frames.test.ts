import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { socketFrameProblem } from '../../../src/adapters/slack/socket-guard.js'
import { appMentionEvent, FAKE_IDS, type FakeSlack, nextTs, startFakeSlack } from '../../fakes/slack.js'
import { type Harness, shown, startBot } from './harness.js'

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

const envelope = (fields: Record<string, unknown>) =>
  JSON.stringify({ envelope_id: 'e-bad', accepts_response_payload: false, retry_attempt: 0, ...fields })

/** Frames a broken or hostile Slack could send, each with the reason the guard gives. */
const MALFORMED: [frame: string, problem: string][] = [
  [envelope({ type: 'events_api' }), 'events_api without payload'],
  [
    envelope({ type: 'events_api', payload: { type: 'event_callback' } }),
    'events_api without payload.event.type',
  ],
  [
    envelope({ type: 'events_api', payload: { event: { text: 'no type' } } }),
    'events_api without payload.event.type',
  ],
  [envelope({ type: 'slash_commands' }), 'slash_commands without payload'],
  [envelope({ type: 'interactive', payload: null }), 'interactive without payload'],
  [
    JSON.stringify({ type: 'events_api', payload: { event: { type: 'app_mention' } } }),
    'events_api without envelope_id',
  ],
  ['{"envelope_id": "e-cut", "type": "events_a', 'not JSON'],
  ['hello, world', 'not JSON'],
  ['null', 'not a JSON object'],
  ['[1, 2]', 'not a JSON object'],
  [envelope({ payload: {} }), 'no type'],
  [envelope({ type: 'error', payload: {} }), 'unknown type "error"'],
  [envelope({ type: 'something_new', payload: {} }), 'unknown type "something_new"'],
]

describe('malformed Socket Mode frames', () => {
  it.each(MALFORMED.map(([frame, problem]) => ({ frame, problem })))(
    'names what is wrong with a frame: $problem',
    ({ frame, problem }) => {
      expect(socketFrameProblem(frame)).toBe(problem)
    },
  )

  it('reads what Slack documents as well formed', () => {
    expect(socketFrameProblem(JSON.stringify({ type: 'hello', num_connections: 1 }))).toBeNull()
    expect(socketFrameProblem(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested' }))).toBeNull()
    const mention = appMentionEvent({ text: 'x' })
    expect(socketFrameProblem(envelope({ type: 'events_api', payload: mention }))).toBeNull()
    expect(socketFrameProblem(envelope({ type: 'slash_commands', payload: { command: '/ask' } }))).toBeNull()
  })

  it('logs and drops each malformed frame, stays connected, and answers the next mention', async () => {
    h = await startBot(fake, { mode: 'socket' })
    for (const [frame] of MALFORMED) expect(fake.socket.sendRaw(frame)).toBe(1)
    const ts = nextTs()
    await fake.sendEnvelope(
      'events_api',
      appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> is it mandatory?`, ts }),
    )
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body).toMatchObject({ channel: 'C1', thread_ts: ts })
    expect(shown(post.body)).toContain(':warning: *Contested:*')

    const dropped = h.logs.filter((l) => l.msg.startsWith('dropped a malformed Socket Mode frame'))
    expect(dropped.map((l) => l.problem)).toEqual(MALFORMED.map(([, problem]) => problem))
    expect(h.logs.filter((l) => l.msg === 'a Socket Mode frame could not be handled')).toEqual([])
    expect(fake.socket.connectionCount).toBe(1)
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1)
  })
})
