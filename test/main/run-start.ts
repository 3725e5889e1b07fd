import { type SpawnSyncReturns, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../helpers/built.js'

/**
 * A folder to run `npm start` in, as a checkout would be: its own copies of `index/` and `seeds/` (to damage
 * or change), the code, package.json and node_modules linked to the repository's. The caller removes it.
 */
export function tempCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-checkout-'))
  for (const part of ['index', 'seeds']) cpSync(join(ROOT, part), join(dir, part), { recursive: true })
  for (const part of ['package.json', 'node_modules', 'src', 'tsconfig.json']) {
    symlinkSync(join(ROOT, part), join(dir, part))
  }
  return dir
}

/** The environment of a bot started by a test: no token of the machine's, only what the test sets. */
export function startEnv(vars: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...vars }
}

/**
 * Runs `npm start` as a person does (`--silent` keeps npm's own "command failed" lines out of what is
 * checked), with `input` on standard input, and waits for it to end (killed after `timeoutMs`).
 */
export function runStart(
  options: { env?: Record<string, string>; input?: string; cwd?: string; timeoutMs?: number } = {},
): SpawnSyncReturns<string> {
  return spawnSync('npm', ['run', '--silent', 'start'], {
    cwd: options.cwd ?? ROOT,
    env: startEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    killSignal: 'SIGKILL',
  })
}
