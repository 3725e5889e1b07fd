import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/built.js'

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })

const importsOf = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  )

describe('the core knows no platform', () => {
  const core = ['answer', 'claims', 'search', 'corpus'].flatMap((d) => files(join(ROOT, 'src', d)))
  const forbidden =
    /^(@slack\/|discord\.js|@discordjs\/|better-sqlite3|croner|pino)|\/(store|adapters|render|chat|digest)\//

  it('imports no platform SDK, database, scheduler or logger under src/answer, claims, search and corpus', () => {
    expect(core.length).toBeGreaterThan(10)
    for (const path of core) {
      for (const spec of importsOf(path)) expect(spec, relative(ROOT, path)).not.toMatch(forbidden)
    }
  })

  it('reads process.env only in src/config.ts', () => {
    for (const path of files(join(ROOT, 'src'))) {
      if (path.endsWith(join('src', 'config.ts'))) continue
      expect(readFileSync(path, 'utf8'), relative(ROOT, path)).not.toMatch(/process\.env/)
    }
  })
})
