import { spawn } from 'node:child_process'
import { join } from 'node:path'

/** The project's root folder. */
export const ROOT = join(import.meta.dirname, '..')

/** What a child process did: its standard output, its exit code, and when it first wrote and ended (ms). */
export interface ChildRun {
  stdout: string
  stderr: string
  code: number | null
  firstOutputMs: number
  wallMs: number
}

/** Runs a command in the project's root, timing it from spawn to its first output and to its exit. */
export function runChild(command: string, args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    let firstOutputMs = Number.NaN
    let stdout = ''
    let stderr = ''
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (chunk: Buffer) => {
      if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - start
      stdout += chunk.toString('utf8')
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({ stdout, stderr, code, firstOutputMs, wallMs: performance.now() - start }),
    )
  })
}

/**
 * Runs a bench script (`bench/<script>`) under tsx in a process of its own and parses its last
 * line as JSON. `heapMb` raises V8's heap limit (for building the largest corpora).
 */
export async function runScript<T>(script: string, args: readonly string[], heapMb?: number): Promise<T> {
  // A build runs as `npm run index` runs it (package.json): young objects get room to die young.
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=32'] : []
  const run = await runChild(process.execPath, [...heap, '--import', 'tsx', join('bench', script), ...args])
  const last = run.stdout.trim().split('\n').pop() ?? ''
  if (run.code !== 0 || !last.startsWith('{'))
    throw new Error(
      `bench/${script} ${args.join(' ')} failed (exit ${run.code}):\n${run.stderr.slice(-2000)}`,
    )
  return JSON.parse(last) as T
}
