// Wall-clock dates and times in an IANA time zone, with Intl (the only time-zone database Node ships).

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsIn(
  instant: Date,
  timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, format)
  }
  const out = { year: '', month: '', day: '', hour: '', minute: '' }
  for (const p of format.formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof typeof out] = p.value
  }
  return out
}

/** The local date of an instant in a time zone, `YYYY-MM-DD`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone)
  return `${p.year.padStart(4, '0')}-${p.month}-${p.day}`
}

/** The local wall-clock time of an instant in a time zone, `HH:MM` on a 24-hour clock. */
export function localTimeOf(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone)
  return `${p.hour}:${p.minute}`
}

/** The date `days` days after (or before, when negative) a `YYYY-MM-DD` date. */
export function addDays(localDate: string, days: number): string {
  const [y, m, d] = localDate.split('-').map(Number)
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days))
  return date.toISOString().slice(0, 10)
}

/**
 * The first instant of a local day in a time zone: its midnight, or the first moment after midnight
 * where a daylight-saving change skips midnight (as in America/Santiago or Asia/Beirut).
 */
export function startOfLocalDay(localDate: string, timeZone: string): Date {
  const [y, m, d] = localDate.split('-').map(Number)
  const utcMidnight = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)
  // Offsets lie within ±14 h, so the day starts within ±15 h of UTC midnight. Local dates only move forward
  // with time, so a binary search (to the millisecond) finds the first instant of the day.
  let lo = utcMidnight - 15 * 3_600_000
  let hi = utcMidnight + 15 * 3_600_000
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (localDateOf(new Date(mid), timeZone) >= localDate) hi = mid
    else lo = mid
  }
  return new Date(hi)
}

/** True when the runtime knows `timeZone` as an IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null
}

/** The runtime's spelling of a time zone (`europe/paris` → `Europe/Paris`), or null for an unknown one. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (timeZone.trim() === '') return null
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** The server's time zone, or `UTC` when the runtime cannot tell. */
export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** A date for a person, `Wednesday 1 May 2024`. */
export function describeDate(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number)
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1))
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...options }).format(date)
  return `${part({ weekday: 'long' })} ${d} ${part({ month: 'long' })} ${y}`
}

/** An instant for a person, in a time zone: `Wednesday 1 May 2024 at 09:00`. */
export function describeInstant(instant: Date, timeZone: string): string {
  return `${describeDate(localDateOf(instant, timeZone))} at ${localTimeOf(instant, timeZone)}`
}
