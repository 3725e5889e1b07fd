import type { TurnPolicy } from './conversations.js'
import type { StaleClaimPolicy } from './digest-runs.js'
import type { OpenStoreOptions } from './types.js'
import { checkInteger, checkPositive } from './validate.js'

/** The options every store reads, checked and with their defaults. */
export interface StoreSettings {
  /** When a claimed scheduled run is stale, and how often it may be re-claimed. */
  stale: StaleClaimPolicy
  /** How long to wait for the database, in ms. */
  busyTimeoutMs: number
  /** The clock for the timestamps the caller does not pass. */
  clock: () => Date
  /** How many answers a conversation keeps, and for how long. */
  turns: TurnPolicy
}

const defaults = {
  staleClaimMinutes: 10,
  staleClaimRetries: 1,
  busyTimeoutMs: 5000,
  conversationTurns: 3,
  conversationDays: 7,
}

/** `options` checked (throws `STORE_INVALID_INPUT`), with the defaults filled in. */
export function storeSettings(options: OpenStoreOptions): StoreSettings {
  const staleClaimMinutes = options.staleClaimMinutes ?? defaults.staleClaimMinutes
  const staleClaimRetries = options.staleClaimRetries ?? defaults.staleClaimRetries
  const busyTimeoutMs = options.busyTimeoutMs ?? defaults.busyTimeoutMs
  checkPositive(staleClaimMinutes, 'staleClaimMinutes')
  checkInteger(staleClaimRetries, 'staleClaimRetries', 0)
  checkInteger(busyTimeoutMs, 'busyTimeoutMs', 0)
  const conversationTurns = options.conversationTurns ?? defaults.conversationTurns
  const conversationDays = options.conversationDays ?? defaults.conversationDays
  checkInteger(conversationTurns, 'conversationTurns', 1)
  checkPositive(conversationDays, 'conversationDays')
  return {
    stale: { staleAfterMs: staleClaimMinutes * 60_000, retries: staleClaimRetries },
    busyTimeoutMs,
    clock: options.now ?? (() => new Date()),
    turns: { keep: conversationTurns, ttlMs: conversationDays * 86_400_000 },
  }
}
