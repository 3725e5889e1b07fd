import { randomBytes } from 'node:crypto'
import { afterAll, inject } from 'vitest'
import { createDatabase, dropDatabases } from './throwaway-postgres.js'

/** The throwaway server's admin URL (see test/setup/postgres.ts); throws why it is not there. */
export function postgresServerUrl(): string {
  const url = inject('postgresUrl')
  if (!url) throw new Error(`No PostgreSQL for the tests: ${inject('postgresError')}`)
  return url
}

/**
 * A maker of fresh, empty databases on the throwaway server, each with its own URL; the calling test file's
 * databases are dropped after its tests.
 */
export function useFreshDatabases(prefix: string): () => Promise<string> {
  const made: string[] = []
  afterAll(async () => {
    if (made.length > 0) await dropDatabases(postgresServerUrl(), made)
  })
  return async () => {
    const name = `${prefix}_${randomBytes(6).toString('hex')}`
    made.push(name)
    return createDatabase(postgresServerUrl(), name)
  }
}
