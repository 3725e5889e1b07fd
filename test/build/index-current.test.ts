import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/build/build-index.js'
import { readIndex, readManifest } from '../../src/build/index-files.js'
import { loadKnowledge } from '../../src/build/load.js'
import { currentManifest, manifestChanges } from '../../src/build/manifest.js'
import { packClaims } from '../../src/build/packed-claims.js'
import { ROOT } from '../helpers/built.js'

describe('the committed index', () => {
  it('was built from the seeds as they are now (run `npm run index` when this fails)', () => {
    const changes = manifestChanges(readManifest(join(ROOT, 'index')), currentManifest(join(ROOT, 'seeds')))
    expect(changes).toEqual([])
  })

  it('is exactly what `npm run index` builds from the seeds with this code (run it when this fails)', () => {
    const committed = readIndex(join(ROOT, 'index'))
    const { data } = buildIndex(join(ROOT, 'seeds'))
    expect(packClaims(data.claims, data.sentences)).toEqual(committed.claims)
    expect(JSON.parse(JSON.stringify(data.caveats))).toEqual(committed.caveats)
    expect(JSON.parse(JSON.stringify(data.sentences))).toEqual(
      JSON.parse(JSON.stringify(committed.sentences)),
    )
    expect(data.search.info).toEqual(committed.search.info)
    expect(data.search.postings).toEqual(committed.search.postings)
    expect(data.vocabulary).toEqual(committed.vocabulary)
    expect(data.lexicon).toEqual(committed.lexicon)
  }, 60_000)
})

describe('loading', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'citebot-load-'))
    cpSync(join(ROOT, 'index'), join(dir, 'index'), { recursive: true })
    cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true })
    return dir
  }

  it('loads the index without rebuilding when the seeds did not change', () => {
    const dir = copy()
    let rebuilt = false
    const loaded = loadKnowledge({
      indexDir: join(dir, 'index'),
      seedsDir: join(dir, 'seeds'),
      onRebuild: () => {
        rebuilt = true
      },
    })
    expect(rebuilt).toBe(false)
    expect(loaded.changes).toEqual([])
    expect(loaded.knowledge.sources.size).toBe(5)
  })

  it('rebuilds, says what changed and saves the index when a seed is added', () => {
    const dir = copy()
    writeFileSync(
      join(dir, 'seeds', 'extra.md'),
      '---\ntitle: Extra\n---\n\nA new document about crosswalk cameras in Rongcheng.\n',
    )
    const heard: string[][] = []
    const steps: string[] = []
    const loaded = loadKnowledge({
      indexDir: join(dir, 'index'),
      seedsDir: join(dir, 'seeds'),
      onRebuild: (c) => heard.push(c),
      onStep: (s) => steps.push(s),
    })
    expect(heard).toEqual([['extra.md was added']])
    expect(steps.length).toBeGreaterThan(2)
    expect(loaded.knowledge.sources.size).toBe(6)
    expect(readdirSync(join(dir, 'index'))).toContain('manifest.json')
    expect(manifestChanges(readManifest(join(dir, 'index')), currentManifest(join(dir, 'seeds')))).toEqual([])
  }, 60_000)
})
