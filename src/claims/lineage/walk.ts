import type { LineageLink } from './types.js'

/** True when `to` can be reached from `from` by following links (`from` itself does not count). */
export function reachable(links: readonly LineageLink[], from: string, to: string): boolean {
  const next = new Map<string, string[]>()
  for (const l of links) next.set(l.from, [...(next.get(l.from) ?? []), l.to])
  const seen = new Set<string>([from])
  const queue = [from]
  while (queue.length > 0) {
    const at = queue.shift() as string
    for (const n of next.get(at) ?? []) {
      if (n === to) return true
      if (!seen.has(n)) {
        seen.add(n)
        queue.push(n)
      }
    }
  }
  return false
}
