import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)
const read = (file: string) =>
  JSON.parse(readFileSync(new URL(file, root), 'utf8')) as Record<string, unknown>

describe('install scripts', () => {
  it('decides, in package.json, on every locked package that has an install script, and allows better-sqlite3', () => {
    const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> }
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript === true)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
    const allowed = (read('package.json').allowScripts ?? {}) as Record<string, unknown>
    expect(withScripts).toContain('better-sqlite3')
    // npm 11 blocks (and later npm will refuse) a script that allowScripts neither allows nor denies.
    expect(withScripts.filter((name) => typeof allowed[name] !== 'boolean')).toEqual([])
    expect(allowed['better-sqlite3']).toBe(true)
  })
})
