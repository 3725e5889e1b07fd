import { isBoilerplateLine } from './boilerplate.js'
import { type DraftPassage, tighten } from './draft.js'
import { contentStart, type Line, toBlocks } from './lines.js'
import { isSpam } from './spam.js'

const NUMBERED = /^(\s*)(\d+)\.\s+(\S.*)$/

interface DraftComment {
  author: string | null
  parent: DraftComment | null
  /** Paragraphs, each a run of lines. */
  paragraphs: Line[][]
  firstIndex?: number
}

/** Turns comments into passages, one per paragraph, linking replies to the comment they answer. */
function toPassages(text: string, comments: DraftComment[], offset: number): DraftPassage[] {
  const out: DraftPassage[] = []
  for (const comment of comments) {
    const body = comment.paragraphs
      .map((p) => text.slice(p[0]?.start ?? 0, p[p.length - 1]?.end ?? 0))
      .join('\n')
    const spam = isSpam(body)
    for (const para of comment.paragraphs) {
      const head = para[0]
      const tail = para[para.length - 1]
      if (!head || !tail) continue
      const span = tighten(text, contentStart(head), tail.end)
      if (span.end <= span.start) continue
      const index = offset + out.length
      comment.firstIndex ??= index
      const passage: DraftPassage = {
        voice: 'comment',
        author: comment.author,
        section: null,
        start: span.start,
        end: span.end,
        commentOf: comment.firstIndex,
        spam,
      }
      if (comment.parent?.firstIndex !== undefined) passage.replyTo = comment.parent.firstIndex
      out.push(passage)
    }
  }
  return out
}

/** True when the comments are a numbered list nested by indentation (name first, age last). */
export function isNumberedLayout(lines: Line[]): boolean {
  return lines.some((l, i) => {
    const next = lines.slice(i + 1).find((n) => !n.blank)
    return NUMBERED.test(l.text) && next !== undefined && next.indent > l.indent
  })
}

/**
 * Reads numbered, indented comments: "  1. Name", the comment's paragraphs indented deeper,
 * its age ("4 years ago") last; a reply is numbered again, indented under its parent.
 */
export function readNumberedComments(text: string, lines: Line[], offset: number): DraftPassage[] {
  const comments: DraftComment[] = []
  const stack: { indent: number; comment: DraftComment | null }[] = []
  let current: DraftComment | null = null
  let paragraph: Line[] = []
  const flush = () => {
    if (current && paragraph.length > 0) current.paragraphs.push(paragraph)
    paragraph = []
  }
  lines.forEach((line, i) => {
    const m = NUMBERED.exec(line.text)
    const next = lines.slice(i + 1).find((n) => !n.blank)
    const isHeader =
      m !== null && (next === undefined || next.indent > line.indent || /^pingback:/i.test(m[3] ?? ''))
    if (m && isHeader) {
      flush()
      while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? -1) >= line.indent) stack.pop()
      const parent = stack[stack.length - 1]?.comment ?? null
      // A pingback is a link notice, not a comment: its slot in the list holds nothing to cite.
      current = /^(pingback|trackback):/i.test(m[3] ?? '')
        ? null
        : { author: (m[3] ?? '').trim(), parent, paragraphs: [] }
      if (current) comments.push(current)
      stack.push({ indent: line.indent, comment: current })
      return
    }
    if (line.blank || isBoilerplateLine(line.text)) {
      flush()
      return
    }
    paragraph.push(line)
  })
  flush()
  return toPassages(text, comments, offset)
}

/** A short line of its own with no closing punctuation: a commenter's name. */
function looksLikeName(line: Line): boolean {
  const t = line.text.trim()
  return t.length <= 40 && t.split(/\s+/).length <= 4 && !/[.!?,;:…"”)]$/.test(t) && /\p{L}/u.test(t)
}

/**
 * Reads unnumbered comments: two blank lines separate comments, one blank line separates the
 * paragraphs of a comment, and a commenter's name, when given, is a short line before the text.
 */
export function readBlockComments(text: string, lines: Line[], offset: number): DraftPassage[] {
  const blocks = toBlocks(lines).filter((b) => !b.lines.every((l) => isBoilerplateLine(l.text)))
  const comments: DraftComment[] = []
  let current: DraftComment | null = null
  let name: string | null = null
  blocks.forEach((block, i) => {
    const only = block.lines.length === 1 ? block.lines[0] : undefined
    if (only && looksLikeName(only) && i + 1 < blocks.length) {
      name = only.text.trim()
      current = null
      return
    }
    if (!current || block.blankBefore >= 2) {
      current = { author: name, parent: null, paragraphs: [] }
      comments.push(current)
      name = null
    }
    current.paragraphs.push(block.lines.filter((l) => !isBoilerplateLine(l.text)))
  })
  return toPassages(text, comments, offset)
}
