import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { ROOT } from './built.js'

/**
 * A function that copies the committed index and the seeds to a folder of their own (removed
 * after the file's tests), for tests that change them.
 */
export function indexCopies(prefix: string): () => { index: string; seeds: string } {
  const dirs: string[] = []
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    dirs.push(dir)
    cpSync(join(ROOT, 'index'), join(dir, 'index'), { recursive: true })
    cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true })
    return { index: join(dir, 'index'), seeds: join(dir, 'seeds') }
  }
}
