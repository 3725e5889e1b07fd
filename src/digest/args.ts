import { canonicalTimeZone, serverTimeZone } from './local-time.js'

/** What `/digest …` asks for. */
export type DigestArgs =
  | { kind: 'subscribe'; time: string; timeZone: string }
  | { kind: 'unsubscribe' }
  | { kind: 'status' }
  | { kind: 'now' }
  /** Not a valid `/digest` command: `message` says why and how to use it. */
  | { kind: 'usage'; message: string }

/** Defaults of `/digest subscribe`. */
export interface DigestArgDefaults {
  /** `HH:MM`, 24-hour. Default `09:00`. */
  time?: string
  /** IANA time zone. Default the server's (`Intl.DateTimeFormat().resolvedOptions().timeZone`). */
  timeZone?: string
}

/** The `/digest` usage line. */
export const DIGEST_USAGE = '/digest subscribe [HH:MM] [time zone] | unsubscribe | status | now'

const usage = (why?: string): DigestArgs => ({
  kind: 'usage',
  message: [
    why,
    `Usage: ${DIGEST_USAGE}`,
    'For example /digest subscribe 08:30 Europe/Paris (default 09:00 in the server’s time zone).',
  ]
    .filter(Boolean)
    .join('\n'),
})

/**
 * Parses the text after `/digest`. `subscribe` takes an optional time (`9:30`, `09:30`, `21:00`, `9am`,
 * `9:30pm`) and an optional IANA time zone (`Europe/Paris`; spaces inside it may stand for underscores, as in
 * `America/New York`), in either order. A bad time or zone, or anything else, gives usage.
 */
export function parseDigestArgs(args: string, defaults: DigestArgDefaults = {}): DigestArgs {
  // "9:30 pm" and Discord's "9:30_pm" (it joins words with _) are one time.
  const words = args
    .trim()
    .replace(/(\d)[\s_]+([ap]\.?m\.?)(?=\s|$)/gi, '$1$2')
    .split(/\s+/)
    .filter((w) => w !== '')
  const [sub, ...rest] = words
  switch (sub?.toLowerCase()) {
    case 'subscribe':
      return subscribeArgs(rest, defaults)
    case 'unsubscribe':
    case 'status':
    case 'now':
      return rest.length === 0
        ? { kind: sub.toLowerCase() as 'unsubscribe' | 'status' | 'now' }
        : usage(`/digest ${sub.toLowerCase()} takes no arguments.`)
    case undefined:
      return usage()
    default:
      return usage(`I don’t know /digest ${sub}.`)
  }
}

function subscribeArgs(rest: string[], defaults: DigestArgDefaults): DigestArgs {
  let time: string | null = null
  const zoneWords: string[] = []
  for (const word of rest) {
    const parsed: string | null = time === null ? parseTime(word) : null
    if (parsed !== null) time = parsed
    else if (looksLikeTime(word))
      return usage(
        time === null
          ? `“${word}” is not a time: use HH:MM on a 24-hour clock (09:00, 21:30) or 9am, 9:30pm.`
          : `Give one time, not “${word}” as well.`,
      )
    else zoneWords.push(word)
  }
  let timeZone = defaults.timeZone ?? serverTimeZone()
  if (zoneWords.length > 0) {
    const written = zoneWords.join('_')
    const known = canonicalTimeZone(written)
    if (known === null) {
      return usage(
        `“${zoneWords.join(' ')}” is not a time zone I know: use an IANA name such as Europe/Paris, America/New_York or UTC.`,
      )
    }
    timeZone = known
  }
  return { kind: 'subscribe', time: time ?? defaults.time ?? '09:00', timeZone }
}

/** `HH:MM` for `9:30`, `09:30`, `21:00`, `9`+`am`/`pm` forms; null when `word` is no valid time. */
export function parseTime(word: string): string | null {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?(m\.?)?$/i.exec(word.trim())
  if (!m) return null
  const [, hh, mm, half, meridiem] = m
  // "9" alone is no time; "9am", "9:30", "9h30" are.
  if (mm === undefined && half === undefined) return null
  if (half !== undefined && meridiem === undefined) return null
  let hour = Number(hh)
  const minute = mm === undefined ? 0 : Number(mm)
  if (minute > 59) return null
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0)
  } else if (hour > 23) return null
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

// A word meant as a time (digits with a colon, or am/pm) that did not parse: a bad time, not a zone.
function looksLikeTime(word: string): boolean {
  return /^\d+([:.h]\d*)?\s*([ap]\.?m?\.?)?$/i.test(word)
}
