import { readFileSync, rmSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/built.js'
import { runStart, tempCheckout } from './run-start.js'

const dir = tempCheckout()
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm start with a damaged index', () => {
  it('says in one line which file is damaged, rebuilds the index from the seeds, and answers', () => {
    const corpus = join(dir, 'index', 'corpus.json')
    const bytes = readFileSync(corpus).byteLength
    truncateSync(corpus, Math.floor(bytes / 2))
    const run = runStart({
      cwd: dir,
      input: 'is it mandatory?\n',
      env: { DATABASE_PATH: join(dir, 'citebot.db') },
    })
    expect(run.status).toBe(0)
    const [said, ...steps] = run.stderr.trimEnd().split('\n')
    expect(said).toBe(
      `The index is damaged (index/corpus.json has ${Math.floor(bytes / 2)} bytes, not the ${bytes} it was written with); rebuilding it from the seeds…`,
    )
    // Off a terminal, the rebuild's steps follow, one line each.
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) expect(step).toMatch(/^index: [A-Za-z ]+ in \d+\.\d s/)
    expect(run.stdout).toContain('Contested: Edward Lin')
    expect(readFileSync(corpus)).toEqual(readFileSync(join(ROOT, 'index', 'corpus.json')))

    const again = runStart({
      cwd: dir,
      input: 'is it mandatory?\n',
      env: { DATABASE_PATH: join(dir, 'citebot.db') },
    })
    expect(again.stderr).toBe('')
    expect(again.stdout).toBe(run.stdout)
  }, 90_000)
})
