import { join } from 'node:path'
import { Engine } from '../../src/answer/engine.js'
import { loadKnowledge } from '../../src/build/load.js'

/** The repository's root (tests run from anywhere). */
export const ROOT = join(import.meta.dirname, '..', '..')

let engine: Engine | null = null

/** The engine on the committed index and the real seeds, loaded once per test file. */
export function seedEngine(): Engine {
  engine ??= new Engine(
    loadKnowledge({ indexDir: join(ROOT, 'index'), seedsDir: join(ROOT, 'seeds') }).knowledge,
  )
  return engine
}
