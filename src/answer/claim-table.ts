import type { PackedClaims } from '../build/packed-claims.js'
import type { ClaimRecord, DisputeRecord } from '../claims/types.js'

/**
 * Records made and kept for claims asked for again (a claim disputed by a reader's "nonsense" is
 * offered for many questions). Some 13 MB at most; at 1000× the seeds, with 4,096 the ranking of
 * 1,000 questions made 470 MB of short-lived records that outlived the young generation, with
 * 65,536 almost none.
 */
const CACHED = 65536

/**
 * The claims by id, read as a `Map` of `ClaimRecord`s is read (`get`, `has`, `keys()`,
 * `values()`, `size`), from their packed form (see build/packed-claims.ts): a claim's record is
 * made when it is asked for. Places are claims' places in the index (0, 1, …).
 */
export class ClaimTable implements Iterable<[string, ClaimRecord]> {
  /** Number of claims. */
  readonly size: number
  /** Where each claim starts in `rows` (and one past the last). */
  private readonly at: Int32Array
  /** Where each claim's similarities start. */
  private readonly similarityAt: Int32Array
  private byId: Map<string, number> | null = null
  private readonly cache = new Map<number, ClaimRecord>()

  /** `sentenceIdOf` gives the id of the index's sentence at a place. */
  constructor(
    private readonly packed: PackedClaims,
    private readonly sentenceIdOf: (sentence: number) => string,
  ) {
    const { rows } = packed
    const at: number[] = []
    const similarityAt: number[] = []
    let i = 0
    let s = 0
    while (i < rows.length) {
      at.push(i)
      similarityAt.push(s)
      const members = rows[i + 2] ?? 0
      s += members
      i += 3 + members
      i += 1 + 5 * (rows[i] ?? 0)
    }
    at.push(i)
    similarityAt.push(s)
    this.at = Int32Array.from(at)
    this.similarityAt = Int32Array.from(similarityAt)
    this.size = at.length - 1
    if (packed.ids && packed.ids.length !== this.size)
      throw new Error('index: the claims and their ids differ')
  }

  /** The id of the claim at a place. */
  idOf(claim: number): string {
    return this.packed.ids?.[claim] ?? `c${claim + 1}`
  }

  /** The place of the claim with an id, or undefined. */
  placeOf(id: string): number | undefined {
    if (this.packed.ids) {
      this.byId ??= new Map(this.packed.ids.map((x, i) => [x, i]))
      return this.byId.get(id)
    }
    const n = /^c[1-9]\d*$/.test(id) ? Number(id.slice(1)) : 0
    return n >= 1 && n <= this.size ? n - 1 : undefined
  }

  /** The record of the claim at a place: its members, similarities and disputes are read when first asked for. */
  record(claim: number): ClaimRecord {
    const cached = this.cache.get(claim)
    if (cached) return cached
    const start = this.at[claim] ?? 0
    const record = new PackedClaimRecord(
      this,
      claim,
      this.idOf(claim),
      this.sentenceId(this.packed.rows[start] ?? -1),
      this.packed.rows[start + 1] ?? 0,
    )
    if (this.cache.size >= CACHED) this.cache.clear()
    this.cache.set(claim, record)
    return record
  }

  private sentenceId(sentence: number): string {
    return this.sentenceIdOf(sentence)
  }

  /** The members of the claim at a place (sentence ids), leader first. */
  membersOf(claim: number): string[] {
    const { rows } = this.packed
    const start = this.at[claim] ?? 0
    const count = rows[start + 2] ?? 0
    const members: string[] = []
    for (let k = 0; k < count; k++) members.push(this.sentenceId(rows[start + 3 + k] ?? -1))
    return members
  }

  /** How similar each member of the claim at a place is to its leader. */
  similarityOf(claim: number): number[] {
    const from = this.similarityAt[claim] ?? 0
    const to = this.similarityAt[claim + 1] ?? from
    const out = new Array<number>(to - from)
    for (let k = from; k < to; k++) out[k - from] = this.packed.similarity[k] ?? 0
    return out
  }

  /** The disputes of the claim at a place. */
  disputesOf(claim: number): DisputeRecord[] {
    const { rows, cues, details } = this.packed
    const start = this.at[claim] ?? 0
    const d0 = start + 3 + (rows[start + 2] ?? 0)
    const disputes: DisputeRecord[] = []
    for (let k = 0, at = d0 + 1; k < (rows[d0] ?? 0); k++, at += 5) {
      disputes.push({
        sentenceId: this.sentenceId(rows[at] ?? -1),
        start: rows[at + 1] ?? 0,
        end: rows[at + 2] ?? 0,
        cue: cues[rows[at + 3] ?? -1] ?? 'negation',
        detail: details[rows[at + 4] ?? -1] ?? '',
      })
    }
    return disputes
  }

