import type { TestProject } from 'vitest/node'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwaway-postgres.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway server's admin URL, or '' when it could not start (see `postgresError`). */
    postgresUrl: string
    /** Why the server could not start; '' when it did. */
    postgresError: string
  }
}

let server: ThrowawayPostgres | null = null

// One throwaway PostgreSQL for the whole run, started before any test file: the tests of the Postgres store
// (and the processes sharing it) make databases of their own on it. When it cannot start, the tests that need
// it fail with the reason (see test/helpers/postgres.ts); the others still run.
export async function setup(project: TestProject): Promise<void> {
  try {
    server = await startThrowawayPostgres()
    project.provide('postgresUrl', server.url)
    project.provide('postgresError', '')
  } catch (error) {
    project.provide('postgresUrl', '')
    project.provide('postgresError', error instanceof Error ? error.message : String(error))
  }
}

export async function teardown(): Promise<void> {
  await server?.stop()
}
