import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SLACK_LIMITS } from '../../../src/render/limits.js'
import { limitProblems, type SlackMessage } from '../../../src/render/slack-blocks.js'
import {
  appMentionEvent,
  blockActions,
  FAKE_IDS,
  type FakeSlack,
  imMessageEvent,
  nextTs,
  slashCommand,
  startFakeSlack,
} from '../../fakes/slack.js'
import { unusedUrl } from '../../helpers/free-port.js'
import {
  buttonValue,
  channelMessageEvent,
  type Harness,
  mentionTokensSent,
  posts,
  shown,
  startBot,
} from './harness.js'

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

async function start(options: Partial<Parameters<typeof startBot>[1]> = {}): Promise<Harness> {
  h = await startBot(fake, { mode: 'socket', ...options })
  return h
}

const mention = (question: string, ts = nextTs()) =>
  appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${question}`, ts })

describe('citebot in Socket Mode, against the fake Slack', () => {
  it('connects with the app token at the configured API URL, over one socket', async () => {
    await start()
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test-token')
    expect(fake.socket.openSockets).toBe(1)
    expect(h?.bot.mode).toBe('socket')
    expect(h?.bot.port).toBeNull()
  })

  it('refuses to start when Slack rejects the bot token, saying which variable to fix', async () => {
    fake.setHandler('auth.test', () => ({ ok: false, error: 'invalid_auth' }))
    await expect(startBot(fake, { mode: 'socket' })).rejects.toThrow(
      'Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth). Check SLACK_BOT_TOKEN',
    )
    expect(fake.callsTo('apps.connections.open')).toHaveLength(0)
  })

  it('says Slack could not be reached at SLACK_API_URL when nothing listens there, not that it refused the token', async () => {
    const apiUrl = await unusedUrl('/api/')
    const error = await startBot(fake, { mode: 'socket', apiUrl }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'SlackStartError', slackError: 'request_failed' })
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Slack could not be reached at ${apiUrl} \\(auth\\.test: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\)\\. Check SLACK_API_URL \\(unset, it is https://slack\\.com/api/\\) and the network\\.$`,
      ),
    )
  }, 30_000)

  it('refuses to start when Slack rejects the app token', async () => {
    await expect(startBot(fake, { mode: 'socket', appToken: 'xoxb-not-an-app-token' })).rejects.toMatchObject(
      {
        name: 'SlackStartError',
        slackError: 'invalid_auth',
        message: expect.stringContaining('SLACK_APP_TOKEN (apps.connections.open: invalid_auth)'),
      },
    )
  })

  it('answers a mention in a thread under the question, with quotes, the contested note and buttons', async () => {
    await start()
    const ts = nextTs()
    const { ms } = await fake.sendEnvelope('events_api', mention('is it mandatory?', ts))
    expect(ms).toBeLessThan(3000)
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body).toMatchObject({ channel: 'C1', thread_ts: ts })
    expect(post.token).toBe('xoxb-test-token')
    const text = shown(post.body)
    expect(text).toMatch(/\*(1\. )?While the system is voluntary for now, it will be mandatory by 2020\.\*/)
    expect(text).toContain(':warning: *Contested:* Edward Lin, in a reader comment')
    expect(text).toContain('>“Besides,nobody ever cares about Sesame Credit cuz its totally OPTIONAL!”')
    expect(text).toContain('— *Edward Lin* (reader comment)')
    expect(text).toContain('👍 Helpful')
    expect(limitProblems(post.body as unknown as SlackMessage)).toEqual([])
    expect((post.body.blocks as unknown[]).length).toBeLessThanOrEqual(SLACK_LIMITS.blocks)
    expect(mentionTokensSent(fake)).toEqual([])
  })

  it('answers a question that is out of scope by saying so, in the thread', async () => {
    await start()
    const ts = nextTs()
    await fake.sendEnvelope('events_api', mention('what is the weather in Tokyo?', ts))
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body).toMatchObject({ thread_ts: ts })
    expect(shown(post.body)).toContain('The sources don’t answer that')
  })

  it('lets nothing in a question reach Slack as a mention', async () => {
    await start()
    const ts = nextTs()
    await fake.sendEnvelope(
      'events_api',
      mention('is it <!channel> @here <@U123> <!subteam^S1|@team> mandatory?', ts),
    )
    await fake.waitForCall('chat.postMessage')
    const responseUrl = fake.responseUrl()
    await fake.sendEnvelope(
      'slash_commands',
      slashCommand({ text: 'is it <!channel> @here <@U123> mandatory?', responseUrl }),
    )
    const response = await fake.waitForResponse()
    // Mention tokens are left out of the question; "@here" typed as text is shown without its ping.
    expect(shown(response.body)).toContain('*Question:* is it @\u2060here mandatory?')
    expect(mentionTokensSent(fake)).toEqual([])
  })

  it('answers a mention inside a thread in that thread', async () => {
    await start()
    const root = nextTs()
    await fake.sendEnvelope(
      'events_api',
      appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> is it mandatory?`, threadTs: root }),
    )
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body.thread_ts).toBe(root)
  })

  it('answers a follow-up in a thread it answered in, without a new mention, and ignores other threads', async () => {
    await start()
    const root = nextTs()
    await fake.sendEnvelope('events_api', mention('is it mandatory?', root))
    await fake.waitForCall('chat.postMessage')
    // The same mention also arrives as a channel message: not answered twice.
    await fake.sendEnvelope(
      'events_api',
      channelMessageEvent({ text: `<@${FAKE_IDS.botUserId}> is it mandatory?`, ts: root }),
    )
    await fake.sendEnvelope(
      'events_api',
      channelMessageEvent({ text: 'is it optional?', threadTs: nextTs() }),
    )
    await fake.sendEnvelope('events_api', channelMessageEvent({ text: 'just chatting' }))
    const followUp = nextTs()
    await fake.sendEnvelope(
      'events_api',
      channelMessageEvent({ text: 'who says it is optional?', ts: followUp, threadTs: root }),
    )
    const second = await fake.waitForCall('chat.postMessage', (c) => c !== posts(fake)[0])
    expect(second.body).toMatchObject({ channel: 'C1', thread_ts: root })
    expect(posts(fake)).toHaveLength(2)
  })

  it('answers a direct message in the DM, not in a thread', async () => {
    await start()
    await fake.sendEnvelope('events_api', imMessageEvent({ text: 'is it mandatory?' }))
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body.channel).toBe(FAKE_IDS.imChannelId)
    expect(post.body.thread_ts).toBeUndefined()
    expect(shown(post.body)).toContain(':warning: *Contested:*')
  })

  it('answers every message of a group DM (mpim) in it, like a DM, with no mention needed', async () => {
    await start()
    await fake.sendEnvelope(
      'events_api',
      channelMessageEvent({ text: 'is it mandatory?', channel: 'G7', extra: { channel_type: 'mpim' } }),
    )
    const post = await fake.waitForCall('chat.postMessage')
    expect(post.body).toMatchObject({ channel: 'G7' })
    expect(post.body.thread_ts).toBeUndefined()
    expect(shown(post.body)).toContain(':warning: *Contested:*')
  })

  it('ignores bots, edits and joins, and answers the person after them', async () => {
    await start()
    await fake.sendEnvelope('events_api', imMessageEvent({ text: 'is it mandatory?', user: 'U9' }))
    await fake.waitForCall('chat.postMessage')
    const ignored = [
      channelMessageEvent({
        text: 'is it mandatory?',
        channel: 'D3',
        extra: { bot_id: 'B2', channel_type: 'im' },
      }),
      channelMessageEvent({ text: 'x', extra: { subtype: 'channel_join' } }),
      channelMessageEvent({ text: 'x', extra: { subtype: 'message_changed', channel_type: 'im' } }),
      channelMessageEvent({
        text: 'is it mandatory?',
        user: FAKE_IDS.botUserId,
        extra: { channel_type: 'im' },
      }),
    ]
    for (const event of ignored) await fake.sendEnvelope('events_api', event)
    await fake.sendEnvelope(
      'events_api',
      imMessageEvent({ text: 'is it optional?', user: 'U8', channel: 'D2' }),
    )
    await fake.waitForCall('chat.postMessage', (c) => c.body.channel === 'D2')
    expect(posts(fake).map((p) => p.body.channel)).toEqual([FAKE_IDS.imChannelId, 'D2'])
  })

  it('shows the help for a bare mention and the sources for "/sources" in a mention', async () => {
    await start()
    await fake.sendEnvelope('events_api', appMentionEvent({ text: `<@${FAKE_IDS.botUserId}>` }))
    const help = await fake.waitForCall('chat.postMessage')
    expect(shown(help.body)).toContain('/ask &lt;question&gt;')
    await fake.sendEnvelope('events_api', mention('/sources'))
    const sources = await fake.waitForCall('chat.postMessage', (c) => c !== help)
    expect(shown(sources.body)).toMatch(/I quote from \d+ sources/)
  })

  it('answers a redelivered event (retry_attempt) once', async () => {
    await start()
    const event = mention('is it mandatory?')
    const first = await fake.sendEnvelope('events_api', event)
    await fake.waitForCall('chat.postMessage')
    const again = await fake.sendEnvelope('events_api', event, {
      envelopeId: first.envelopeId,
      retryAttempt: 1,
      retryReason: 'timeout',
    })
    expect(again.ms).toBeLessThan(3000)
    await fake.sendEnvelope('events_api', mention('what is a credit score?'))
    await fake.waitForCall('chat.postMessage', (c) => c !== posts(fake)[0])
    expect(posts(fake)).toHaveLength(2)
    expect(h?.logs.some((l) => l.msg.includes('dropped a redelivered Slack event'))).toBe(true)
  })

  it('answers a redelivery whose first delivery never arrived', async () => {
    await start()
    await fake.sendEnvelope('events_api', mention('is it mandatory?'), {
      retryAttempt: 2,
      retryReason: 'timeout',
    })
    await fake.waitForCall('chat.postMessage')
    expect(posts(fake)).toHaveLength(1)
  })

  it('answers /ask privately, then "Share in channel" posts it for everyone', async () => {
    await start()
    const responseUrl = fake.responseUrl()
    const { ack, ms } = await fake.sendEnvelope(
      'slash_commands',
      slashCommand({ text: 'is it mandatory?', responseUrl }),
    )
    expect(ms).toBeLessThan(3000)
    expect(ack.payload ?? {}).toEqual({})
    const response = await fake.waitForResponse()
    expect(response.body.response_type).toBe('ephemeral')
    expect(shown(response.body)).toContain('*Question:* is it mandatory?')
    expect(shown(response.body)).toContain('Share in channel')
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0)

    const shareUrl = fake.responseUrl()
    const value = buttonValue(response.body, 'share_answer')
    await fake.sendEnvelope(
      'interactive',
      blockActions({ actionId: 'share_answer', value, responseUrl: shareUrl }),
    )
    const shared = await fake.waitForCall('chat.postMessage')
    expect(shared.body.channel).toBe('C1')
    expect(shared.body.thread_ts).toBeUndefined()
    expect(shown(shared.body)).toContain('Shared by alice')
    expect(shown(shared.body)).toContain(':warning: *Contested:*')
    expect(shown(shared.body)).not.toContain('Share in channel')
    const tidy = await fake.waitForResponse((r) => shareUrl.endsWith(`/${r.id}`))
    expect(tidy.body).toMatchObject({ delete_original: true })
    expect(mentionTokensSent(fake)).toEqual([])
  })

  it('apologises privately when sharing fails because the bot is not in the channel', async () => {
    await start()
    const responseUrl = fake.responseUrl()
    await fake.sendEnvelope('slash_commands', slashCommand({ text: 'is it mandatory?', responseUrl }))
    const value = buttonValue((await fake.waitForResponse()).body, 'share_answer')
    fake.failNext('chat.postMessage', { error: 'not_in_channel' })
    const shareUrl = fake.responseUrl()
    await fake.sendEnvelope(
      'interactive',
      blockActions({ actionId: 'share_answer', value, responseUrl: shareUrl }),
    )
    const sorry = await fake.waitForResponse((r) => shareUrl.endsWith(`/${r.id}`))
    expect(sorry.body).toMatchObject({ response_type: 'ephemeral', replace_original: false })
    expect(String(sorry.body.text)).toContain('slack error: not_in_channel')
    expect(String(sorry.body.text)).toContain('/invite @citebot')
  })

  it('lists the sources privately for /sources', async () => {
    await start()
    const responseUrl = fake.responseUrl()
    await fake.sendEnvelope('slash_commands', slashCommand({ command: '/sources', text: '', responseUrl }))
    const response = await fake.waitForResponse()
    expect(response.body.response_type).toBe('ephemeral')
    expect(shown(response.body)).toMatch(/I quote from \d+ sources/)
    expect(shown(response.body)).toContain('China’s Nightmarish Citizen Scores')
  })

  it('answers /ask with no text, and an unknown command, with usage', async () => {
    await start()
    const empty = fake.responseUrl()
    await fake.sendEnvelope('slash_commands', slashCommand({ text: '  ', responseUrl: empty }))
    expect(shown((await fake.waitForResponse()).body)).toContain('Usage: /ask &lt;question&gt;')
    const unknown = fake.responseUrl()
    await fake.sendEnvelope(
      'slash_commands',
      slashCommand({ command: '/frobnicate', text: 'x', responseUrl: unknown }),
    )
    const response = await fake.waitForResponse((r) => unknown.endsWith(`/${r.id}`))
    expect(shown(response.body)).toContain('I don’t know /frobnicate')
  })

  it('passes /digest arguments to the digest handler and shows its reply privately', async () => {
    const seen: string[] = []
    await start({
      digest: (args, ctx) => {
        seen.push(`${args}@${ctx.channelId}`)
        return { kind: 'text', text: `Digest ${args}: daily at 09:00` }
      },
    })
    const responseUrl = fake.responseUrl()
    await fake.sendEnvelope(
      'slash_commands',
      slashCommand({ command: '/digest', text: 'status', responseUrl }),
    )
    const response = await fake.waitForResponse()
    expect(seen).toEqual(['status@C1'])
    expect(response.body.response_type).toBe('ephemeral')
    expect(shown(response.body)).toContain('Digest status: daily at 09:00')
  })

  it('says digests are not available yet when there is no digest handler', async () => {
    await start()
    const responseUrl = fake.responseUrl()
    await fake.sendEnvelope(
      'slash_commands',
      slashCommand({ command: '/digest', text: 'status', responseUrl }),
    )
    expect(shown((await fake.waitForResponse()).body)).toContain('not available yet')
  })

  it('stores a 👍 and then a 👎 on an answer, acknowledging only to the clicker', async () => {
    const harness = await start()
    const ts = nextTs()
    await fake.sendEnvelope('events_api', mention('is it mandatory?', ts))
    const post = await fake.waitForCall('chat.postMessage')
    const up = fake.responseUrl()
    const click = (actionId: string, responseUrl: string) =>
      blockActions({
        actionId,
        value: buttonValue(post.body, actionId),
        responseUrl,
        messageTs: String(post.response.ts),
        threadTs: ts,
      })
    const { ms } = await fake.sendEnvelope('interactive', click('feedback_up', up))
    expect(ms).toBeLessThan(3000)
    const thanks = await fake.waitForResponse((r) => up.endsWith(`/${r.id}`))
    expect(thanks.body).toMatchObject({ response_type: 'ephemeral', replace_original: false })
    expect(String(thanks.body.text)).toContain('Thanks for the 👍')
    expect(await harness.store.feedbackSummary('slack', 'C1')).toEqual({ up: 1, down: 0 })

    const down = fake.responseUrl()
    await fake.sendEnvelope('interactive', click('feedback_down', down))
    const changed = await fake.waitForResponse((r) => down.endsWith(`/${r.id}`))
    expect(String(changed.body.text)).toContain('Changed your vote on this answer to 👎')
    expect(await harness.store.feedbackSummary('slack', 'C1')).toEqual({ up: 0, down: 1 })
    // Nothing for everyone: the only message in the channel is the answer.
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1)
    expect(fake.callsTo('chat.postEphemeral')).toHaveLength(0)
  })

  it('posts exactly one answer after a 429, waiting for Retry-After', async () => {
    await start()
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 })
    await fake.sendEnvelope('events_api', mention('is it mandatory?'))
    await fake.waitForCall('chat.postMessage', (c) => c.ok, 10_000)
    const [limited, posted] = fake.callsTo('chat.postMessage')
    expect(limited?.status).toBe(429)
    expect((posted?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000)
    expect(posts(fake)).toHaveLength(1)
  })

  it('logs channel_not_found with its code and tries to apologise in the thread', async () => {
    const harness = await start()
    fake.failNext('chat.postMessage', { error: 'channel_not_found' })
    const ts = nextTs()
    await fake.sendEnvelope('events_api', mention('is it mandatory?', ts))
    const apology = await fake.waitForCall('chat.postMessage', (c) => c.ok)
    expect(apology.body).toMatchObject({ channel: 'C1', thread_ts: ts })
    expect(String(apology.body.text)).toBe(
      'Sorry, I couldn’t post the answer (slack error: channel_not_found). Invite the bot to the channel (/invite @citebot) and try again.',
    )
    const error = harness.logs.find((l) => l.slackError === 'channel_not_found')
    expect(error).toMatchObject({
      level: 50,
      method: 'chat.postMessage',
      channel: 'C1',
      msg: 'could not post the answer',
    })
    expect(harness.rawLogs()).not.toMatch(/xoxb-test|xapp-test/)
  })

  it('logs both failures when the apology cannot be posted either', async () => {
    const harness = await start()
    fake.failNext('chat.postMessage', { error: 'is_archived' })
    fake.failNext('chat.postMessage', { error: 'is_archived' })
    await fake.sendEnvelope('events_api', mention('is it mandatory?'))
    await expect.poll(() => harness.logs.filter((l) => l.slackError === 'is_archived')).toHaveLength(2)
    expect(harness.logs.map((l) => l.msg)).toContain('could not post the apology either')
  })

  it('apologises with chat.postEphemeral when the response_url refuses the answer', async () => {
    await start()
    fake.failNext('response_url', { status: 404, error: 'expired_url' })
    const responseUrl = fake.responseUrl()
    await fake.sendEnvelope('slash_commands', slashCommand({ command: '/sources', text: '', responseUrl }))
    const sorry = await fake.waitForCall('chat.postEphemeral')
    expect(sorry.body).toMatchObject({ channel: 'C1', user: 'U1' })
    expect(String(sorry.body.text)).toContain('slack error: expired_url')
  })

  it('posts a digest, and throws Slack’s error code when the channel is gone', async () => {
    const harness = await start()
    const digest = {
      platform: 'slack' as const,
      channelId: 'C1',
      localDate: '2024-05-02',
      kind: 'scheduled' as const,
      claim: null,
      questions: { total: 0, topics: [], unanswered: [] },
      sources: { added: [], changed: [] },
    }
    const ts = await harness.bot.postDigest('C1', digest)
    expect(ts).not.toBe('')
    const post = await fake.waitForCall('chat.postMessage')
    expect(shown(post.body)).toContain('Daily digest · 2024-05-02')
    fake.failNext('chat.postMessage', { error: 'not_in_channel' })
    await expect(harness.bot.postDigest('C2', digest)).rejects.toMatchObject({
      name: 'SlackPostError',
      slackError: 'not_in_channel',
      channelGone: true,
    })
  })

  it('closes its socket on stop', async () => {
    const harness = await start()
    await harness.bot.stop()
    h = undefined
    await harness.store.close()
    await fake.socket.waitForSocketsClosed()
    expect(fake.socket.connectionCount).toBe(1)
  })
})
