/**
 * Tags: search terms for what a passage says in a shape rather than in a word. A numeric range
 * ("between 350 and 950", "from 350 to 950", "350–950") is a range even where the word "range"
 * is not written.
 */
export const TAGS = {
  /** A numeric range. */
  range: 'numrange',
} as const

const NUMBER = String.raw`\$?\d[\d,.]*%?`
const RANGE = new RegExp(
  String.raw`\b(?:between\s+${NUMBER}\s+and\s+${NUMBER}|from\s+${NUMBER}\s+to\s+${NUMBER}|${NUMBER}\s*[-–]\s*${NUMBER})`,
  'i',
)

/** The tags of a text. */
export function tagsOf(text: string): string[] {
  return RANGE.test(text) ? [TAGS.range] : []
}

/** Words that ask for a tag, with the credit of finding it. */
export const TAG_WORDS: Readonly<Record<string, readonly [tag: string, credit: number]>> = {
  range: [TAGS.range, 0.9],
  scale: [TAGS.range, 0.7],
  span: [TAGS.range, 0.7],
  interval: [TAGS.range, 0.7],
}
