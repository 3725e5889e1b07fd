import type { PdfLine } from './pdf-lines.js'

/** Share of the page's height, at its top and at its bottom, where running heads and page numbers sit. */
const MARGIN = 0.12

/** A page number as printed: "4", "- 4 -", "Page 4", "4 of 12", "iv". */
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i

/** A line's text with its numbers made alike, so that "Report 2019 — page 3" matches page 4's. */
const shape = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()

/**
 * Drops running heads and feet and page numbers: lines in a page's top or bottom margin that are
 * a page number, or that recur (numbers aside) in the margins of at least two pages and of half
 * of them.
 */
export function dropRunningLines(pages: readonly PdfLine[][], heights: readonly number[]): PdfLine[][] {
  const inMargin = (l: PdfLine) => {
    const height = heights[l.page - 1] ?? 0
    return l.y >= height * (1 - MARGIN) || l.y <= height * MARGIN
  }
  const seen = new Map<string, Set<number>>()
  for (const lines of pages)
    for (const l of lines.filter(inMargin)) {
      const pagesWith = seen.get(shape(l.text)) ?? new Set<number>()
      pagesWith.add(l.page)
      seen.set(shape(l.text), pagesWith)
    }
  const recurring = (l: PdfLine) => {
    const n = seen.get(shape(l.text))?.size ?? 0
    return n >= 2 && n >= pages.length / 2
  }
  return pages.map((lines) =>
    lines.filter((l) => !(inMargin(l) && (PAGE_NUMBER.test(l.text.trim()) || recurring(l)))),
  )
}
