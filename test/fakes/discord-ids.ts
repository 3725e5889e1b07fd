import { randomBytes } from 'node:crypto'

/** Discord's epoch (2015-01-01T00:00:00Z) in ms, the zero of every snowflake's timestamp. */
const DISCORD_EPOCH = 1_420_070_400_000n

let lastMs = 0n
let increment = 0n

/**
 * A snowflake for a fixed moment, for stable ids such as the fake's bot, guild and channels.
 * `n` (0..4095) tells apart several ids made for the same moment.
 */
export function snowflakeAt(ms: number, n: number): string {
  return (((BigInt(ms) - DISCORD_EPOCH) << 22n) | BigInt(n & 0xfff)).toString()
}

/** A fresh snowflake for now: unique and increasing within this process, like Discord's message ids. */
export function nextSnowflake(): string {
  const now = BigInt(Date.now())
  if (now > lastMs) {
    lastMs = now
    increment = 0n
  } else {
    increment += 1n
    if (increment > 0xfffn) {
      lastMs += 1n
      increment = 0n
    }
  }
  return (((lastMs - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString()
}

/** The ms timestamp a snowflake carries. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH)
}

/** A random interaction token, URL-safe like Discord's (which start with base64 of "interaction:"). */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(60).toString('base64url')}`
}

/** A random gateway session id (32 hex characters, as Discord sends). */
export function sessionId(): string {
  return randomBytes(16).toString('hex')
}
