import { StoredSentence } from '../build/stored-sentence.js'
import type { SentenceRecord } from '../claims/types.js'

/**
 * The sentences by id, read as a `Map` is read (`get`, `has`, `size`, `values()`). Sentences
 * read from the index are found from their id (`<passage>.<n>`: the passage's first sentence,
 * then n - 1 further) with no map of their own: at 1000× the seeds a map of 349,000 ids and the
 * ids themselves were some 60 MB and a third of a second to load.
 */
export class SentenceTable {
  /** Number of sentences. */
  readonly size: number
  /** Every id, when the sentences are not all read from the index (a freshly built one). */
  private readonly byId: Map<string, number> | null = null
  /** Ids that are not found from their passage (stored ids, or out of order). */
  private readonly other = new Map<string, number>()
  /** Passage id → the place of its first sentence. */
  private readonly firstOf = new Map<string, number>()

  constructor(private readonly list: readonly SentenceRecord[]) {
    this.size = list.length
    if (!list.every((s) => s instanceof StoredSentence)) {
      this.byId = new Map(list.map((s, i) => [s.id, i]))
      return
    }
    list.forEach((s, i) => {
      if (s instanceof StoredSentence && s.n === 1) this.firstOf.set(s.passageId, i)
    })
    list.forEach((s, i) => {
      if (!(s instanceof StoredSentence)) return
      const first = this.firstOf.get(s.passageId)
      if (s.storedId !== null || first === undefined || first + s.n - 1 !== i) this.other.set(s.id, i)
    })
  }

  /** The place (0, 1, …) of the sentence with an id, or undefined. */
  placeOf(id: string): number | undefined {
    if (this.byId) return this.byId.get(id)
    const other = this.other.get(id)
    if (other !== undefined) return other
    const dot = id.lastIndexOf('.')
    if (dot < 0) return undefined
    const n = Number(id.slice(dot + 1))
    const passageId = id.slice(0, dot)
    const first = this.firstOf.get(passageId)
    if (first === undefined || !Number.isInteger(n) || n < 1) return undefined
    const place = first + n - 1
    const s = this.list[place]
    // The sentence there must be this one: same passage, same number, no id of its own (so "p.01" is not "p.1").
    const same =
      s instanceof StoredSentence &&
      s.storedId === null &&
      s.n === n &&
      s.passageId === passageId &&
      id.length === dot + 1 + String(n).length
    return same ? place : undefined
  }

  /** The sentence at a place. */
  at(place: number): SentenceRecord | undefined {
    return this.list[place]
  }

  /** The sentence with an id, or undefined. */
  get(id: string): SentenceRecord | undefined {
    const place = this.placeOf(id)
    return place === undefined ? undefined : this.list[place]
  }

  /** True when there is a sentence with this id. */
  has(id: string): boolean {
    return this.placeOf(id) !== undefined
  }

  /** The sentences, in order. */
  values(): IterableIterator<SentenceRecord> {
    return this.list.values()
  }
}
