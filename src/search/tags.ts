import { disputePhrase } from '../claims/cues.js'

/**
 * Tags: search terms for what a passage says in a shape rather than in a word. A numeric range
 * ("between 350 and 950", "from 350 to 950", "350–950") is a range even where the word "range"
 * is not written; a passage that calls something nonsense, a myth or inaccurate answers whether
 * an account is accurate even where "accurate" is not written.
 */
export const TAGS = {
  /** A numeric range. */
  range: 'numrange',
  /** Language that doubts or denies an account (see `DISPUTE_LANGUAGE`). */
  doubt: 'doubtlang',
} as const

const NUMBER = String.raw`\$?\d[\d,.]*%?`
const RANGE = new RegExp(
  String.raw`\b(?:between\s+${NUMBER}\s+and\s+${NUMBER}|from\s+${NUMBER}\s+to\s+${NUMBER}|${NUMBER}\s*[-–]\s*${NUMBER})`,
  'i',
)

/** The tags of a text. */
export function tagsOf(text: string): string[] {
  const tags: string[] = []
  if (RANGE.test(text)) tags.push(TAGS.range)
  if (disputePhrase(text) !== null) tags.push(TAGS.doubt)
  return tags
}

/** Credit of finding doubting language for a question about whether an account holds. */
const DOUBT_CREDIT = 0.8

/** Words that ask for a tag, with the credit of finding it. */
export const TAG_WORDS: Readonly<Record<string, readonly [tag: string, credit: number]>> = {
  range: [TAGS.range, 1],
  // "How high can the score go?": the top of a range answers it, as the range does.
  high: [TAGS.range, 0.6],
  highest: [TAGS.range, 0.6],
  low: [TAGS.range, 0.6],
  lowest: [TAGS.range, 0.6],
  maximum: [TAGS.range, 0.7],
  minimum: [TAGS.range, 0.7],
  scale: [TAGS.range, 0.7],
  span: [TAGS.range, 0.7],
  interval: [TAGS.range, 0.7],
  // Whether an account holds: answered by those who doubt it as well as by those who state it.
  ...Object.fromEntries(
    [
      'accurate',
      'accuracy',
      'inaccurate',
      'reliable',
      'reliability',
      'unreliable',
      'credible',
      'credibility',
      'exaggerate',
      'exaggerated',
      'exaggeration',
      'overblown',
      'overstated',
      'hype',
      'misleading',
      'myth',
      'misconception',
      'fake',
      'nonsense',
      'debunk',
      'rumor',
      'bogus',
      'hoax',
      'sensationalist',
    ].map((w) => [w, [TAGS.doubt, DOUBT_CREDIT] as const]),
  ),
}
