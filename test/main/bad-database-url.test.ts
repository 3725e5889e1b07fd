import { describe, expect, it } from 'vitest'
import { unusedUrl } from '../helpers/free-port.js'
import { postgresServerUrl } from '../helpers/postgres.js'
import { runStart } from './run-start.js'

/** `npm start` with `DATABASE_URL`; its standard error's lines. */
function startWith(url: string): string[] {
  const run = runStart({ env: { DATABASE_URL: url } })
  expect(run.signal).toBeNull()
  expect(run.status).toBe(1)
  expect(run.stdout).toBe('')
  return run.stderr.split('\n').filter(Boolean)
}

describe('npm start with a DATABASE_URL it cannot use', () => {
  it('stops at once with one line when nothing listens there, naming the URL without its password', async () => {
    const url = (await unusedUrl('/citebot')).replace('http://', 'postgres://citebot:hunter2-secret@')
    const lines = startWith(url)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^citebot: Could not open the Postgres store at postgres:\/\/citebot:\*\*\*@127\.0\.0\.1:\d+\/citebot: nothing accepts connections at that host and port\. Check DATABASE_URL/,
    )
    expect(lines.join('\n')).not.toContain('hunter2-secret')
  })

  it('says the server has no database of that name', () => {
    const url = new URL(postgresServerUrl())
    url.pathname = '/not_made_yet'
    const lines = startWith(url.toString())
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('the server has no database of that name (create it, e.g. createdb citebot)')
  })

  it('says what a DATABASE_URL must look like', () => {
    expect(startWith('mysql://db/citebot')).toEqual([
      'citebot: DATABASE_URL must be a Postgres URL such as postgres://citebot:password@db.internal:5432/citebot.',
    ])
  })
})
