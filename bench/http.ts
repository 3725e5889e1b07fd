import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { appMentionEvent, FAKE_IDS, nextTs, signedRequest, startFakeSlack } from '../test/fakes/slack.js'
import { freePort } from '../test/helpers/free-port.js'
import { createDatabase, startThrowawayPostgres } from '../test/helpers/throwaway-postgres.js'
import { ROOT } from './child.js'
import { round } from './stats.js'

/** Questions per second through HTTP mode, for one setup. */
export interface HttpRow {
  setup: string
  processes: number
  store: 'sqlite' | 'postgres'
  /** Questions per timed run. */
  questions: number
  /** Requests in flight at once. */
  concurrency: number
  /** Timed runs (after a warm-up), in the same processes. */
  runs: number
  /** The median run's questions per second. */
  questionsPerSecond: number
  /** The slowest and fastest runs' questions per second. */
  range: [number, number]
}

const SECRET = 'bench-signing-secret'

async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The bot as `npm start` runs it (node with tsx on src/main.ts), in HTTP mode on `port`. */
function startBot(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

/**
 * Starts the bots, then sends `questions` as signed `app_mention` events, `concurrency` at a time, round-robin
 * over the bots' URLs (as a load balancer does), timing each run until the fake Slack has received every answer:
 * a warm-up, then `runs` timed runs.
 */
async function measure(
  setup: Pick<HttpRow, 'setup' | 'processes' | 'store'>,
  database: Record<string, string>,
  questions: readonly string[],
  concurrency: number,
  runs: number,
): Promise<HttpRow> {
  const fake = await startFakeSlack()
  const ports = await Promise.all(Array.from({ length: setup.processes }, freePort))
  const env = (port: number) => ({
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_PORT: String(port),
    LOG_LEVEL: 'warn',
    ...database,
  })
  const bots = ports.map((port) => startBot(env(port)))
  const urls = ports.map((port) => `http://127.0.0.1:${port}/slack/events`)
  try {
    for (const url of urls) {
      await waitUntil(
        () =>
          signedRequest(url, SECRET, { json: { type: 'url_verification', challenge: 'up' } }).then(
            (r) => r.status === 200,
            () => false,
          ),
        `the bot at ${url} to listen`,
        60_000,
      )
    }
    const answered = () => fake.callsTo('chat.postMessage', { ok: true }).length
    const run = async (list: readonly string[]) => {
      const before = answered()
      let next = 0
      const worker = async () => {
        while (next < list.length) {
          const i = next++
          const text = `<@${FAKE_IDS.botUserId}> ${list[i] ?? ''}`
          await signedRequest(urls[i % urls.length] ?? '', SECRET, {
            json: appMentionEvent({ text, ts: nextTs() }),
          })
        }
      }
      const start = performance.now()
      await Promise.all(Array.from({ length: concurrency }, worker))
      await waitUntil(() => answered() - before >= list.length, 'every answer', 120_000)
      return (performance.now() - start) / 1000
    }
    // A warm-up: each process's first answers compile code paths and fill the connection pool.
    await run(questions.slice(0, Math.min(50, questions.length)))
    const rates: number[] = []
    for (let i = 0; i < runs; i++) rates.push(questions.length / (await run(questions)))
    rates.sort((a, b) => a - b)
    return {
      ...setup,
      questions: questions.length,
      concurrency,
      runs,
      questionsPerSecond: round(rates[Math.floor(rates.length / 2)] ?? 0, 0),
      range: [round(rates[0] ?? 0, 0), round(rates[rates.length - 1] ?? 0, 0)],
    }
  } finally {
    for (const bot of bots) bot.kill('SIGTERM')
    await Promise.all(bots.map((bot) => new Promise((resolve) => bot.once('exit', resolve))))
    await fake.close()
  }
}

/**
 * Questions per second through HTTP mode (signed events in, answers posted to a fake Slack on 127.0.0.1):
 * one process on SQLite, one on Postgres, and two processes sharing one Postgres database, each on a throwaway
 * PostgreSQL started here as the tests start theirs.
 */
export async function measureHttpThroughput(
  questions: readonly string[],
  { concurrency = 16, runs = 3 }: { concurrency?: number; runs?: number } = {},
): Promise<HttpRow[]> {
  const postgres = await startThrowawayPostgres()
  const scratch = mkdtempSync(join(tmpdir(), 'citebot-bench-http-'))
  try {
    const rows: HttpRow[] = []
    rows.push(
      await measure(
        { setup: 'one process, SQLite', processes: 1, store: 'sqlite' },
        { DATABASE_PATH: join(scratch, 'citebot.db') },
        questions,
        concurrency,
        runs,
      ),
    )
    for (const processes of [1, 2]) {
      const url = await createDatabase(postgres.url, `bench_${processes}`)
      rows.push(
        await measure(
          {
            setup: `${processes === 1 ? 'one process' : 'two processes'}, one Postgres`,
            processes,
            store: 'postgres',
          },
          { DATABASE_URL: url },
          questions,
          concurrency,
          runs,
        ),
      )
    }
    return rows
  } finally {
    await postgres.stop()
    rmSync(scratch, { recursive: true, force: true })
  }
}
