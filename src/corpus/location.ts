import { isExtracted } from './formats.js'
import type { Passage } from './types.js'

/** Where a quote is in the original file, for formats whose quotes come from an extracted text. */
export interface Location {
  /** PDF: the page the quote starts on (from 1). */
  page?: number
  /** PDF: the page it ends on, when it runs on over a page break. */
  pageEnd?: number
  /** HTML and Word: the heading of the section it is in. */
  section?: string
}

/**
 * Where the span `start`–`end` of a passage is in the original: its page in a PDF, its section
 * heading in an HTML page or a Word file. Empty for `.txt` and `.md`, whose offsets are in the file.
 */
export function locate(passage: Passage, file: string, start: number, end: number): Location {
  const at: Location = {}
  if (passage.page !== undefined) {
    const breaks = passage.pageBreaks ?? []
    const first = passage.page + breaks.filter((b) => b <= start).length
    const last = passage.page + breaks.filter((b) => b < end).length
    at.page = first
    if (last > first) at.pageEnd = last
  }
  if (passage.section !== null && isExtracted(file) && passage.page === undefined)
    at.section = passage.section
  return at
}
