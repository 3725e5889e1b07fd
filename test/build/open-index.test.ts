import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/build/build-index.js'
import { writeIndex } from '../../src/build/index-files.js'
import { knowledgeOf, openCurrentIndex } from '../../src/build/open-index.js'

const base = mkdtempSync(join(tmpdir(), 'citebot-open-index-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

function folder(name: string): { seeds: string; index: string } {
  const seeds = join(base, name, 'seeds')
  const index = join(base, name, 'index')
  cpSync(join(base, 'docs'), seeds, { recursive: true })
  writeIndex(index, buildIndex(seeds).data)
  return { seeds, index }
}

const docs = join(base, 'docs')
mkdirSync(docs)
writeFileSync(
  join(docs, 'heating.md'),
  '---\ntitle: Heating in a test town\nauthor: Jane Doe\n---\nResidents with the top grade get discounts on their heating bills every winter.\n',
)

describe('openCurrentIndex (what `npm run ask` reads before loading any builder)', () => {
  it('reads an index that is current for its seeds', () => {
    const f = folder('current')
    const opened = openCurrentIndex(f.index, f.seeds)
    expect(opened.changes).toEqual([])
    expect(opened.damage).toBeNull()
    expect(opened.data).not.toBeNull()
    if (opened.data) expect(knowledgeOf(opened.data, f.seeds).sources.size).toBe(1)
  })

  it('says what changed when a seed changed since the build, and reads nothing', () => {
    const f = folder('stale')
    appendFileSync(join(f.seeds, 'heating.md'), 'The discount is ten per cent.\n')
    const opened = openCurrentIndex(f.index, f.seeds)
    expect(opened.data).toBeNull()
    expect(opened.changes.join(' ')).toContain('heating.md')
  })

  it('says what is damaged when an index file is cut short', () => {
    const f = folder('damaged')
    appendFileSync(join(f.index, 'corpus.json'), 'x')
    const opened = openCurrentIndex(f.index, f.seeds)
    expect(opened.data).toBeNull()
    expect(opened.damage).toContain('corpus.json')
  })

  it('says so when there is no index yet', () => {
    const opened = openCurrentIndex(join(base, 'none'), docs)
    expect(opened.data).toBeNull()
    expect(opened.changes.length + (opened.damage === null ? 0 : 1)).toBeGreaterThan(0)
  })
})
