import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Engine } from '../../src/answer/engine.js'
import type { Knowledge } from '../../src/answer/knowledge.js'
import { buildIndex } from '../../src/build/build-index.js'
import { writeIndex } from '../../src/build/index-files.js'
import { watchIndex } from '../../src/build/index-watch.js'
import { loadKnowledge } from '../../src/build/load.js'
import { indexCopies } from '../helpers/index-copy.js'

/** The committed index and the seeds, copied to a folder of their own. */
const copy = indexCopies('citebot-swap-')

const ADDED = `Rongcheng tram timetable

The Rongcheng tram runs every eleven minutes on weekdays between the harbour and the old market.
`
const QUESTION = 'does the tram stop at the harbour?'
const quotes = (engine: Engine, q: string) =>
  engine.ask(q).claims.flatMap((c) => c.support.map((s) => `${s.file}: ${s.quote}`))

describe('a running bot and a rebuilt index', () => {
  it('swaps a rebuilt index in without a restart, in every process watching it; a damaged one is refused and the old kept', () => {
    const { index, seeds } = copy()
    const engines = [1, 2].map(
      () => new Engine(loadKnowledge({ indexDir: index, seedsDir: seeds }).knowledge),
    )
    const heard: string[][] = [[], []]
    // Two watchers on one folder: two processes of a deployment that share the index.
    const watchers = engines.map((engine, i) =>
      watchIndex({
        indexDir: index,
        seedsDir: seeds,
        intervalMs: 60_000,
        onSwap: (kb: Knowledge) => engine.use(kb),
        onRefused: (message) => heard[i]?.push(message),
      }),
    )
    try {
      const before = engines[0]?.kb
      expect(quotes(engines[0] as Engine, QUESTION).join('\n')).not.toContain('eleven minutes')
      expect(watchers.map((w) => w.check())).toEqual(['unchanged', 'unchanged'])

      // `npm run index` after a file was added.
      writeFileSync(join(seeds, 'tram.txt'), ADDED)
      writeIndex(index, buildIndex(seeds).data)
      expect(watchers.map((w) => w.check())).toEqual(['swapped', 'swapped'])
      for (const engine of engines) {
        expect(engine.kb).not.toBe(before)
        expect(quotes(engine, QUESTION).join('\n')).toContain(
          'tram.txt: The Rongcheng tram runs every eleven minutes',
        )
      }

      // A damaged index (a file cut short, the manifest rewritten as a new build would): refused, one line.
      const swapped = engines[0]?.kb
      truncateSync(join(index, 'corpus.json'), 100)
      const manifest = join(index, 'manifest.json')
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"format"', ' "format"'))
      expect(watchers.map((w) => w.check())).toEqual(['refused', 'refused'])
      expect(heard[0]).toHaveLength(1)
      expect(heard[0]?.[0]).toMatch(
        /^the new index is damaged \(.*corpus\.json has 100 bytes.*\); run `npm run index` again; still answering from the index loaded before\.$/,
      )
      expect(heard[0]?.[0]).not.toContain('\n')
      expect(engines[0]?.kb).toBe(swapped)
      expect(quotes(engines[0] as Engine, QUESTION).join('\n')).toContain('eleven minutes')
    } finally {
      for (const w of watchers) w.stop()
    }
  }, 120_000)

  it('refuses an index built from other seeds than the folder holds, since its quotes are cut from them', () => {
    const { index, seeds } = copy()
    const engine = new Engine(loadKnowledge({ indexDir: index, seedsDir: seeds }).knowledge)
    const heard: string[] = []
    const watcher = watchIndex({
      indexDir: index,
      seedsDir: seeds,
      intervalMs: 60_000,
      onSwap: (kb) => engine.use(kb),
      onRefused: (m) => heard.push(m),
    })
    try {
      const before = engine.kb
      writeFileSync(join(seeds, 'tram.txt'), ADDED)
      writeIndex(index, buildIndex(seeds).data)
      writeFileSync(join(seeds, 'tram.txt'), `${ADDED}\nA line added after the index was built.\n`)
      expect(watcher.check()).toBe('refused')
      expect(heard[0]).toContain('the new index was built from other seeds than')
      expect(heard[0]).toContain('tram.txt changed')
      expect(engine.kb).toBe(before)
    } finally {
      watcher.stop()
    }
  }, 120_000)
})
