import { closest, distance } from 'fastest-levenshtein'

/**
 * The known name closest to a misspelt one (`jsn` → `json`, `SLACK_BOT_TOKN` → `SLACK_BOT_TOKEN`), or null when
 * none is near: at most a third of its letters (at least one) may differ. Case is ignored.
 */
export function closestName(typed: string, known: readonly string[]): string | null {
  if (known.length === 0 || typed === '') return null
  const lower = typed.toLowerCase()
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]))
  const near = closest(lower, [...byLower.keys()])
  const allowed = Math.max(1, Math.ceil(near.length / 3))
  return distance(lower, near) <= allowed ? (byLower.get(near) ?? null) : null
}
