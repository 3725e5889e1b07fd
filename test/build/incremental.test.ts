import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/build/build-index.js'
import { readReusable, writeIndex } from '../../src/build/index-files.js'
import { ROOT } from '../helpers/built.js'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-incremental-'))
  dirs.push(dir)
  return dir
}

/** Every file of an index folder, by path, as bytes. */
function files(dir: string, under = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  for (const name of readdirSync(join(dir, under))) {
    const path = join(under, name)
    if (statSync(join(dir, path)).isDirectory()) for (const [p, b] of files(dir, path)) out.set(p, b)
    else out.set(path, readFileSync(join(dir, path)))
  }
  return out
}

describe('re-indexing after a change', () => {
  it('gives, byte for byte, the index a full build gives, reusing the lexicon when the words are the same', () => {
    const seeds = join(scratch(), 'seeds')
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true })
    const before = join(scratch(), 'index')
    writeIndex(before, buildIndex(seeds).data)

    // A seed edited without a new word: one of its own paragraphs said again at its end.
    const file = join(seeds, '000_69de7e6420143b03.txt')
    const text = readFileSync(file, 'utf8')
    const paragraph = text.split(/\n\s*\n/).find((p) => p.trim().split(/\s+/).length > 12) ?? ''
    appendFileSync(file, `\n\n${paragraph.trim()}\n`)
    const again = buildIndex(seeds, () => {}, undefined, readReusable(before))
    expect(again.reused).toBe(true)
    const full = buildIndex(seeds)
    expect(full.reused).toBe(false)
    const a = join(scratch(), 'index')
    const b = join(scratch(), 'index')
    writeIndex(a, again.data)
    writeIndex(b, full.data)
    expect(files(a)).toEqual(files(b))

    // A new word: the lexicon is made again, and the result is still the full build's.
    writeFileSync(
      join(seeds, 'extra.txt'),
      'Zanzibar notes\n\nThe Zanzibar pilot scored ferry captains on punctuality.\n',
    )
    const grown = buildIndex(seeds, () => {}, undefined, readReusable(a))
    expect(grown.reused).toBe(false)
    const c = join(scratch(), 'index')
    const d = join(scratch(), 'index')
    writeIndex(c, grown.data)
    writeIndex(d, buildIndex(seeds).data)
    expect(files(c)).toEqual(files(d))
  }, 180_000)
})
