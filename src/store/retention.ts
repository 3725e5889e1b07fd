import type { OpenStoreOptions } from './types.js'
import { checkPositive } from './validate.js'

/** How long the store keeps what processes share only for a while: handled events and answered threads. */
export interface Retention {
  /** How long a handled event is remembered, in ms. */
  eventMs: number
  /** How long an answered thread is remembered, in ms. */
  threadMs: number
}

const HOUR = 3_600_000
// Expired rows are deleted now and then rather than on every write: they are never read (every read checks the
// age), so deleting them only keeps the tables small.
const PURGE_EVERY_MS = 10 * 60_000

/** The retention of `options` (default: events a day, threads 7 days); throws `STORE_INVALID_INPUT` for bad values. */
export function retentionOf(options: OpenStoreOptions): Retention {
  const eventHours = options.eventHours ?? 24
  const threadDays = options.threadDays ?? 7
  checkPositive(eventHours, 'eventHours')
  checkPositive(threadDays, 'threadDays')
  return { eventMs: eventHours * HOUR, threadMs: threadDays * 24 * HOUR }
}

/** A gate that opens once per 10 minutes of the caller's clock (and at the first call): when to delete expired rows. */
export function purgeGate(): (now: Date) => boolean {
  let last = Number.NEGATIVE_INFINITY
  return (now) => {
    const at = now.getTime()
    if (at - last < PURGE_EVERY_MS && at >= last) return false
    last = at
    return true
  }
}

/** The instant `ms` before `now`: rows older than it are expired. */
export function before(now: Date, ms: number): Date {
  return new Date(now.getTime() - ms)
}
