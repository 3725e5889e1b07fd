import { runConsole } from './adapters/console/console-chat.js'
import { createDiscordBot, type DiscordBot } from './adapters/discord/index.js'
import { createSlackBot, type SlackBot } from './adapters/slack/index.js'
import { Engine } from './answer/engine.js'
import { watchIndex } from './build/index-watch.js'
import { loadKnowledge } from './build/load.js'
import { memoryConversations, storeConversations } from './chat/conversations.js'
import { ChatService } from './chat/service.js'
import { loadNotices } from './cli/notices.js'
import { ConfigError, loadConfig } from './config.js'
import {
  consolePoster,
  createDigestHandler,
  type DigestPoster,
  DigestRunner,
  DigestScheduler,
} from './digest/index.js'
import { createLogger } from './logger.js'
import { stopOnSignals } from './shutdown.js'
import { openStore, StoreError } from './store/index.js'

// The composition root: the only file that knows every piece.
async function main(): Promise<void> {
  const config = loadConfig()
  const log = createLogger(config.logLevel)
  for (const warning of config.warnings) log.warn({ code: 'CONFIG_UNKNOWN_NAME' }, warning)
  // The store first: a bad DATABASE_PATH or DATABASE_URL stops start-up before the index is loaded or rebuilt.
  const { database } = config
  const store = await openStore(database.kind === 'postgres' ? database.url : database.path)
  const loaded = loadKnowledge({
    ...loadNotices(process.stderr),
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
  })
  for (const e of loaded.errors) log.warn({ file: e.file, code: e.code }, e.message)
  if (loaded.saveError) log.warn(loaded.saveError)
  const engine = new Engine(loaded.knowledge)
  // A rebuilt index (`npm run index`, or its --watch) is swapped in without a restart.
  const watcher = watchIndex({
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    onSwap: (kb) => {
      engine.use(kb)
      log.info(
        { code: 'INDEX_SWAPPED', sources: kb.sources.size, claims: kb.claims.size },
        `index/ changed: now answering from ${kb.sources.size} sources, ${kb.passages.size} passages`,
      )
    },
    onRefused: (message) => log.warn({ code: 'INDEX_REFUSED' }, message),
  })

  // Digests are posted by the bots, which need the chat service, which needs the digest handler:
  // the posters call the bots once they exist.
  let slack: SlackBot | null = null
  let discord: DiscordBot | null = null
  const posters: DigestPoster[] = []
  if (config.slack)
    posters.push({
      platform: 'slack',
      post: (channel, digest) => need(slack, 'Slack').postDigest(channel, digest),
    })
  if (config.discord) {
    posters.push({
      platform: 'discord',
      post: (channel, digest) => need(discord, 'Discord').postDigest(channel, digest),
    })
  }
  const console = !config.slack && !config.discord
  if (console) posters.push(consolePoster(process.stdout))
  const runner = new DigestRunner({
    // Read at each run: the index in use, after any swap.
    get kb() {
      return engine.kb
    },
    store,
    posters,
    log,
  })
  const scheduler = new DigestScheduler({ store, runner, log })
  const service = new ChatService({
    engine,
    store,
    digest: createDigestHandler({ store, runner, scheduler }),
    // Follow-ups: the bots keep each conversation's last answers in the store, the console in memory.
    conversations: console ? memoryConversations() : storeConversations(store),
    secret: config.secret,
    examples: config.examples,
  })

  if (console) {
    const interactive = process.stdin.isTTY === true
    // Piped input is answered and the process ends; only a person at a terminal gets scheduled digests.
    if (interactive) await scheduler.start()
    const greeting = `${service.introduction()} /quit leaves.`
    await runConsole(service, { input: process.stdin, output: process.stdout, interactive, greeting })
    await scheduler.stop()
    watcher.stop()
    await store.close()
    return
  }

  if (config.slack) {
    slack = createSlackBot({ config: config.slack, service, store, logger: log })
    await slack.start()
  }
  if (config.discord) {
    discord = createDiscordBot({ config: config.discord, service, logger: log })
    await discord.start()
  }
  await scheduler.start()
  log.info(
    { sources: engine.kb.sources.size, claims: engine.kb.claims.size, store: store.kind },
    `citebot pid ${process.pid} is running; stop it with kill ${process.pid} (SIGTERM) or Ctrl-C`,
  )
  // The bots stop taking events and let the answers under way finish (3 s at most), then the store closes.
  stopOnSignals(
    async () => {
      watcher.stop()
      await Promise.allSettled([scheduler.stop(), slack?.stop(3000), discord?.stop(3000)])
      await store.close()
    },
    { log },
  )
}

function need<T>(bot: T | null, name: string): T {
  if (!bot) throw new Error(`${name} is not connected yet; the digest will be retried.`)
  return bot
}

main().catch((error: unknown) => {
  // Configuration and start-up errors are one line that says what to fix; anything else, the stack.
  const known =
    error instanceof ConfigError ||
    error instanceof StoreError ||
    (error as Error).name?.endsWith('StartError') ||
    (error as Error).name?.endsWith('LoginError')
  process.stderr.write(
    `citebot: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`,
  )
  process.exit(1)
})
