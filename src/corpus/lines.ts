/** One line of a file, with where it sits. */
export interface Line {
  /** The line's text without its line break. */
  text: string
  /** Offset of the line's first character in the file. */
  start: number
  /** Offset one past the line's last character (before the line break). */
  end: number
  /** Number of leading spaces (a tab counts as one). */
  indent: number
  /** True when the line holds only whitespace. */
  blank: boolean
}

/** Splits `text` into lines from offset `from`, keeping offsets; `\r\n` and `\n` both end a line. */
export function splitLines(text: string, from = 0): Line[] {
  const lines: Line[] = []
  let start = from
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const next = end + 1
    // A CR before the LF belongs to the line break, not to the line's text.
    const stop = end > start && text[end - 1] === '\r' ? end - 1 : end
    const raw = text.slice(start, stop)
    const indent = raw.length - raw.trimStart().length
    lines.push({ text: raw, start, end: stop, indent, blank: raw.trim() === '' })
    if (end === text.length) break
    start = next
  }
  return lines
}

/** The span of a line without its surrounding whitespace. */
export function trimmedSpan(line: Line): { start: number; end: number; text: string } {
  const text = line.text.trim()
  const start = line.start + line.text.indexOf(text)
  return { start, end: start + text.length, text }
}

/** A run of consecutive non-blank lines. */
export interface Block {
  lines: Line[]
  /** Number of blank lines before the block (2 or more separates comments in some layouts). */
  blankBefore: number
}

/** Groups lines into blocks separated by blank lines. */
export function toBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = []
  let current: Line[] = []
  let blanks = 0
  let blankBefore = 0
  for (const line of lines) {
    if (line.blank) {
      if (current.length > 0) {
        blocks.push({ lines: current, blankBefore })
        current = []
        blanks = 0
      }
      blanks += 1
      continue
    }
    if (current.length === 0) blankBefore = blanks
    current.push(line)
  }
  if (current.length > 0) blocks.push({ lines: current, blankBefore })
  return blocks
}

/** A list item's marker at the start of a line: `•`, `*`, `-`, `–` and the like. */
export const BULLET = /^\s*(?:[•*▪◦‣-]|–)\s+/
/** A block quote's marker at the start of a line. */
export const QUOTE = /^\s*>\s?/

/** Offset where a line's content begins, after its indentation and any bullet or quote marker. */
export function contentStart(line: Line): number {
  const m = BULLET.exec(line.text) ?? QUOTE.exec(line.text)
  return line.start + (m ? m[0].length : line.indent)
}
