import { type Logger, LogLevel } from '@slack/bolt'

/** One line a {@link RecordingLogger} received. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error'
  text: string
}

/** A silent Bolt/web-api/socket-mode logger that keeps every line, so tests can assert on errors. */
export interface RecordingLogger extends Logger {
  readonly entries: LogEntry[]
  /** The texts of the entries at `level`. */
  at(level: LogEntry['level']): string[]
}

/**
 * Makes a {@link RecordingLogger}. It prints nothing; pass it as `logger` to `new App(...)` (Bolt hands it on to
 * its WebClients and its Socket Mode client). Everything is recorded, whatever level Bolt sets.
 */
export function recordingLogger(): RecordingLogger {
  const entries: LogEntry[] = []
  let level: LogLevel = LogLevel.DEBUG
  const log =
    (at: LogEntry['level']) =>
    (...msg: unknown[]) => {
      entries.push({ level: at, text: msg.map((m) => (typeof m === 'string' ? m : String(m))).join(' ') })
    }
  return {
    entries,
    at: (wanted) => entries.filter((e) => e.level === wanted).map((e) => e.text),
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: (next) => {
      level = next
    },
    getLevel: () => level,
    setName: () => {},
  }
}
