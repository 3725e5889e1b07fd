import { format } from 'node:util'
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt'
import type { Logger } from '../../logger.js'

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
}

/** Bolt's level for the application logger's level (pino's `silent` reads as error). */
export function boltLevelOf(log: Logger): LogLevel {
  return LEVELS[log.level] ?? LogLevel.ERROR
}

/**
 * The application's pino logger as Bolt's logger (Bolt hands it on to its WebClients and its Socket Mode
 * client), under `component: "slack"`. The level stays the application's (LOG_LEVEL): Bolt's `setLevel` is
 * ignored. Token-shaped text is redacted by the pino logger itself.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' })
  const line = (msg: unknown[]) => format(...msg)
  return {
    debug: (...msg) => child.debug(line(msg)),
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    setLevel: () => {},
    getLevel: () => boltLevelOf(log),
    setName: () => {},
  }
}
