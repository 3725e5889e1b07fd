import { StoreError } from './errors.js'

// Times are stored as ISO-8601 UTC strings with milliseconds (`2024-05-01T07:00:00.000Z`): readable in the
// sqlite3 shell, and, being fixed-width, they sort and compare as text in time order, which the queries rely on.

/** `date` as the ISO-8601 UTC string the database stores; `field` names the input in the error for an invalid date. */
export function toStoredTime(date: Date, field: string): string {
  checkDate(date, field)
  return date.toISOString()
}

/** Throws `STORE_INVALID_INPUT` unless `date` is a valid Date; `field` names the input in the error. */
export function checkDate(date: unknown, field: string): asserts date is Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new StoreError('STORE_INVALID_INPUT', `${field} must be a valid Date; got ${String(date)}.`, {
      context: { field, value: String(date) },
    })
  }
}

/** A stored ISO-8601 string back as a Date. */
export function fromStoredTime(stored: string): Date {
  return new Date(stored)
}
