import { COUNTED_CONFIDENCE, type LineageLink, type SourceGraph } from './types.js'

/** A source of a line that draws on another of the same line. */
export interface Follower {
  sourceId: string
  /** The source of the line it draws on, directly or through sources that do not state the claim. */
  follows: string
  /** The link it draws on that source by (its first step, when the way goes through other sources). */
  link: LineageLink
  /** The sources between it and `follows` that do not state the claim (usually none). */
  through: string[]
}

/** One independent line: a source that draws on no other source stating the claim, and those that follow it. */
export interface Line {
  root: string
  /** Nearest first: each follower after the one it follows. */
  followers: Follower[]
}

/**
 * The links of a source graph that count (medium or high confidence) between sources of the corpus, for
 * finding which of the sources stating a claim are independent of each other.
 */
export class Lineage {
  private readonly out = new Map<string, LineageLink[]>()
  /** Sources' dates, for the head of a circle. */
  private readonly dates = new Map<string, string>()

  constructor(graph: SourceGraph) {
    for (const n of graph.nodes) if (n.date) this.dates.set(n.id, n.date)
    const sources = new Set(graph.nodes.filter((n) => n.kind === 'source').map((n) => n.id))
    for (const l of graph.links) {
      if (l.confidence < COUNTED_CONFIDENCE || !sources.has(l.to) || !sources.has(l.from)) continue
      const list = this.out.get(l.from)
      if (list) list.push(l)
      else this.out.set(l.from, [l])
    }
    for (const list of this.out.values()) list.sort((a, b) => b.confidence - a.confidence)
  }

  /**
   * The independent lines among sources that state one claim (`stating`, in the order they are cited): a
   * source that draws on another of them (directly or through sources that do not state it) follows that
   * one's line; sources that draw on each other in a circle are one line. Lines with more sources first.
   */
  lines(stating: readonly string[]): Line[] {
    const members = [...new Set(stating)]
    const set = new Set(members)
    const near = new Map(members.map((m) => [m, this.reached(m, set)]))
    // Every member a member reaches, nearest first, through the nearest members of each.
    const closure = new Map(
      members.map((m) => {
        const order: string[] = []
        const queue = [...(near.get(m)?.keys() ?? [])]
        while (queue.length > 0) {
          const x = queue.shift() as string
          if (x === m || order.includes(x)) continue
          order.push(x)
          queue.push(...(near.get(x)?.keys() ?? []))
        }
        return [m, order] as const
      }),
    )
    // A root reaches no member that does not reach it back: the end of every way, or a circle of its own.
    const isRoot = (m: string) => (closure.get(m) ?? []).every((x) => closure.get(x)?.includes(m))
    const date = (m: string) => this.dates.get(m) ?? '9999'
    const roots: string[] = []
    const lineOf = new Map<string, string>()
    for (const m of members) {
      if (!isRoot(m)) continue
      // In a circle, the earliest (then the first cited) stands for it.
      const circle = [m, ...(closure.get(m) ?? [])].sort(
        (a, b) => date(a).localeCompare(date(b)) || members.indexOf(a) - members.indexOf(b),
      )
      const head = circle[0] ?? m
      if (head === m) roots.push(m)
      lineOf.set(m, head)
    }
    const followers = new Map<string, Follower[]>(roots.map((r) => [r, []]))
    for (const m of members) {
      if (lineOf.get(m) === m) continue
      const first = [...(near.get(m)?.entries() ?? [])][0]
      // The line of the nearest root it reaches; a member of a circle, its head's.
      const root =
        lineOf.get(m) ?? (closure.get(m) ?? []).map((x) => lineOf.get(x)).find((x) => x !== undefined)
      if (!first?.[1].link || root === undefined) continue
      const [follows, way] = first
      followers.get(root)?.push({ sourceId: m, follows, link: way.link as LineageLink, through: way.through })
    }
    return roots
      .map((root) => ({ root, followers: ordered(root, followers.get(root) ?? []) }))
      .sort(
        (a, b) =>
          b.followers.length - a.followers.length || members.indexOf(a.root) - members.indexOf(b.root),
      )
  }

  /**
   * The members a source reaches, nearest first (by steps, then by the links' confidence), each with the
   * first link of the way and the sources passed on the way that are not members.
   */
  private reached(
    from: string,
    members: ReadonlySet<string>,
  ): Map<string, { link: LineageLink | undefined; through: string[] }> {
    const found = new Map<string, { link: LineageLink | undefined; through: string[] }>()
    const seen = new Set([from])
    let frontier: { at: string; link: LineageLink | undefined; through: string[] }[] = [
      { at: from, link: undefined, through: [] },
    ]
    while (frontier.length > 0) {
      const next: typeof frontier = []
      for (const f of frontier) {
        for (const l of this.out.get(f.at) ?? []) {
          if (seen.has(l.to)) continue
          seen.add(l.to)
          const step = { link: f.link ?? l, through: f.at === from ? [] : [...f.through, f.at] }
          if (members.has(l.to)) found.set(l.to, step)
          // A member's own sources are its line's, not this source's: the way stops there.
          else next.push({ at: l.to, ...step })
        }
      }
      frontier = next
    }
    return found
  }
}

/** Followers in the order a person reads a chain: those that follow the root first, then those that follow them. */
function ordered(root: string, list: readonly Follower[]): Follower[] {
  const out: Follower[] = []
  const placed = new Set([root])
  let rest = [...list]
  while (rest.length > 0) {
    const ready = rest.filter((f) => placed.has(f.follows))
    const take = ready.length > 0 ? ready : rest.slice(0, 1)
    for (const f of take) {
      out.push(f)
      placed.add(f.sourceId)
    }
    rest = rest.filter((f) => !take.includes(f))
  }
  return out
}
