import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INDEX_FILES, IndexDamagedError, readIndex } from '../../src/build/index-files.js'
import { loadKnowledge } from '../../src/build/load.js'
import { ROOT } from '../helpers/built.js'
import { indexCopies } from '../helpers/index-copy.js'

/** A copy of the committed index and the seeds, in a folder of its own. */
const copy = indexCopies('citebot-damaged-')

const half = (path: string) => truncateSync(path, Math.floor(readFileSync(path).byteLength / 2))
const damageOf = (dir: string) => {
  try {
    readIndex(dir)
  } catch (error) {
    if (error instanceof IndexDamagedError) return error.message
    throw error
  }
  return null
}
const dataFiles = INDEX_FILES.filter((f) => f !== 'manifest.json')

describe('a damaged index', () => {
  it('records the size and SHA-256 of each of its files in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'index', 'manifest.json'), 'utf8'))
    expect(Object.keys(manifest.files).sort()).toEqual([...dataFiles].sort())
    for (const file of dataFiles) {
      expect(manifest.files[file].bytes).toBe(readFileSync(join(ROOT, 'index', file)).byteLength)
      expect(manifest.files[file].sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(damageOf(join(ROOT, 'index'))).toBeNull()
  })

  it.each(dataFiles)('is found when %s is cut to half its size', (file) => {
    const { index } = copy()
    const path = join(index, file)
    const bytes = readFileSync(path).byteLength
    half(path)
    expect(damageOf(index)).toBe(
      `${path} has ${Math.floor(bytes / 2)} bytes, not the ${bytes} it was written with`,
    )
  })

  it('is found when a file changed but kept its size, is missing, or the manifest is cut or has no checks', () => {
    const changed = copy().index
    const corpus = join(changed, 'corpus.json')
    const bytes = readFileSync(corpus)
    bytes.writeUInt8(bytes.readUInt8(1000) ^ 1, 1000)
    writeFileSync(corpus, bytes)
    expect(damageOf(changed)).toBe(`${corpus} changed since it was written`)

    const missing = copy().index
    rmSync(join(missing, 'search.bin'))
    expect(damageOf(missing)).toBe(`${join(missing, 'search.bin')} cannot be read (ENOENT)`)

    const cut = copy().index
    half(join(cut, 'manifest.json'))
    expect(damageOf(cut)).toMatch(new RegExp(`^${join(cut, 'manifest.json')} cannot be read \\(.*JSON`))

    const unchecked = copy().index
    const manifest = JSON.parse(readFileSync(join(unchecked, 'manifest.json'), 'utf8'))
    delete manifest.files
    writeFileSync(join(unchecked, 'manifest.json'), JSON.stringify(manifest))
    expect(damageOf(unchecked)).toBe(`${join(unchecked, 'manifest.json')} records no check of corpus.json`)
  })

  it('is rebuilt from the seeds on load, saying why in one line, and is whole again after', () => {
    const { index, seeds } = copy()
    half(join(index, 'search.json'))
    const heard: [string[], string][] = []
    const loaded = loadKnowledge({
      indexDir: index,
      seedsDir: seeds,
      onRebuild: (c, why) => heard.push([c, why]),
    })
    expect(heard).toEqual([
      [[expect.stringMatching(/search\.json has \d+ bytes, not the \d+ it was written with$/)], 'damaged'],
    ])
    expect(loaded.damage).toBe(heard[0]?.[0][0])
    expect(loaded.knowledge.sources.size).toBe(5)
    expect(damageOf(index)).toBeNull()
    expect(readFileSync(join(index, 'search.json'))).toEqual(readFileSync(join(ROOT, 'index', 'search.json')))

    const again: string[][] = []
    expect(
      loadKnowledge({ indexDir: index, seedsDir: seeds, onRebuild: (c) => again.push(c) }).damage,
    ).toBeNull()
    expect(again).toEqual([])
  }, 60_000)
})
