import { readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'

/** A `.env` file that cannot be read as settings; the message names the file and line and says how to fix it. */
export class EnvFileError extends Error {
  override name = 'EnvFileError'
  readonly code = 'ENV_FILE_INVALID'
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/

/**
 * Reads a `.env` file as Node does (`util.parseEnv`: `NAME=value`, `#` comments, quotes), after checking that
 * every quoted value closes on its own line. Node would otherwise read an unclosed quote as a value running
 * on to the next quote in the file, silently swallowing the settings in between; citebot's settings are
 * one line each, so an unclosed quote is always a mistake.
 */
export function readEnvFile(path: string): Record<string, string> {
  const text = readFileSync(path, 'utf8')
  text.split(/\r?\n/).forEach((line, i) => {
    const m = ASSIGNMENT.exec(line)
    if (!m) return
    const [, name, value = ''] = m
    const quote = value[0]
    if (quote !== '"' && quote !== "'" && quote !== '`') return
    if (value.indexOf(quote, 1) === -1) {
      throw new EnvFileError(
        `${path} line ${i + 1}: the value of ${name} opens a ${quote} quote that is not closed on that line; close it (${name}=${quote}…${quote}) or remove it.`,
      )
    }
  })
  return parseEnv(text) as Record<string, string>
}
