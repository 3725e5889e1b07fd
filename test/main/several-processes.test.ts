import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import {
  appMentionEvent,
  eventCallback,
  FAKE_IDS,
  type FakeCall,
  type FakeSlack,
  nextTs,
  signedRequest,
  startFakeSlack,
} from '../fakes/slack.js'
import { freePort } from '../helpers/free-port.js'
import { useFreshDatabases } from '../helpers/postgres.js'
import { processTree, type Started, spawnStart, stillRunning } from './process-tree.js'

// Two `npm start` processes in HTTP mode on one Postgres database, as behind a load balancer: each gets its own
// share of Slack's requests, and between them they must act as one bot.
const SECRET = 'several-processes-signing-secret'
const freshDatabase = useFreshDatabases('processes')
let fake: FakeSlack
const running: Started[] = []

beforeAll(async () => {
  fake = await startFakeSlack()
})
afterEach(async () => {
  await Promise.all(running.splice(0).map(stop))
})
afterAll(async () => {
  await fake.close()
})

interface Bot {
  started: Started
  /** Its events URL. */
  url: string
}

/** `npm start` on the fake Slack in HTTP mode (a free port) with the store at `databaseUrl`, once it runs. */
async function startBot(databaseUrl: string): Promise<Bot> {
  const port = await freePort()
  const started = spawnStart({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_PORT: String(port),
    DATABASE_URL: databaseUrl,
  })
  running.push(started)
  // The scheduler's first pass has run once this is logged (see main.ts).
  await started.logLine(/^citebot pid \d+ is running/)
  return { started, url: `http://127.0.0.1:${port}/slack/events` }
}

/** SIGTERM to the bot, as a deploy sends it; resolves once it and everything below it ended. */
async function stop(started: Started): Promise<void> {
  const tree = started.child.pid === undefined ? [] : processTree(started.child.pid)
  if (started.child.exitCode === null) started.child.kill('SIGTERM')
  await started.exited
  for (const pid of stillRunning(tree)) process.kill(pid, 'SIGKILL')
}

const answersIn = (thread: string): FakeCall[] =>
  fake.callsTo('chat.postMessage', { ok: true }).filter((c) => c.body.thread_ts === thread)

const send = (bot: Bot, event: unknown, retryNum?: number) =>
  signedRequest(
    bot.url,
    SECRET,
    { json: event },
    retryNum === undefined
      ? {}
      : { headers: { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } },
  )

const dropped = (bot: Bot) => bot.started.stderr().match(/dropped a redelivered Slack event/g)?.length ?? 0

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('two processes on one Postgres, in HTTP mode', () => {
  it('answer an event once when it and its retry reach different processes, in turn or at once', async () => {
    const url = await freshDatabase()
    const [a, b] = await Promise.all([startBot(url), startBot(url)])

    // Slack did not get the ack in time and retried; the load balancer sent the retry to the other process.
    const ts = nextTs()
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> is it mandatory?`, ts })
    expect((await send(a, event)).status).toBe(200)
    await fake.waitForCall('chat.postMessage', (c) => c.body.thread_ts === ts, 15_000)
    expect((await send(b, event, 1)).status).toBe(200)
    await until(() => dropped(b) === 1, 'the retry to be dropped')

    // Both deliveries at the same moment, one on each process.
    const together = nextTs()
    const second = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> who disputes it?`, ts: together })
    await Promise.all([send(a, second), send(b, second, 1)])
    await fake.waitForCall('chat.postMessage', (c) => c.body.thread_ts === together, 15_000)
    await until(() => dropped(a) + dropped(b) === 2, 'one of the two deliveries to be dropped')

    expect(answersIn(ts)).toHaveLength(1)
    expect(answersIn(together)).toHaveLength(1)
  }, 90_000)

  it('answer a follow-up in a thread after both were restarted, about the answer before it, on the other process', async () => {
    const url = await freshDatabase()
    const [a, b] = await Promise.all([startBot(url), startBot(url)])
    const ts = nextTs()
    await send(a, appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> is it mandatory?`, ts }))
    await fake.waitForCall('chat.postMessage', (c) => c.body.thread_ts === ts, 15_000)
    await Promise.all(running.splice(0).map(stop))
    expect([a, b].map((bot) => bot.started.child.exitCode)).toEqual([0, 0])

    const [, b2] = await Promise.all([startBot(url), startBot(url)])
    // A reply in the thread, without a mention: only a bot that knows it answered there takes it.
    const followUp = eventCallback({
      type: 'message',
      channel_type: 'channel',
      user: FAKE_IDS.userId,
      text: 'who disputes that?',
      ts: nextTs(),
      thread_ts: ts,
      channel: FAKE_IDS.channelId,
    })
    expect((await send(b2 as Bot, followUp)).status).toBe(200)
    await until(() => answersIn(ts).length === 2, 'the follow-up to be answered in the thread', 15_000)
    // Answered about the answer before it, which another process gave before the restart: the conversation is
    // in the database too.
    const shown = JSON.stringify(answersIn(ts)[1]?.body)
    expect(shown).toContain('The claim in my last answer (to “is it mandatory?”) is disputed:')
    expect(shown).toContain('Edward Lin')
  }, 120_000)

  it('post one digest for one subscribed channel', async () => {
    const url = await freshDatabase()
    // Subscribed yesterday for 00:00 UTC: today's digest is due as soon as a process starts.
    const yesterday = new Date(Date.now() - 24 * 3600_000)
    const setup = await openStore(url, { now: () => yesterday })
    await setup.subscribe({ platform: 'slack', channelId: 'C7', time: '00:00', timeZone: 'UTC' })
    await setup.close()

    // Each process runs a digest pass at start-up, before it says it is running.
    await Promise.all([startBot(url), startBot(url)])
    const digests = fake.callsTo('chat.postMessage', { ok: true }).filter((c) => c.body.channel === 'C7')
    expect(digests).toHaveLength(1)
    const store = await openStore(url)
    const today = new Date().toISOString().slice(0, 10)
    expect(await store.getRun('slack', 'C7', today)).toMatchObject({ status: 'posted', claims: 1 })
    await store.close()
  }, 90_000)
})
