/** Share of sentences above which a term belongs to the corpus's whole topic ("credit", "China"). */
export const TOPIC_SHARE = 0.08
/** In a small corpus, a term must still be in at least this many sentences to count as topic. */
export const MIN_TOPIC_SENTENCES = 4
/** The least weight of a term, however common. */
export const MIN_WEIGHT = 0.05

/** The idf of a term in `df` of `n` sentences: ln(1 + n / df). */
export function idf(n: number, df: number): number {
  return Math.log(1 + n / Math.max(1, df))
}

/**
 * How much a term tells about what a sentence or question is about: its idf above that of a
 * topic word (one in `TOPIC_SHARE` of the sentences, or `MIN_TOPIC_SENTENCES` in a small corpus),
 * so that the words of the whole topic count for little and the words of one claim for much.
 */
export function termWeight(n: number, df: number): number {
  const floor = idf(n, Math.max(MIN_TOPIC_SENTENCES, TOPIC_SHARE * n))
  return Math.max(MIN_WEIGHT, idf(n, df) - floor)
}
