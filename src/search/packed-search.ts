import MiniSearch, { type AsPlainObject, type Options } from 'minisearch'

// MiniSearch keeps a term's postings in each field as a Map of document → frequency (an entry
// for each of the 5 million postings of a corpus 1000× the seeds), and loading them from its JSON
// builds a tree of objects first (a posting is a key of an object there).
// Here they are stored as one array of integers, read as it is, and MiniSearch reads each term's
// postings through a view of that array, which answers what it asks of a Map (`size`, `keys()`,
// `get()`): the same documents, frequencies and order, so the same scores.

/** What the search index holds besides its postings. */
export interface SearchInfo {
  documentCount: number
  nextId: number
  /** Document ids by short id (0, 1, …). */
  ids: string[]
  fieldIds: Record<string, number>
  /** Number of terms of each field of each document, by short id. */
  fieldLength: number[][]
  averageFieldLength: number[]
  /** The indexed terms, in the order of `postings`. */
  terms: string[]
}

/**
 * A MiniSearch index in the form stored in `index/`: for each term of `info.terms`, in order,
 * the number of fields it is in, then for each of them the field id, the number of documents n,
 * n short ids (ascending) and n frequencies.
 */
export interface PackedSearch {
  info: SearchInfo
  postings: Int32Array
}

/** Packs a search index (as `toJSON` gives it) for storing. */
export function packSearch(js: AsPlainObject): PackedSearch {
  const ids: string[] = []
  const fieldLength: number[][] = []
  for (const [shortId, id] of Object.entries(js.documentIds)) {
    // Short ids are 0, 1, … in an index that was built and never had a document removed.
    if (Number(shortId) !== ids.length) throw new Error('search index: short ids are not 0, 1, …')
    ids.push(String(id))
    fieldLength.push(js.fieldLength[shortId] ?? [])
  }
  const terms: string[] = []
  const out: number[] = []
  for (const [term, fields] of js.index) {
    terms.push(term)
    const entries = Object.entries(fields)
    out.push(entries.length)
    for (const [fieldId, freqs] of entries) {
      // Integer keys come out of an object in ascending order, as MiniSearch's loadJSON reads them.
      const docs = Object.entries(freqs as Record<string, number>)
      out.push(Number(fieldId), docs.length)
      for (const [doc] of docs) out.push(Number(doc))
      for (const [, freq] of docs) out.push(freq)
    }
  }
  const info: SearchInfo = {
    documentCount: js.documentCount,
    nextId: js.nextId,
    ids,
    fieldIds: js.fieldIds,
    fieldLength,
    averageFieldLength: js.averageFieldLength,
    terms,
  }
  return { info, postings: Int32Array.from(out) }
}

/** A term's postings in one field, as MiniSearch reads them: short ids ascending, with frequencies. */
class Postings {
  /** Where the next document asked for most likely is. */
  private next = 0

  constructor(
    private readonly data: Int32Array,
    private readonly at: number,
    /** Number of documents. */
    readonly size: number,
  ) {}

  /** The documents' short ids, ascending. */
  keys(): IterableIterator<number> {
    return this.data.subarray(this.at, this.at + this.size).values()
  }

  /** The term's frequency in a document, or undefined. */
  get(doc: number): number | undefined {
    // MiniSearch asks for each document in the order `keys()` gives them: try the one after the last found first.
    const next = this.next
    if (next < this.size && this.data[this.at + next] === doc) {
      this.next = next + 1
      return this.data[this.at + this.size + next]
    }
    let lo = 0
    let hi = this.size - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const d = this.data[this.at + mid] ?? 0
      if (d === doc) {
        this.next = mid + 1
        return this.data[this.at + this.size + mid]
      }
      if (d < doc) lo = mid + 1
      else hi = mid - 1
    }
    return undefined
  }

  /** [short id, frequency] pairs, as a Map iterates (for `toJSON`). */
  *entries(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.size; i++)
      yield [this.data[this.at + i] ?? 0, this.data[this.at + this.size + i] ?? 0]
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries()
  }
}

/** A MiniSearch index loaded from its packed form; it is searched as any other, and never changed. */
export class PackedMiniSearch<T> extends MiniSearch<T> {
  constructor({ info, postings }: PackedSearch, options: Options<T>) {
    super(options)
    this._documentCount = info.documentCount
    this._nextId = info.nextId
    this._fieldIds = info.fieldIds
    this._avgFieldLength = info.averageFieldLength
    info.ids.forEach((id, shortId) => {
      this._documentIds.set(shortId, id)
      this._idToShortId.set(id, shortId)
      this._fieldLength.set(shortId, info.fieldLength[shortId] ?? [])
    })
    let at = 0
    const next = () => postings[at++] ?? 0
    for (const term of info.terms) {
      const fields = new Map<number, Map<number, number>>()
      for (let f = next(); f > 0; f--) {
        const fieldId = next()
        const size = next()
        // A read-only stand-in for the Map MiniSearch would have made (see the top of this file).
        fields.set(fieldId, new Postings(postings, at, size) as unknown as Map<number, number>)
        at += 2 * size
      }
      this._index.set(term, fields)
    }
    if (at !== postings.length) throw new Error('search index: the postings do not match the terms')
  }
}
