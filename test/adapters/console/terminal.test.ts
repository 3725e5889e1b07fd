import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ROOT } from '../../helpers/built.js'
import { useTempDir } from '../../store/temp-dir.js'

// `npm start` in a real pseudo-terminal: util-linux `script` runs it on a pty, so that stdin is a TTY and
// readline runs as it does for a person (raw mode, its own echo, history). What the terminal shows is read back.
const dir = useTempDir('terminal')
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences are what is removed.
const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]/g
const UP = '\u001b[A'
const CLEAR_LINE = '\u0015'

let child: ChildProcessWithoutNullStreams | undefined
afterEach(() => {
  if (child?.exitCode === null) child.kill()
  child = undefined
})

/** Starts the console chat on a pty; `screen()` is everything shown so far, without escape sequences. */
function startTerminal() {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(SLACK|DISCORD|CITEBOT)_/.test(name)) env[name] = value
  }
  Object.assign(env, { DATABASE_PATH: join(dir, 'citebot.db'), TERM: 'xterm' })
  const command = 'stty cols 160 rows 50; exec node --import tsx src/main.ts'
  const pty = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
    cwd: ROOT,
    env,
  })
  child = pty
  let raw = ''
  pty.stdout.on('data', (d) => {
    raw += String(d)
  })
  pty.stderr.on('data', (d) => {
    raw += String(d)
  })
  const screen = () => raw.replace(ESCAPES, '').replace(/\r/g, '')
  const waitFor = (test: (shown: string) => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now()
      const check = setInterval(() => {
        if (test(screen())) {
          clearInterval(check)
          resolve()
        } else if (Date.now() - started > 45_000 || pty.exitCode !== null) {
          clearInterval(check)
          reject(new Error(`no ${what} on the terminal; it shows:\n${screen().slice(-2000)}`))
        }
      }, 25)
    })
  const exited = new Promise<number | null>((resolve) => pty.on('exit', resolve))
  return { pty, screen, waitFor, exited, type: (keys: string) => pty.stdin.write(keys) }
}

const prompts = (shown: string) => shown.split('you> ').length - 1

describe('the console chat on a terminal', () => {
  it('greets, prompts, echoes what is typed, answers, recalls the last question with ↑ and leaves at /quit', async () => {
    const t = startTerminal()
    await t.waitFor((s) => s.endsWith('you> '), 'first prompt')
    expect(t.screen()).toMatch(/I’m citebot\. I answer questions about 5 source documents/)
    expect(t.screen()).toContain('/quit leaves.')

    t.type('is it mandatory?\r')
    await t.waitFor((s) => /mandatory by 2020[\s\S]*you> $/.test(s), 'answer and second prompt')
    // The typed line is shown after the prompt, then the answer under it.
    expect(t.screen()).toMatch(
      /you> is it mandatory\?\n\nFour sources, two of them independent, say “While the system is voluntary for now/,
    )

    const before = prompts(t.screen())
    t.type(UP)
    await t.waitFor(
      (s) => prompts(s) > before && s.endsWith('you> is it mandatory?'),
      'the recalled question',
    )

    t.type(`${CLEAR_LINE}/quit\r`)
    expect(await t.exited).toBe(0)
  }, 90_000)

  it('answers a follow-up about the answer before it', async () => {
    const t = startTerminal()
    await t.waitFor((s) => s.endsWith('you> '), 'first prompt')
    t.type('is it mandatory?\r')
    await t.waitFor((s) => prompts(s) === 2, 'second prompt')
    t.type('who disputes that?\r')
    await t.waitFor((s) => prompts(s) === 3, 'third prompt')
    expect(t.screen()).toContain(
      'you> who disputes that?\n\nThe claim in my last answer (to “is it mandatory?”) is disputed:',
    )
    t.type('\u0004')
    expect(await t.exited).toBe(0)
  }, 90_000)
})
