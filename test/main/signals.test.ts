import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord.js'
import { appMentionEvent, FAKE_IDS, type FakeSlack, nextTs, startFakeSlack } from '../fakes/slack.js'
import { useTempDir } from '../store/temp-dir.js'
import { allGone, processTree, type Started, spawnStart, stillRunning } from './process-tree.js'

const dir = useTempDir('signals')
let fake: FakeSlack
let started: Started | undefined
let n = 0

beforeEach(async () => {
  fake = await startFakeSlack()
})

afterEach(async () => {
  // Whatever a failed test left running.
  if (started?.child.pid !== undefined) {
    for (const pid of stillRunning(processTree(started.child.pid))) process.kill(pid, 'SIGKILL')
  }
  started = undefined
  await fake.close()
})

/** `npm start` on Slack (Socket Mode, the fake), once it printed its pid: that pid and the whole tree. */
async function startOnSlack(): Promise<{ pid: number; tree: number[] }> {
  n += 1
  started = spawnStart({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_APP_TOKEN: 'xapp-test-token',
    SLACK_API_URL: fake.apiUrl,
    DATABASE_PATH: join(dir, `slack-${n}.db`),
  })
  const line = await started.logLine(/^citebot pid \d+ is running/)
  const pid = Number(/^citebot pid (\d+)/.exec(line.msg)?.[1])
  expect(line.pid).toBe(pid)
  const tree = processTree(started.child.pid as number)
  expect(tree).toContain(pid)
  return { pid, tree }
}

async function mention(question: string) {
  const before = fake.callsTo('chat.postMessage', { ok: true }).length
  await fake.sendEnvelope(
    'events_api',
    appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${question}`, ts: nextTs() }),
  )
  await fake.waitForCall(
    'chat.postMessage',
    (c) => c.ok && fake.callsTo('chat.postMessage', { ok: true }).length > before,
  )
}

describe('stopping npm start with a signal', () => {
  it('runs the bot as one process that prints its pid, and SIGTERM to that pid stops the whole tree', async () => {
    const { pid, tree } = await startOnSlack()
    // npm, then the bot itself: no shell or loader process in between that could outlive it (below the bot
    // runs only esbuild, tsx's compiler, which ends with it).
    expect(tree.slice(0, 2)).toEqual([started?.child.pid, pid])
    await mention('is it mandatory?')

    process.kill(pid, 'SIGTERM')
    expect(await started?.exited).toEqual({ code: 0, signal: null })
    await allGone(tree)
    expect(fake.socket.openSockets).toBe(0)
    await expect(fake.sendEnvelope('events_api', appMentionEvent({ text: 'x' }))).rejects.toThrow(
      'no Socket Mode connection is open',
    )
    const stderr = started?.stderr() ?? ''
    expect(stderr).toContain('"msg":"stopping on SIGTERM: no new questions; answers under way may finish"')
    expect(stderr).toContain('"msg":"stopped"')
  }, 60_000)

  it('stops the whole tree on SIGTERM to npm’s own pid, as a supervisor sends it', async () => {
    const { tree } = await startOnSlack()
    process.kill(started?.child.pid as number, 'SIGTERM')
    await started?.exited
    await allGone(tree)
    expect(started?.stderr()).toContain('"msg":"stopped"')
  }, 60_000)

  it('stops on SIGINT (Ctrl-C) to the bot, once, however many times it comes', async () => {
    const { pid, tree } = await startOnSlack()
    process.kill(pid, 'SIGINT')
    process.kill(pid, 'SIGINT')
    expect(await started?.exited).toEqual({ code: 0, signal: null })
    await allGone(tree)
    expect(started?.stderr().match(/"msg":"stopped"/g)).toHaveLength(1)
  }, 60_000)

  it('finishes the answer under way before it stops', async () => {
    const { pid, tree } = await startOnSlack()
    // The answer's post is refused once with a 429 that asks for a 1 s wait: it is under way for that second.
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 })
    await fake.sendEnvelope(
      'events_api',
      appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> is it mandatory?`, ts: nextTs() }),
    )
    await fake.waitForCall('chat.postMessage', (c) => c.status === 429)
    process.kill(pid, 'SIGTERM')
    expect(await started?.exited).toEqual({ code: 0, signal: null })
    await allGone(tree)
    expect(fake.callsTo('chat.postMessage', { ok: true })).toHaveLength(1)
  }, 60_000)
})

describe('stopping npm start on Discord with a signal', () => {
  let discord: FakeDiscord

  beforeEach(async () => {
    discord = await startFakeDiscord()
  })

  afterEach(async () => {
    await discord.close()
  })

  it('closes the gateway and stops the whole tree on SIGTERM to the pid it printed', async () => {
    n += 1
    started = spawnStart({
      DISCORD_TOKEN: 'fake-discord-token-0123456789',
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiBase,
      DATABASE_PATH: join(dir, `discord-${n}.db`),
    })
    const line = await started.logLine(/^citebot pid \d+ is running/)
    const pid = Number(/^citebot pid (\d+)/.exec(line.msg)?.[1])
    const tree = processTree(started.child.pid as number)
    process.kill(pid, 'SIGTERM')
    expect(await started.exited).toEqual({ code: 0, signal: null })
    await allGone(tree)
    expect(started.stderr()).toContain('"msg":"stopped"')
  }, 60_000)
})

describe('the console chat', () => {
  it('answers piped questions through npm start, and ends with its input', async () => {
    n += 1
    started = spawnStart({ DATABASE_PATH: join(dir, `console-${n}.db`) })
    started.child.stdin?.end('is it mandatory?\n')
    expect(await started.exited).toEqual({ code: 0, signal: null })
    expect(started.stdout()).toContain('Contested: Edward Lin')
  }, 60_000)

  it('stops, with every process of npm start, on SIGTERM to npm while it waits for input', async () => {
    n += 1
    started = spawnStart({ DATABASE_PATH: join(dir, `console-${n}.db`) })
    const npm = started.child.pid as number
    // Waiting for input: the tree is npm and node, and node has the store open.
    const deadline = Date.now() + 30_000
    while (processTree(npm).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    const tree = processTree(npm)
    expect(tree.length).toBeGreaterThanOrEqual(2)
    process.kill(npm, 'SIGTERM')
    await started.exited
    await allGone(tree)
  }, 60_000)
})
