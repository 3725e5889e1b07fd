import { runConsole } from './adapters/console/console-chat.js'
import { Engine } from './answer/engine.js'
import { loadKnowledge } from './build/load.js'
import { ChatService } from './chat/service.js'
import { loadNotices } from './cli/notices.js'
import { ConfigError, loadConfig } from './config.js'
import { createLogger } from './logger.js'
import { openStore } from './store/index.js'

// The composition root: the only file that knows every piece.
async function main(): Promise<void> {
  const config = loadConfig()
  const log = createLogger(config.logLevel)
  const loaded = loadKnowledge(loadNotices(process.stderr))
  for (const e of loaded.errors) log.warn({ file: e.file, code: e.code }, e.message)
  if (loaded.saveError) log.warn(loaded.saveError)
  const engine = new Engine(loaded.knowledge)
  const store = openStore(config.databasePath)
  const service = new ChatService({ engine, store })
  const stop = () => store.close()
  if (!config.slack && !config.discord) {
    await runConsole(service, {
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
    })
    stop()
    return
  }
  log.error('Slack and Discord are not wired yet; unset their tokens to use the console chat.')
  stop()
  process.exitCode = 1
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`citebot: ${error.message}\n`)
  } else {
    process.stderr.write(`citebot: ${(error as Error).stack ?? String(error)}\n`)
  }
  process.exitCode = 1
})
