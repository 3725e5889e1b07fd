import { StoreError } from './errors.js'
import type { Platform } from './types.js'

const platforms: readonly string[] = ['slack', 'discord', 'console'] satisfies Platform[]

function invalid(field: string, value: unknown, expected: string): StoreError {
  return new StoreError(
    'STORE_INVALID_INPUT',
    `${field} must be ${expected}; got ${JSON.stringify(value)}.`,
    {
      context: { field, value },
    },
  )
}

/** Throws `STORE_INVALID_INPUT` unless `value` is a known platform. */
export function checkPlatform(value: unknown, field = 'platform'): asserts value is Platform {
  if (typeof value !== 'string' || !platforms.includes(value)) {
    throw invalid(field, value, `one of ${platforms.join(', ')}`)
  }
}

/** Throws `STORE_INVALID_INPUT` unless `value` is a non-empty string. */
export function checkNonEmpty(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw invalid(field, value, 'a non-empty string')
}

/** Throws `STORE_INVALID_INPUT` unless `value` is a string (possibly empty). */
export function checkString(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string') throw invalid(field, value, 'a string')
}

/** Throws unless `value` is a known platform and `channelId` a non-empty string. */
export function checkChannel(platform: unknown, channelId: unknown): asserts platform is Platform {
  checkPlatform(platform)
  checkNonEmpty(channelId, 'channelId')
}

/** Throws `STORE_INVALID_INPUT` unless `value` is `HH:MM` on a 24-hour clock. */
export function checkTimeOfDay(value: unknown, field = 'time'): asserts value is string {
  if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
    throw invalid(field, value, 'a 24-hour time HH:MM, e.g. 08:30')
  }
}

/** Throws `STORE_INVALID_INPUT` unless the runtime knows `value` as an IANA time zone. */
export function checkTimeZone(value: unknown, field = 'timeZone'): asserts value is string {
  if (typeof value === 'string' && value.length > 0) {
    try {
      // Intl is the only time-zone database Node ships; it throws a RangeError for a name it does not know.
      new Intl.DateTimeFormat('en-US', { timeZone: value })
      return
    } catch {
      // fall through to the error below
    }
  }
  throw invalid(field, value, 'an IANA time zone name, e.g. Europe/Berlin')
}

/** Throws `STORE_INVALID_INPUT` unless `value` is a real calendar date written `YYYY-MM-DD`. */
export function checkLocalDate(value: unknown, field = 'localDate'): asserts value is string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    const date = new Date(Date.UTC(year, month - 1, day))
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day)
      return
  }
  throw invalid(field, value, 'a calendar date YYYY-MM-DD, e.g. 2024-05-01')
}

/** Throws `STORE_INVALID_INPUT` unless `value` is an integer ≥ `min`. */
export function checkInteger(value: unknown, field: string, min: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalid(field, value, `an integer of at least ${min}`)
  }
}

/** Throws `STORE_INVALID_INPUT` unless `value` is a finite number > 0. */
export function checkPositive(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalid(field, value, 'a number greater than 0')
  }
}

/** Throws `STORE_INVALID_INPUT` unless `value` is one of `allowed`. */
export function checkOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(field, value, `one of ${allowed.join(', ')}`)
  }
}
