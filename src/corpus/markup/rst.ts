import { type DraftPassage, tighten } from '../draft.js'
import { type Line, splitLines } from '../lines.js'
import { emptyRead, type ManualRead, plainInline } from './manual.js'

// reStructuredText's block structure, read line by line: no parser on npm is kept up well
// enough to lean on, and the structure a reader needs is its indentation and adornments.

/** A section title's adornment: one punctuation character repeated. */
const ADORNMENT = /^([!-/:-@[-`{-~])\1{2,}\s*$/
/** Directives whose body is no prose. */
const VERBATIM_DIRECTIVES =
  /^(?:code|code-block|sourcecode|literalinclude|highlight|raw|math|image|figure|toctree|csv-table|list-table|table|contents|index|meta|parsed-literal|graphviz|doctest|testcode|testoutput|program-output|command-output|auto\w+|py:\w+|js:\w+|c:\w+|cpp:\w+)$/
const DIRECTIVE = /^\.\.\s+([\w:-]+)::(?:\s+(.*))?$/
/** A field (`:Author: Jane Roe`, `:param path: …`). */
const FIELD = /^:([^:\s][^:]*):(?:\s+(.*))?$/
/** An option list item: `-f, --force  Do it anyway.` (two spaces before the description). */
const OPTION =
  /^((?:-{1,2}|\/)[\w?][\w-]*(?:[ =][<\w>[\]-]+)?(?:, (?:-{1,2}|\/)[\w?][\w-]*(?:[ =][<\w>[\]-]+)?)*)(?: {2,}(\S.*))?$/
/** A bullet or enumerated list item. */
const LIST_ITEM = /^(?:[-*+•‣⁃]|\d+[.)]|#[.)]|[a-zA-Z][.)]|\(\d+\)|\([a-zA-Z#]\))\s+(?=\S)/

/** True when `text` reads as reStructuredText. */
export function looksLikeRst(text: string): boolean {
  const sample = text.length > 60_000 ? text.slice(0, 60_000) : text
  let signs = 0
  if (/^\.\. [\w:-]+::/m.test(sample)) signs += 2
  if (/^\.\. _[^:]+:/m.test(sample)) signs += 1
  if (/:[a-z]+:`[^`]+`/.test(sample)) signs += 2
  if (/``[^`\n]+``/.test(sample)) signs += 1
  if (/`[^`\n]+`_\b/.test(sample)) signs += 1
  if (/^(\S[^\n]{1,78})\n([=\-~^"'`#*+])\2{2,}$/m.test(sample)) signs += 1
  if (/::\n\n[ \t]+\S/.test(sample)) signs += 1
  return signs >= 3
}

/**
 * Reads a reStructuredText document: underlined (and overlined) titles are sections, the first
 * the document's title; a definition list's term, an option list's options and a field's name
 * are the section of what describes them; paragraphs, list items and block quotes are passages.
 * Literal blocks (after `::`), code and other directives that hold no prose, comments, tables,
 * targets and substitutions are left out. Docinfo fields at the top give author and date.
 */
export function readRst(text: string): ManualRead {
  const read = emptyRead()
  const lines = splitLines(text)
  const drafts: DraftPassage[] = []
  const styles: string[] = []
  let heading: string | null = null
  let term: { name: string; indent: number } | null = null
  let seenBody = false
  /** Lines indented more than this belong to a block being skipped (a literal, a code directive); -1: none. */
  let skipDeeper = -1
  const emit = (start: number, end: number) => {
    const span = tighten(text, start, end)
    if (span.end <= span.start || !/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) return
    drafts.push({ voice: 'article', section: term?.name ?? heading, start: span.start, end: span.end })
  }
  let i = 0
  while (i < lines.length) {
    const line = lines[i] as Line
    if (line.blank) {
      i += 1
      continue
    }
    if (skipDeeper >= 0) {
      if (line.indent > skipDeeper) {
        i += 1
        continue
      }
      skipDeeper = -1
    }
    if (term && line.indent <= term.indent && !isTermContinuation(lines, i, term)) term = null
    // The block: this line and the ones after it up to a blank line.
    let end = i + 1
    while (end < lines.length && !(lines[end] as Line).blank) end += 1
    const block = lines.slice(i, end)
    const t = line.text
    // Section titles: [overline] title underline.
    const title = titleAt(block)
    if (title) {
      const level = levelOf(styles, title.style)
      if (level === 0 && read.title === null && !seenBody) read.title = plainInline(title.text)
      else heading = plainInline(title.text)
      term = null
      i += title.lines
      continue
    }
    if (ADORNMENT.test(t) && block.length === 1) {
      i = end // a transition
      continue
    }
    // Explicit markup: directives, comments, targets, footnotes, substitutions.
    if (/^\s*\.\.(?:\s|$)/.test(t)) {
      const directive = DIRECTIVE.exec(t.trim())
      const name = directive?.[1] ?? ''
      if (name === 'include' && directive?.[2]) read.includes.push(directive[2].trim())
      const prose = directive !== null && !VERBATIM_DIRECTIVES.test(name) && name !== 'include'
      if (prose) {
        // An admonition's body is prose: read on, past its options.
        i += 1
        while (i < lines.length && FIELD.test((lines[i] as Line).text.trim())) i += 1
        continue
      }
      skipDeeper = line.indent
      i += 1
      continue
    }
    // Tables.
    if (/^\s*(?:\+[-=+]+\+|=+(?:\s+=+)+)\s*$/.test(t)) {
      i = end
      continue
    }
    // Fields: docinfo at the top, otherwise a term for its body.
    const field = FIELD.exec(t.trim())
    if (field && !/`/.test(field[1] ?? '')) {
      const name = (field[1] ?? '').trim()
      if (!seenBody) {
        const value = plainInline(field[2] ?? '')
        if (/^authors?$/i.test(name) && value) read.author = value
        else if (/^date$/i.test(name) && value) read.date = value
        i += 1
        continue
      }
      term = { name: plainInline(name), indent: line.indent }
      if (field[2])
        emit(line.start + t.indexOf(field[2], t.indexOf(':', 1) + 1), (block[block.length - 1] as Line).end)
      i = end
      continue
    }
    seenBody = true
    // Option lists.
    const option = OPTION.exec(t.trim())
    if (option && /^\s*[-/]/.test(t)) {
      term = { name: option[1] ?? '', indent: line.indent }
      const rest = block.slice(1)
      if (option[2]) emit(line.start + t.lastIndexOf(option[2]), (block[block.length - 1] as Line).end)
      else if (rest.length > 0) emit((rest[0] as Line).start, (rest[rest.length - 1] as Line).end)
      i = end
      continue
    }
    // Definition lists: a term, its definition indented right under it.
    const second = block[1]
    if (second && second.indent > line.indent && !LIST_ITEM.test(t.trim()) && !/::\s*$/.test(t)) {
      term = { name: plainInline(t.replace(/\s+:\s+.*$/, '')), indent: line.indent }
      i = paragraphs(text, lines, i + 1, end, emit, (n) => {
        skipDeeper = n
      })
      continue
    }
    // Doctest blocks and line blocks are no prose of their own.
    if (/^\s*>>>/.test(t)) {
      i = end
      continue
    }
    i = paragraphs(text, lines, i, end, emit, (n) => {
      skipDeeper = n
    })
  }
  read.drafts = drafts
  return read
}

/** True when line `i` still belongs to the term's definition (a blank-separated paragraph indented under it). */
function isTermContinuation(lines: readonly Line[], i: number, term: { indent: number }): boolean {
  return (lines[i] as Line).indent > term.indent
}

/** Emits the paragraph or list items of lines `from`–`end`; a paragraph ending in `::` opens a literal block. */
function paragraphs(
  text: string,
  lines: readonly Line[],
  from: number,
  end: number,
  emit: (start: number, end: number) => void,
  literal: (indent: number) => void,
): number {
  const first = lines[from] as Line
  const last = lines[end - 1] as Line
  const items: Line[][] = []
  for (const l of lines.slice(from, end)) {
    const lastItem = items[items.length - 1]
    if (LIST_ITEM.test(l.text.trim()) && (!lastItem || l.indent <= (lastItem[0] as Line).indent))
      items.push([l])
    else if (lastItem) lastItem.push(l)
    else items.push([l])
  }
  for (const item of items) {
    const head = item[0] as Line
    const tail = item[item.length - 1] as Line
    const marker = LIST_ITEM.exec(head.text.trim())
    const start = head.start + head.indent + (marker?.[0].length ?? 0)
    // "Example::" shows as "Example:"; a lone "::" shows nothing.
    let stop = tail.end
    const body = text.slice(start, stop)
    if (/::\s*$/.test(body)) stop = start + body.replace(/\s*:\s*$/, '').length
    if (text.slice(start, stop).trim() !== '') emit(start, stop)
  }
  if (/::\s*$/.test(last.text)) literal(first.indent)
  return end
}

/** A section title at the start of a block: its text, its style (adornment character, overlined or not), its line count. */
function titleAt(block: readonly Line[]): { text: string; style: string; lines: number } | null {
  const [a, b, c] = block
  if (!a) return null
  if (ADORNMENT.test(a.text) && b && c && ADORNMENT.test(c.text) && a.text.trim()[0] === c.text.trim()[0]) {
    if (b.text.trim().length <= a.text.trim().length)
      return { text: b.text.trim(), style: `${a.text.trim()[0]}o`, lines: 3 }
  }
  if (b && ADORNMENT.test(b.text) && a.indent === 0 && !ADORNMENT.test(a.text)) {
    if (b.text.trim().length >= a.text.trim().length)
      return { text: a.text.trim(), style: b.text.trim()[0] ?? '=', lines: 2 }
  }
  return null
}

/** The level of a title style: the order in which styles first appear (reStructuredText's rule). */
function levelOf(styles: string[], style: string): number {
  let at = styles.indexOf(style)
  if (at < 0) {
    styles.push(style)
    at = styles.length - 1
  }
  return at
}
