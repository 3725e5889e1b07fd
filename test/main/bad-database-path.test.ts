import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../store/temp-dir.js'
import { runStart } from './run-start.js'

const dir = useTempDir('bad-db')
const file = join(dir, 'a-file')
writeFileSync(file, 'not a directory\n')
const text = join(dir, 'notes.txt')
writeFileSync(text, 'these are not the pages you are looking for\n'.repeat(100))
const directory = join(dir, 'a-directory')
mkdirSync(directory)

// The kernel's answer to mkdir under /sys and /proc depends on who runs the tests (root or not).
const denied = (dir: string) =>
  new RegExp(`: cannot create the directory ${dir} \\((EPERM|EACCES|ENOENT)\\)\\. `)

const BAD_PATHS: { path: string; reason: string | RegExp }[] = [
  { path: join(file, 'citebot.db'), reason: `: ${file} is a file, not a directory. ` },
  { path: join(file, 'deeper', 'citebot.db'), reason: `: ${file} is a file, not a directory. ` },
  { path: '/sys/citebot.db', reason: ': SQLite cannot open or create a file there. ' },
  { path: '/sys/citebot/citebot.db', reason: denied('/sys/citebot') },
  { path: text, reason: ': the file is not a SQLite database. ' },
  { path: '/proc/x/citebot.db', reason: denied('/proc/x') },
  { path: directory, reason: `: ${directory} is a directory, not a file. ` },
]

describe('npm start with a DATABASE_PATH it cannot use', () => {
  it.each(BAD_PATHS)(
    'stops at once with one line that says why, and no stack trace: $path',
    ({ path, reason }) => {
      const run = runStart({ env: { DATABASE_PATH: path } })
      expect(run.signal).toBeNull()
      expect(run.status).toBe(1)
      expect(run.stdout).toBe('')
      const lines = run.stderr.split('\n').filter(Boolean)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(
        new RegExp(`^citebot: Could not open the store at ${path.replace(/[.]/g, '\\.')}: `),
      )
      if (typeof reason === 'string') expect(lines[0]).toContain(reason)
      else expect(lines[0]).toMatch(reason)
      expect(lines[0]).toContain('Check that the path (DATABASE_PATH) is a writable file location')
    },
  )
})
