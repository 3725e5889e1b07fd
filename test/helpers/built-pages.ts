import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { buildIndex } from '../../src/build/build-index.js'
import type { IndexData } from '../../src/build/index-data.js'
import type { Corpus } from '../../src/corpus/types.js'
import { ROOT } from './built.js'

/**
 * Builds an index, once for the test file, of pages written for the test (file name → text) in a
 * folder of their own, beside the seeds when `withSeeds` (so that words weigh as in a real
 * corpus); the folder is removed after. The index and its corpus are there once `beforeAll` ran.
 */
export function builtPages(
  name: string,
  pages: Readonly<Record<string, string>>,
  withSeeds: boolean,
): () => { data: IndexData; corpus: Corpus } {
  let dir = ''
  let built: { data: IndexData; corpus: Corpus } | null = null
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `citebot-${name}-`))
    if (withSeeds)
      for (const f of readdirSync(join(ROOT, 'seeds'))) cpSync(join(ROOT, 'seeds', f), join(dir, f))
    for (const [file, text] of Object.entries(pages)) writeFileSync(join(dir, file), text)
    const { data, corpus } = buildIndex(dir)
    built = { data, corpus }
  }, 120_000)
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    if (!built) throw new Error('the pages are built in beforeAll')
    return built
  }
}
