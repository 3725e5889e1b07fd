import { cpSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Engine } from '../../src/answer/engine.js'
import { Knowledge } from '../../src/answer/knowledge.js'
import { buildIndex } from '../../src/build/build-index.js'
import type { IndexData } from '../../src/build/index-data.js'
import { ROOT } from './built.js'

/** A corpus of `test/fixtures/<name>` built into an index in memory: its data and an engine on it. */
export function fixtureCorpus(name: string): { data: IndexData; engine: Engine; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), `citebot-${name}-`))
  for (const f of readdirSync(join(ROOT, 'test/fixtures', name)))
    cpSync(join(ROOT, 'test/fixtures', name, f), join(dir, f))
  const { data, corpus } = buildIndex(dir)
  const texts = new Map(corpus.documents.map((d) => [d.source.file, d.text]))
  return { data, engine: new Engine(new Knowledge(data, texts)), dir }
}
