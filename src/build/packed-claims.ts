import type { ClaimRecord, DisputeCue, SentenceRecord } from '../claims/types.js'

// At 1000× the seeds there are 282,000 claims with 2.3 million members and 1.1 million disputes:
// as objects (with the memberships that point back at them) they were 400 MB of the heap and
// most of the time spent loading. They are stored and held as arrays of integers instead, and a
// claim's record is made when it is asked for (see answer/claim-table.ts).

/**
 * The claims, packed. `rows` holds, claim after claim: its leader, its number of sources, its
 * number of members m, the m members, its number of disputes d, then for each dispute the
 * disputing sentence, the start and end of the quoted span, its cue and its detail. Sentences
 * are places in the index's list of sentences; cues and details places in `cues` and `details`.
 */
export interface PackedClaims {
  /** The claims' ids, when they are not `c1`, `c2`, … in order; else null. */
  ids: string[] | null
  rows: Int32Array
  /** Each member's similarity to its claim's leader, claim after claim, in `members` order. */
  similarity: Float64Array
  cues: DisputeCue[]
  details: string[]
}

/** Packs the claims built from `sentences`. */
export function packClaims(
  claims: readonly ClaimRecord[],
  sentences: readonly SentenceRecord[],
): PackedClaims {
  const place = new Map(sentences.map((s, i) => [s.id, i]))
  const at = (id: string) => {
    const i = place.get(id)
    if (i === undefined) throw new Error(`index: claim names a missing sentence ${id}`)
    return i
  }
  const table = <T>() => {
    const list: T[] = []
    const index = new Map<T, number>()
    const of = (value: T) => {
      let i = index.get(value)
      if (i === undefined) {
        i = list.push(value) - 1
        index.set(value, i)
      }
      return i
    }
    return { list, of }
  }
  const cues = table<DisputeCue>()
  const details = table<string>()
  const rows: number[] = []
  const similarity: number[] = []
  let regular = true
  claims.forEach((c, i) => {
    if (c.id !== `c${i + 1}`) regular = false
    if (c.similarity.length !== c.members.length)
      throw new Error(
        `index: claim ${c.id} has ${c.members.length} members but ${c.similarity.length} similarities`,
      )
    rows.push(at(c.leader), c.sources, c.members.length)
    for (const m of c.members) rows.push(at(m))
    for (const x of c.similarity) similarity.push(x)
    rows.push(c.disputes.length)
    for (const d of c.disputes)
      rows.push(at(d.sentenceId), d.start, d.end, cues.of(d.cue), details.of(d.detail))
  })
  return {
    ids: regular ? null : claims.map((c) => c.id),
    rows: Int32Array.from(rows),
    similarity: Float64Array.from(similarity),
    cues: cues.list,
    details: details.list,
  }
}
