import type { RawPdfItem, RawPdfPage } from '../extract/raw.js'

/** A line of text on a PDF page (or one column's part of it). */
export interface PdfLine {
  text: string
  /** Left and right ends and baseline, in points from the page's bottom left. */
  x0: number
  x1: number
  y: number
  /** Font size, in points (the largest on the line). */
  size: number
  /** Page number, from 1. */
  page: number
}

/** Gap between runs of one line, in font sizes, past which they are apart (a column's gutter, a table's cells). */
const APART = 2
/** Gap between runs, in font sizes, past which a space stands between them. */
const SPACED = 0.15

function lineOf(items: RawPdfItem[], page: number): PdfLine {
  let text = ''
  let end = Number.NEGATIVE_INFINITY
  for (const item of items) {
    const gap = item.x - end
    if (text !== '' && gap > SPACED * item.h && !/\s$/.test(text) && !/^\s/.test(item.s)) text += ' '
    text += item.s
    end = Math.max(end, item.x + item.w)
  }
  const first = items[0]
  return {
    text: text.trim(),
    x0: first?.x ?? 0,
    x1: end,
    y: first?.y ?? 0,
    size: Math.max(...items.map((i) => i.h)),
    page,
  }
}

/** The runs of a page grouped into lines by baseline, left to right, split where a wide gap parts them. */
function linesOf(raw: RawPdfPage, page: number): PdfLine[] {
  const items = raw.items.filter((i) => i.s.trim() !== '' && i.h > 0).sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: RawPdfItem[][] = []
  for (const item of items) {
    const row = rows[rows.length - 1]
    const base = row?.[0]
    if (row && base && Math.abs(base.y - item.y) <= 0.3 * Math.max(base.h, item.h)) row.push(item)
    else rows.push([item])
  }
  const lines: PdfLine[] = []
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x)
    let run: RawPdfItem[] = []
    let end = Number.NEGATIVE_INFINITY
    for (const item of row) {
      if (run.length > 0 && item.x - end > APART * item.h) {
        lines.push(lineOf(run, page))
        run = []
      }
      run.push(item)
      end = Math.max(end, item.x + item.w)
    }
    if (run.length > 0) lines.push(lineOf(run, page))
  }
  return lines.filter((l) => l.text !== '')
}

/**
 * The lines of a page in reading order: top to bottom, and on a page set in two columns, the left
 * column before the right one between the lines that span both (a title, a figure's caption).
 */
export function pageLines(raw: RawPdfPage, page: number): PdfLine[] {
  const lines = linesOf(raw, page)
  const mid = raw.width / 2
  const slack = raw.width * 0.02
  const side = (l: PdfLine) => (l.x1 <= mid + slack ? 'left' : l.x0 >= mid - slack ? 'right' : 'both')
  const left = lines.filter((l) => side(l) === 'left')
  const right = lines.filter((l) => side(l) === 'right')
  const overlap =
    left.length >= 3 &&
    right.length >= 3 &&
    Math.min(Math.max(...left.map((l) => l.y)), Math.max(...right.map((l) => l.y))) >
      Math.max(Math.min(...left.map((l) => l.y)), Math.min(...right.map((l) => l.y)))
  if (!overlap) return lines
  const out: PdfLine[] = []
  let band: PdfLine[] = []
  const flush = () => {
    out.push(...band.filter((l) => side(l) === 'left'), ...band.filter((l) => side(l) === 'right'))
    band = []
  }
  for (const line of lines) {
    if (side(line) === 'both') {
      flush()
      out.push(line)
    } else band.push(line)
  }
  flush()
  return out
}
