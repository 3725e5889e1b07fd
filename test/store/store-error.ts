import { StoreError } from '../../src/store/errors.js'

/** The StoreError that `run` rejects with; fails the test when it resolves or rejects with something else. */
export async function storeErrorOf(run: () => Promise<unknown>): Promise<StoreError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof StoreError) return error
    throw error
  }
  throw new Error('expected a StoreError')
}
