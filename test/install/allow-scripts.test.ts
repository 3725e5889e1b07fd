import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)
const read = (file: string) => JSON.parse(readFileSync(new URL(file, root), 'utf8')) as Record<string, unknown>

describe('install scripts', () => {
  it('allows, in package.json, every locked package that has an install script (npm 11 blocks the others)', () => {
    const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> }
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript === true)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
    const allowed = (read('package.json').allowScripts ?? {}) as Record<string, unknown>
    expect(withScripts).toContain('better-sqlite3')
    expect(withScripts.filter((name) => allowed[name] !== true)).toEqual([])
  })
})
