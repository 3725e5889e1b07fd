import type { ParagraphPart, Part } from '../parts.js'
import type { PdfLine } from './pdf-lines.js'

/** A line that ends a sentence or a clause that can end a paragraph. */
const TERMINAL = /[.!?:;…"”’)\]]$/
/** Words whose hyphen at a line's end is part of the word ("self-" + "driving"), not a break. */
const HYPHENATED_PREFIX =
  /(?:^|[\s(“"])(?:self|well|non|co|ex|anti|pre|post|multi|cross|long|short|high|low|half|all|semi|quasi|so-called)-$/i

/** Joins two lines of a paragraph: a word hyphenated at the line's end is made whole again. */
export function joinLines(a: string, b: string): string {
  if (/\p{L}[-\u00ad]$/u.test(a) && /^\p{Ll}/u.test(b) && !HYPHENATED_PREFIX.test(a))
    return a.slice(0, -1) + b
  return `${a.replace(/\u00ad$/, '')} ${b}`
}

/** The font size most of the document's characters are set in. */
function bodySize(lines: readonly PdfLine[]): number {
  const chars = new Map<number, number>()
  for (const l of lines) chars.set(Math.round(l.size), (chars.get(Math.round(l.size)) ?? 0) + l.text.length)
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10
}

/** The usual distance between the baselines of two lines of body text, in points. */
function lineSpacing(lines: readonly PdfLine[], size: number): number {
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]
    const b = lines[i]
    if (!a || !b || a.page !== b.page || Math.round(a.size) !== size || Math.round(b.size) !== size) continue
    const gap = a.y - b.y
    if (gap > 0 && gap < size * 3) gaps.push(gap)
  }
  gaps.sort((x, y) => x - y)
  return gaps[Math.floor(gaps.length / 2)] ?? size * 1.2
}

interface Block {
  lines: PdfLine[]
}

/**
 * Groups lines into paragraphs: a new one starts after a wider gap than the usual line spacing,
 * where the font size changes, at a first-line indent, or after a short line that ends a
 * sentence; a paragraph that a page or column break cuts (it ends without closing punctuation)
 * goes on with the next page's or column's first line.
 */
function blocksOf(lines: readonly PdfLine[], size: number, spacing: number): Block[] {
  // A line is short when it stops well before the lines of its page that start where it starts
  // (its column's measure).
  const byPage = new Map<number, PdfLine[]>()
  for (const l of lines) {
    const page = byPage.get(l.page)
    if (page) page.push(l)
    else byPage.set(l.page, [l])
  }
  const measure = (l: PdfLine) =>
    Math.max(...(byPage.get(l.page) ?? []).filter((o) => Math.abs(o.x0 - l.x0) < size * 2).map((o) => o.x1))
  const blocks: Block[] = []
  for (const line of lines) {
    const block = blocks[blocks.length - 1]
    const prev = block?.lines[block.lines.length - 1]
    if (!block || !prev) {
      blocks.push({ lines: [line] })
      continue
    }
    // A page break or a move to the next column (the line is above the one before it) cuts a
    // paragraph only where the last line closes a sentence.
    const movedOn = prev.page !== line.page || line.y > prev.y + spacing
    const newBlock =
      Math.abs(prev.size - line.size) > 0.1 * size ||
      (movedOn
        ? TERMINAL.test(prev.text)
        : prev.y - line.y > spacing * 1.35 ||
          line.x0 > prev.x0 + size * 1.2 ||
          (TERMINAL.test(prev.text) && prev.x1 < measure(prev) - size * 4))
    if (newBlock) blocks.push({ lines: [line] })
    else block.lines.push(line)
  }
  return blocks
}

/** A paragraph's text from its lines, with the offsets where it runs on to each next page. */
function paragraphOf(lines: readonly PdfLine[]): ParagraphPart {
  let text = lines[0]?.text ?? ''
  const pageBreaks: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as PdfLine
    const joined = joinLines(text, line.text)
    if (line.page !== lines[i - 1]?.page) pageBreaks.push(joined.length - line.text.length)
    text = joined
  }
  const part: ParagraphPart = { kind: 'paragraph', text, page: lines[0]?.page ?? 1 }
  if (pageBreaks.length > 0) part.pageBreaks = pageBreaks
  return part
}

/** What the lines of a PDF hold: its title (the largest type on page 1) and its headings and paragraphs. */
export interface PdfParts {
  /** The text set largest near the top of the first page, when it stands out as a title; else null. */
  title: string | null
  parts: Part[]
}

/**
 * Reads a PDF's lines (in reading order, running heads dropped) as headings and paragraphs, with
 * the page each paragraph starts on. A short block set larger than the body text is a heading.
 */
export function pdfParts(lines: readonly PdfLine[]): PdfParts {
  const size = bodySize(lines)
  const blocks = blocksOf(lines, size, lineSpacing(lines, size))
  const isHeading = (b: Block) => {
    const first = b.lines[0]
    const text = b.lines.map((l) => l.text).join(' ')
    return Boolean(first && first.size >= size * 1.15 && text.length <= 160 && !/[.!?]$/.test(text))
  }
  let title: string | null = null
  const firstPage = blocks.filter((b) => b.lines[0]?.page === 1)
  const largest = Math.max(...firstPage.map((b) => b.lines[0]?.size ?? 0))
  const top = firstPage.find((b) => (b.lines[0]?.size ?? 0) === largest)
  if (top && isHeading(top) && largest >= size * 1.3) title = top.lines.map((l) => l.text).join(' ')
  const parts: Part[] = []
  for (const b of blocks) {
    if (b === top && title !== null) continue
    if (isHeading(b)) parts.push({ kind: 'heading', text: b.lines.map((l) => l.text).join(' ') })
    else parts.push(paragraphOf(b.lines))
  }
  return { title, parts }
}
