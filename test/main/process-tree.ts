import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { ROOT } from '../helpers/built.js'
import { startEnv } from './run-start.js'

/** A process's parent pid and state letter (R, S, Z…), from /proc; null when it is gone. */
function statOf(pid: number): { ppid: number; state: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
    const [state = '', ppid = '0'] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(ppid), state }
  } catch {
    return null
  }
}

/** `root` and every process below it, now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    const ppid = statOf(pid)?.ppid
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid])
  }
  const tree = [root]
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []))
  return tree
}

/** The pids that still run (a zombie, dead but not yet reaped by its parent, does not count). */
export function stillRunning(pids: readonly number[]): number[] {
  return pids.filter((pid) => {
    const stat = statOf(pid)
    return stat !== null && stat.state !== 'Z' && stat.state !== 'X'
  })
}

/** Resolves once none of `pids` runs; rejects after `timeoutMs` with those that still do. */
export async function allGone(pids: readonly number[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (stillRunning(pids).length > 0) {
    if (Date.now() > deadline) throw new Error(`still running: ${stillRunning(pids).join(', ')}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** `npm start`, spawned as a person starts it, with what it wrote so far. */
export interface Started {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  /** Resolves with the first log line (JSON on stderr) whose message matches; rejects after `timeoutMs`. */
  logLine(pattern: RegExp, timeoutMs?: number): Promise<Record<string, unknown> & { msg: string }>
  /** Resolves with npm's exit code (or signal) once it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Spawns `npm start` in the repository with `env` (and nothing of the machine's tokens). */
export function spawnStart(env: Record<string, string>): Started {
  const child = spawn('npm', ['start'], { cwd: ROOT, env: startEnv(env), stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString('utf8')
  })
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString('utf8')
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const logLines = () =>
    err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown> & { msg: string })
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async logLine(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const line = logLines().find((l) => pattern.test(l.msg))
        if (line) return line
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`no log line matching ${pattern}; stderr so far:\n${err}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}
