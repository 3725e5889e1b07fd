import type { SentenceRecord } from '../claims/types.js'

// A corpus 1000× the seeds has 349,000 sentences with 3.5 million terms: as an array of strings
// per sentence they were 45 MB of the heap and a good part of loading it. They are held as one
// array of term ids instead; a sentence's list is made when it is read (a question reads those
// of the passages it finds).

/** The terms of every sentence: `ids` holds, sentence after sentence, its number of terms and their places in `table`. */
export class SentenceTerms {
  /** Where each sentence's terms start in `ids`. */
  private readonly at: Int32Array

  constructor(
    private readonly table: readonly string[],
    private readonly ids: Int32Array,
    sentences: number,
  ) {
    this.at = new Int32Array(sentences)
    let i = 0
    for (let s = 0; s < sentences; s++) {
      this.at[s] = i + 1
      i += 1 + (ids[i] ?? 0)
    }
    if (i !== ids.length)
      throw new Error('index: the sentences and their terms do not match; run `npm run index`.')
  }

  /** The terms of the sentence at a place (strings of the one table: a term in 10,000 sentences is held once). */
  of(sentence: number): string[] {
    const from = this.at[sentence] ?? 0
    const count = this.ids[from - 1] ?? 0
    const out = new Array<string>(count)
    for (let k = 0; k < count; k++) out[k] = this.table[this.ids[from + k] ?? -1] ?? ''
    return out
  }
}

/**
 * A sentence read from the index: its terms are read from the shared `SentenceTerms` each time
 * they are asked for, and its id (`<passage>.<n>`, unless the index stored another) is made when
 * asked for, so that loading makes no string per sentence.
 */
export class StoredSentence implements SentenceRecord {
  constructor(
    /** The id the index stored for it, when it is not `<passage>.<n>`; else null. */
    readonly storedId: string | null,
    readonly passageId: string,
    /** Its number in its passage, from 1. */
    readonly n: number,
    readonly start: number,
    readonly end: number,
    readonly worthy: boolean,
    private readonly store: SentenceTerms,
    /** Its place in the index's sentences. */
    readonly place: number,
  ) {}

  get id(): string {
    return this.storedId ?? `${this.passageId}.${this.n}`
  }

  get terms(): string[] {
    return this.store.of(this.place)
  }

  /** The sentence as a plain record (as `JSON.stringify` sees it). */
  toJSON(): SentenceRecord {
    const { id, passageId, start, end, terms, worthy } = this
    return { id, passageId, start, end, terms, worthy }
  }
}
