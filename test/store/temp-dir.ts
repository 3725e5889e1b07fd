import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/** A fresh directory under the OS temp dir, removed after the calling test file's tests. */
export function useTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `citebot-${prefix}-`))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
