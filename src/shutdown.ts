import type { Logger } from './logger.js'

/** How the process stops on a signal. */
export interface ShutdownOptions {
  log: Logger
  /** Longest a graceful stop may take before the process exits anyway, in ms. Default 5000. */
  deadlineMs?: number
  /** Ends the process (tests pass their own). Default `process.exit`. */
  exit?: (code: number) => void
}

/**
 * On SIGTERM or SIGINT (`kill <pid>`, a supervisor stopping the bot, Ctrl-C), runs `stop` once and exits with
 * 0, or 1 when `stop` fails or outlasts the deadline. A second signal while stopping changes nothing: Ctrl-C
 * in a terminal reaches both npm and the bot, and npm passes its own on.
 */
export function stopOnSignals(stop: () => Promise<void>, options: ShutdownOptions): void {
  const { log } = options
  const deadlineMs = options.deadlineMs ?? 5000
  const exit = options.exit ?? ((code: number) => process.exit(code))
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return log.info({ signal }, 'already stopping')
    stopping = true
    log.info({ signal }, `stopping on ${signal}: no new questions; answers under way may finish`)
    const deadline = setTimeout(() => {
      log.warn({ deadlineMs }, `did not stop within ${deadlineMs / 1000} s; exiting anyway`)
      exit(1)
    }, deadlineMs)
    deadline.unref()
    stop().then(
      () => {
        clearTimeout(deadline)
        log.info('stopped')
        exit(0)
      },
      (error: unknown) => {
        clearTimeout(deadline)
        log.error({ err: error }, 'could not stop cleanly')
        exit(1)
      },
    )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}
