import type { Voice } from './types.js'

/** A passage before its source id is known: what the layout readers produce. */
export interface DraftPassage {
  voice: Voice
  /** Writer of the passage; `undefined` means "the document's author" (filled in later). */
  author?: string | null
  /** Index (in the draft list) of the first passage of the comment this one answers. */
  replyTo?: number
  /** Index of the first passage of the comment this passage belongs to. */
  commentOf?: number
  section: string | null
  start: number
  end: number
  spam?: boolean
  /** PDF: the page the passage starts on, and the offsets where it runs on to the next pages. */
  page?: number
  pageBreaks?: number[]
  /** A comment's day, `YYYY-MM-DD`. */
  date?: string
}

/** Trims whitespace off both ends of a span of `text`, returning the tightened offsets. */
export function tighten(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s] ?? '')) s += 1
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1
  return { start: s, end: e }
}
