import type { LineageLink } from './types.js'

/** True when `to` can be reached from `from` by following links (`from` itself does not count). */
export function reachable(links: readonly LineageLink[], from: string, to: string): boolean {
  return new Reach(links).from(from).has(to)
}

/**
 * What can be reached from each node by following links, worked out once per node asked (a
 * corpus of thousands of sources asks it for every pair of links).
 */
export class Reach {
  private readonly next = new Map<string, string[]>()
  private readonly reached = new Map<string, ReadonlySet<string>>()

  constructor(links: readonly LineageLink[]) {
    for (const l of links) {
      const list = this.next.get(l.from)
      if (list) list.push(l.to)
      else this.next.set(l.from, [l.to])
    }
  }

  /** The nodes reached from `start` by one link or more (`start` itself only through a cycle). */
  from(start: string): ReadonlySet<string> {
    let out = this.reached.get(start)
    if (out) return out
    const found = new Set<string>()
    const seen = new Set<string>([start])
    const queue = [start]
    for (let k = 0; k < queue.length; k++) {
      for (const n of this.next.get(queue[k] as string) ?? []) {
        found.add(n)
        if (!seen.has(n)) {
          seen.add(n)
          queue.push(n)
        }
      }
    }
    out = found
    this.reached.set(start, out)
    return out
  }
}