  /** Calls `visit` with each member of each claim: the claim's place, the member's sentence place and its index in `members`. */
  forEachMember(visit: (claim: number, sentence: number, index: number) => void): void {
    const { rows } = this.packed
    for (let c = 0; c < this.size; c++) {
      const start = this.at[c] ?? 0
      const count = rows[start + 2] ?? 0
      for (let k = 0; k < count; k++) visit(c, rows[start + 3 + k] ?? -1, k)
    }
  }

  /** Calls `visit` with each dispute of each claim: the claim's place and the disputing sentence's place. */
  forEachDispute(visit: (claim: number, sentence: number) => void): void {
    const { rows } = this.packed
    for (let c = 0; c < this.size; c++) {
      const d0 = (this.at[c] ?? 0) + 3 + (rows[(this.at[c] ?? 0) + 2] ?? 0)
      for (let k = 0; k < (rows[d0] ?? 0); k++) visit(c, rows[d0 + 1 + 5 * k] ?? -1)
    }
  }

  /** The record of the claim with an id, or undefined. */
  get(id: string): ClaimRecord | undefined {
    const claim = this.placeOf(id)
    return claim === undefined ? undefined : this.record(claim)
  }

  /** True when there is a claim with this id. */
  has(id: string): boolean {
    return this.placeOf(id) !== undefined
  }

  /** The claims' ids, in order. */
  *keys(): IterableIterator<string> {
    for (let c = 0; c < this.size; c++) yield this.idOf(c)
  }

  /** The claims' records, in order. */
  *values(): IterableIterator<ClaimRecord> {
    for (let c = 0; c < this.size; c++) yield this.record(c)
  }

  /** [id, record] pairs, in order. */
  *entries(): IterableIterator<[string, ClaimRecord]> {
    for (let c = 0; c < this.size; c++) yield [this.idOf(c), this.record(c)]
  }

  [Symbol.iterator](): IterableIterator<[string, ClaimRecord]> {
    return this.entries()
  }
}

/**
 * Sentence → the claims it is linked to (as a member, or as a dispute), read as a `Map` is read
 * (`get`): one array of claim places, sentence after sentence, with a number for each link.
 */
export class SentenceLinks<T> {
  private readonly start: Int32Array
  private readonly claims: Int32Array
  private readonly extra: Int32Array

  /**
   * `each` calls its visitor with every link (claim place, sentence place, a number such as the
   * index in `members`); `make` turns a link into what `get` returns.
   */
  constructor(
    private readonly placeOf: (sentenceId: string) => number | undefined,
    sentences: number,
    each: (visit: (claim: number, sentence: number, extra: number) => void) => void,
    private readonly make: (claim: number, extra: number) => T,
  ) {
    const start = new Int32Array(sentences + 1)
    each((_, s) => {
      start[s + 1] = (start[s + 1] ?? 0) + 1
    })
    for (let s = 0; s < sentences; s++) start[s + 1] = (start[s + 1] ?? 0) + (start[s] ?? 0)
    const fill = start.slice(0, sentences)
    this.claims = new Int32Array(start[sentences] ?? 0)
    this.extra = new Int32Array(start[sentences] ?? 0)
    each((c, s, x) => {
      const k = fill[s] ?? 0
      this.claims[k] = c
      this.extra[k] = x
      fill[s] = k + 1
    })
    this.start = start
  }

  /** What links to a sentence, in claim order; undefined when nothing does. */
  get(sentenceId: string): T[] | undefined {
    const s = this.placeOf(sentenceId)
    if (s === undefined) return undefined
    const from = this.start[s] ?? 0
    const to = this.start[s + 1] ?? 0
    if (from === to) return undefined
    const out: T[] = []
    for (let k = from; k < to; k++) out.push(this.make(this.claims[k] ?? 0, this.extra[k] ?? 0))
    return out
  }
}

// Ranking a question's claims reads only a claim's id, leader, sources and one similarity, for
// thousands of claims (a reader's "nonsense" may dispute thousands): the lists are made only for
// the claims that are shown.
/** A claim's record read from the packed claims, its lists made when first read. */
class PackedClaimRecord implements ClaimRecord {
  private members_: string[] | null = null
  private similarity_: number[] | null = null
  private disputes_: DisputeRecord[] | null = null

  constructor(
    private readonly table: ClaimTable,
    private readonly place: number,
    readonly id: string,
    readonly leader: string,
    readonly sources: number,
  ) {}

  get members(): string[] {
    this.members_ ??= this.table.membersOf(this.place)
    return this.members_
  }

  get similarity(): number[] {
    this.similarity_ ??= this.table.similarityOf(this.place)
    return this.similarity_
  }

  get disputes(): DisputeRecord[] {
    this.disputes_ ??= this.table.disputesOf(this.place)
    return this.disputes_
  }

  /** The record as a plain object (as `JSON.stringify` sees it). */
  toJSON(): ClaimRecord {
    const { id, leader, members, similarity, sources, disputes } = this
    return { id, leader, members, similarity, sources, disputes }
  }
}
