/** One side of a comparison of two term lists (see `Probe.measure`). */
export interface Side {
  /** Weight of the side's terms found in the other list (a related word counts its factor). */
  shared: number
  /** How many of the side's specific terms the other list holds, exactly or through a related word. */
  specific: number
  /** Weight of all the side's terms. */
  total: number
}

/** Probes kept for reuse: a sentence is compared with its candidates one after another. */
const RECENT_PROBES = 32

/**
 * Term lists as integer ids, to compare sentences fast. Claim building compares each sentence
 * with hundreds of others, clause by clause, and each comparison asks, for every word of one
 * list, whether the other holds it or a word related to it. A `Probe` of one list answers that
 * for any other list with a look-up per word of the other list.
 */
export class TermTable {
  private readonly ids = new Map<string, number>()
  private readonly terms: string[] = []
  private readonly weights: number[] = []
  private readonly encoded = new WeakMap<readonly string[], Int32Array>()
  private readonly related: ({ ids: Int32Array; factors: Float64Array } | undefined)[] = []
  private readonly recent = new Map<readonly string[], Probe>()

  /**
   * `weightOf` is a term's weight; `relatedOf` the words related to a term, with their factor
   * (0–1, the same both ways: `relatedOf(a).get(b) === relatedOf(b).get(a)`); terms weighing at
   * least `specificWeight` are specific.
   */
  constructor(
    private readonly weightOf: (term: string) => number,
    private readonly relatedOf: (term: string) => ReadonlyMap<string, number> | undefined,
    readonly specificWeight: number,
  ) {}

  /** A term's id (a new one for a term not seen before). */
  idOf(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.terms.length
      this.ids.set(term, id)
      this.terms.push(term)
      this.weights.push(this.weightOf(term))
    }
    return id
  }

  /** The words related to a term and their factors, by id (worked out once per term). */
  relatedIds(id: number): { ids: Int32Array; factors: Float64Array } {
    let found = this.related[id]
    if (!found) {
      const entries = [...(this.relatedOf(this.terms[id] ?? '') ?? [])]
      found = {
        ids: Int32Array.from(entries, ([t]) => this.idOf(t)),
        factors: Float64Array.from(entries, ([, f]) => f),
      }
      this.related[id] = found
    }
    return found
  }

  /** A term's weight, by id. */
  weight(id: number): number {
    return this.weights[id] ?? 0
  }

  /** A list's ids, in order (kept for as long as the list lives). */
  encode(list: readonly string[]): Int32Array {
    let ids = this.encoded.get(list)
    if (!ids) {
      ids = Int32Array.from(list, (t) => this.idOf(t))
      this.encoded.set(list, ids)
    }
    return ids
  }

  /** The ids of any terms, in order. */
  encodeAll(terms: Iterable<string>): Int32Array {
    return Int32Array.from(terms, (t) => this.idOf(t))
  }

  /** A probe of `list` (one of the recently used ones, when the same list was probed lately). */
  probe(list: readonly string[]): Probe {
    let p = this.recent.get(list)
    if (p) return p
    p = new Probe(this, this.encode(list))
    this.recent.set(list, p)
    if (this.recent.size > RECENT_PROBES) {
      const oldest = this.recent.keys().next()
      if (!oldest.done) this.recent.delete(oldest.value)
    }
    return p
  }
}

/**
 * One term list, ready to be compared with many others: for every term, which of the list's
 * positions it matches and how much (1 for the same term, a related word's factor otherwise).
 */
export class Probe {
  /**
   * Term id → `[found, position, factor, position, factor, …]`: how much the term counts as
   * found in the list (the best factor: 1 for a term of the list), then each position of the
   * list it matches and how much.
   */
  private readonly reach = new Map<number, number[]>()
  /** Per position, how much the list's term at it was found in the list last measured. */
  private readonly best: Float64Array
  /** The other list's side of the last measure (see `measure`). */
  readonly their: Side = { shared: 0, specific: 0, total: 0 }

  constructor(
    private readonly table: TermTable,
    private readonly ids: Int32Array,
  ) {
    this.best = new Float64Array(ids.length)
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number
      this.add(id, k, 1)
      const related = table.relatedIds(id)
      for (let j = 0; j < related.ids.length; j++)
        this.add(related.ids[j] as number, k, related.factors[j] as number)
    }
  }

  private add(id: number, k: number, f: number): void {
    const entry = this.reach.get(id)
    if (!entry) this.reach.set(id, [f, k, f])
    else {
      entry.push(k, f)
      if (f > (entry[0] as number)) entry[0] = f
    }
  }

  /**
   * Compares the list with `other` (ids): returns how much of the list is found in `other`, and
   * leaves in `their` how much of `other` is found in the list, each word weighed in order.
   */
  measure(other: Int32Array): Side {
    const best = this.best
    best.fill(0)
    const specificWeight = this.table.specificWeight
    let shared = 0
    let specific = 0
    let total = 0
    for (let i = 0; i < other.length; i++) {
      const id = other[i] as number
      const w = this.table.weight(id)
      total += w
      const entry = this.reach.get(id)
      if (!entry) continue
      const m = entry[0] as number
      shared += m * w
      if (m > 0 && w >= specificWeight) specific += 1
      for (let j = 1; j < entry.length; j += 2) {
        const k = entry[j] as number
        const f = entry[j + 1] as number
        if (f > (best[k] as number)) best[k] = f
      }
    }
    this.their.shared = shared
    this.their.specific = specific
    this.their.total = total
    return this.own(-1)
  }

  /** How much a term (an id) counts as found in the list: 1 when it is there, a related word's factor, else 0. */
  reachOf(id: number): number {
    return this.reach.get(id)?.[0] ?? 0
  }

  /** How much the list's term at position `k` was found in the list last measured (0–1). */
  foundAt(k: number): number {
    return this.best[k] ?? 0
  }

  /** The list's side of the last measure, leaving out the positions holding term `except` (an id; -1: none). */
  own(except: number): Side {
    const specificWeight = this.table.specificWeight
    let shared = 0
    let specific = 0
    let total = 0
    for (let k = 0; k < this.ids.length; k++) {
      const id = this.ids[k] as number
      if (id === except) continue
      const w = this.table.weight(id)
      total += w
      const m = this.best[k] as number
      shared += m * w
      if (m > 0 && w >= specificWeight) specific += 1
    }
    return { shared, specific, total }
  }
}
