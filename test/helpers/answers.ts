import type { Citation, Claim } from '../../src/answer/types.js'

// Citations and claims for renderer tests: each call numbered, so that no two are alike.
let seq = 0

/** A citation of an article, with `over` laid on top. */
export function citation(over: Partial<Citation> = {}): Citation {
  seq += 1
  return {
    sourceId: 's1',
    file: '001.txt',
    title: 'A source',
    url: 'https://example.org/a',
    voice: 'article',
    author: 'Ann Writer',
    passageId: `s1#${seq}`,
    quote: `Quote number ${seq}.`,
    start: 0,
    end: 10,
    ...over,
  }
}

/** An undisputed claim with one citation, with `over` laid on top. */
export function claim(over: Partial<Claim> = {}): Claim {
  seq += 1
  return {
    id: `c${seq}`,
    statement: `Statement ${seq}.`,
    contested: false,
    note: 'Not disputed in the sources; stated only by A source.',
    support: [citation()],
    disputes: [],
    ...over,
  }
}
