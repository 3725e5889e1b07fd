import type { AddressInfo } from 'node:net'
import { App } from '@slack/bolt'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  appMentionEvent,
  blockActions,
  type FakeSlack,
  imMessageEvent,
  type RecordingLogger,
  recordingLogger,
  signedRequest,
  slashCommand,
  startFakeSlack,
} from './slack.js'

const SECRET = 'test-signing-secret'

let fake: FakeSlack
let logger: RecordingLogger
let app: App | undefined

beforeEach(async () => {
  fake = await startFakeSlack()
  logger = recordingLogger()
  app = undefined
})

afterEach(async () => {
  await app?.stop()
  await fake.close()
})

/** A real Bolt app in Socket Mode, connected to the fake. */
async function startSocketApp(setup: (app: App) => void): Promise<App> {
  app = new App({
    token: 'xoxb-test',
    appToken: 'xapp-test',
    socketMode: true,
    clientOptions: { slackApiUrl: fake.apiUrl },
    logger,
  })
  setup(app)
  await app.start()
  return app
}

/** A real Bolt app with the default HTTPReceiver on 127.0.0.1; returns its events URL. */
async function startHttpApp(setup: (app: App) => void): Promise<string> {
  app = new App({
    token: 'xoxb-test',
    signingSecret: SECRET,
    clientOptions: { slackApiUrl: fake.apiUrl },
    logger,
  })
  setup(app)
  const server = await app.start({ port: 0, host: '127.0.0.1' })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`
}

describe('the fake Slack with a real Bolt app in Socket Mode', () => {
  it('answers a mention in its thread, acked within 3 s, over a single connection', async () => {
    await startSocketApp((app) =>
      app.event('app_mention', async ({ event, say }) => {
        await say({ text: `You asked: ${event.text}`, thread_ts: event.thread_ts ?? event.ts })
      }),
    )
    const { ack, ms, envelopeId } = await fake.sendEnvelope(
      'events_api',
      appMentionEvent({ text: '<@UBOT> what is a quote?', threadTs: '1700000000.000100' }),
    )
    expect(ack.envelope_id).toBe(envelopeId)
    expect(ms).toBeLessThan(3000)
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body).toMatchObject({
      channel: 'C1',
      thread_ts: '1700000000.000100',
      text: 'You asked: <@UBOT> what is a quote?',
    })
    expect(post.token).toBe('xoxb-test')
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1)
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test')
    expect(fake.socket.connectionCount).toBe(1)
    expect(logger.at('error')).toEqual([])
  })

  it('replies to a direct message in the IM channel', async () => {
    await startSocketApp((app) =>
      app.message(async ({ message, say }) => {
        if (message.channel_type === 'im') await say('Hello from citebot')
      }),
    )
    await fake.sendEnvelope('events_api', imMessageEvent({ text: 'hi' }))
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body).toMatchObject({ channel: 'D1', text: 'Hello from citebot' })
  })

  it('parses blocks sent form-encoded back into objects', async () => {
    await startSocketApp((app) =>
      app.event('app_mention', async ({ say }) => {
        await say({
          text: 'fallback',
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*quote*' } }],
        })
      }),
    )
    await fake.sendEnvelope('events_api', appMentionEvent())
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(post.body.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*quote*' } }])
  })

  it('acks a slash command and answers through its response_url', async () => {
    await startSocketApp((app) =>
      app.command('/ask', async ({ ack, respond, command }) => {
        await ack()
        await respond({ response_type: 'ephemeral', text: `Looking up: ${command.text}` })
      }),
    )
    const responseUrl = fake.responseUrl()
    const { ms } = await fake.sendEnvelope('slash_commands', slashCommand({ text: 'sources', responseUrl }))
    expect(ms).toBeLessThan(3000)
    const response = await fake.waitForResponse()
    expect(responseUrl.endsWith(`/response/${response.id}`)).toBe(true)
    expect(response.body).toEqual({ response_type: 'ephemeral', text: 'Looking up: sources' })
  })

  it('carries the text given to ack() in the ack payload', async () => {
    await startSocketApp((app) => app.command('/help', async ({ ack }) => ack('Usage: /ask <question>')))
    const { ack } = await fake.sendEnvelope(
      'slash_commands',
      slashCommand({ command: '/help', responseUrl: fake.responseUrl() }),
    )
    expect(ack.payload).toEqual({ text: 'Usage: /ask <question>' })
  })

  it('handles a button click with ack() and respond()', async () => {
    await startSocketApp((app) =>
      app.action('show_sources', async ({ ack, respond, action }) => {
        await ack()
        const value = action.type === 'button' ? action.value : undefined
        await respond({ replace_original: false, text: `Sources for ${value}` })
      }),
    )
    const payload = blockActions({ actionId: 'show_sources', value: 'q42', responseUrl: fake.responseUrl() })
    await fake.sendEnvelope('interactive', payload)
    const response = await fake.waitForResponse()
    expect(response.body).toEqual({ replace_original: false, text: 'Sources for q42' })
  })

  it('retries chat.postMessage after a 429, honouring Retry-After, and posts once', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 })
    await startSocketApp((app) => app.event('app_mention', async ({ say }) => void (await say('answer'))))
    await fake.sendEnvelope('events_api', appMentionEvent())
    await fake.waitForCall('chat.postMessage', (c) => c.ok, 10_000)
    const [limited, posted] = fake.callsTo('chat.postMessage')
    expect(limited?.status).toBe(429)
    expect(posted?.ok).toBe(true)
    expect((posted?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000)
    expect(fake.callsTo('chat.postMessage', { ok: true })).toHaveLength(1)
  })

  it('raises a scripted platform error to the app as channel_not_found', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' })
    let reportError: (error: unknown) => void = () => {}
    const failed = new Promise<unknown>((resolve) => {
      reportError = resolve
    })
    await startSocketApp((app) => {
      app.event('app_mention', async ({ say }) => void (await say('answer')))
      app.error(async (error) => reportError(error))
    })
    await fake.sendEnvelope('events_api', appMentionEvent())
    expect(await failed).toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { error: 'channel_not_found' },
    })
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1)
  })

  it('redelivers an envelope with the same id and its retry attempt and reason', async () => {
    const seen: unknown[] = []
    await startSocketApp((app) =>
      app.event(
        'app_mention',
        async ({ context }) => void seen.push([context.retryNum, context.retryReason]),
      ),
    )
    const payload = appMentionEvent()
    const first = await fake.sendEnvelope('events_api', payload)
    const again = await fake.sendEnvelope('events_api', payload, {
      envelopeId: first.envelopeId,
      retryAttempt: 1,
      retryReason: 'timeout',
    })
    expect(again.ack.envelope_id).toBe(first.envelopeId)
    expect(seen).toEqual([
      [0, ''],
      [1, 'timeout'],
    ])
  })

  it('rejects when the app does not ack in time', async () => {
    await startSocketApp((app) => app.command('/silent', async () => {}))
    const sent = fake.sendEnvelope('slash_commands', slashCommand({ command: '/silent', responseUrl: '' }), {
      ackTimeoutMs: 300,
    })
    await expect(sent).rejects.toThrow(/no ack for slash_commands envelope .* within 300 ms/)
  })

  it('lets app.stop() close the socket without a reconnect', async () => {
    const started = await startSocketApp(() => {})
    expect(fake.socket.openSockets).toBe(1)
    await started.stop()
    app = undefined
    await fake.socket.waitForSocketsClosed()
    expect(fake.socket.connectionCount).toBe(1)
    expect(logger.at('error')).toEqual([])
  })
})

describe('signed requests to a real Bolt app over HTTP', () => {
  it('answers a signed url_verification with its challenge', async () => {
    const url = await startHttpApp(() => {})
    const res = await signedRequest(url, SECRET, {
      json: { type: 'url_verification', challenge: 'c-123', token: 't' },
    })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ challenge: 'c-123' })
  })

  it('rejects a bad signature with 401', async () => {
    const url = await startHttpApp(() => {})
    const res = await signedRequest(
      url,
      SECRET,
      { json: { type: 'url_verification', challenge: 'c' } },
      { badSignature: true },
    )
    expect(res.status).toBe(401)
  })

  it('rejects a timestamp more than 5 minutes old with 401', async () => {
    const url = await startHttpApp(() => {})
    const timestamp = Math.floor(Date.now() / 1000) - 6 * 60
    const res = await signedRequest(
      url,
      SECRET,
      { json: { type: 'url_verification', challenge: 'c' } },
      { timestamp },
    )
    expect(res.status).toBe(401)
  })

  it('acks a form-encoded slash command with the ack text as the HTTP body', async () => {
    const url = await startHttpApp((app) =>
      app.command('/ask', async ({ ack, command }) => ack(`got ${command.text}`)),
    )
    const res = await signedRequest(url, SECRET, {
      form: slashCommand({ text: 'x', responseUrl: fake.responseUrl() }),
    })
    expect(res.status).toBe(200)
    expect(res.text).toBe('got x')
  })

  it('handles a payload= button click and a JSON mention, answering through the fake', async () => {
    const url = await startHttpApp((app) => {
      app.action('more', async ({ ack, respond }) => {
        await ack()
        await respond('more quotes')
      })
      app.event(
        'app_mention',
        async ({ event, say }) => void (await say({ text: 'hi', thread_ts: event.ts })),
      )
    })
    const click = blockActions({ actionId: 'more', responseUrl: fake.responseUrl() })
    expect((await signedRequest(url, SECRET, { payload: click })).status).toBe(200)
    expect((await fake.waitForResponse()).body).toEqual({ text: 'more quotes' })
    const mention = appMentionEvent({ ts: '1700000001.000200' })
    expect((await signedRequest(url, SECRET, { json: mention })).status).toBe(200)
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body).toMatchObject({ channel: 'C1', thread_ts: '1700000001.000200', text: 'hi' })
  })
})
