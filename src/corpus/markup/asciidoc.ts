import { type DraftPassage, tighten } from '../draft.js'
import { type Line, splitLines } from '../lines.js'
import { emptyRead, type ManualRead, plainInline } from './manual.js'

// AsciiDoc's block structure, read line by line (asciidoctor.js parses a git manual page in some
// 17 ms, the whole of git's documentation in 4 s, and gives no character offsets; this reader
// takes a tenth of that and keeps every passage a span of the file).

/** Delimited blocks whose content is no prose: listings, literals, passthroughs, comments, tables. */
const VERBATIM_DELIMITER = /^(?:-{4,}|\.{4,}|\+{4,}|\/{4,}|\|={3,}|,={3,}|:={3,}|`{3,}.*)$/
/** Delimited blocks of prose: examples, sidebars, quotes, open blocks. */
const COMPOUND_DELIMITER = /^(?:={4,}|\*{4,}|_{4,}|--)$/
/** Block styles (`[verse]`, `[source,shell]`) whose block is no prose. */
const VERBATIM_STYLE =
  /^\[(?:verse|literal|listing|source|pass|stem|latexmath|asciimath|comment|subs=[^\]]*)\b/
/** A one-line section title: `== Options`, `### Options`. */
const ONE_LINE_TITLE = /^(={1,6}|#{1,6})\s+(\S.*?)(?:\s+\1)?\s*$/
/** A two-line title's underline, by level: `=` 0, `-` 1, `~` 2, `^` 3, `+` 4. */
const UNDERLINE = /^([=\-~^+])\1{2,}\s*$/
/** A description list term: `--soft::`, `core.bare::`, `` `araxis`;; ``, nested `:::` and `::::`. */
const TERM = /^(\S(?:.*?\S)?)(:{2,4}|;;)(?:[ \t]+(.*))?$/
/** A list item: `* item`, `- item`, `. item`, `1. item`, `a. item`, `<1> callout`. */
const LIST_ITEM = /^[ \t]*(?:\*{1,5}|-|\.{1,5}|\d+\.|[a-zA-Z]\.|<\d+>)[ \t]+(?=\S)/
/** An attribute entry (`:author: Jane Roe`, `:toc:`), kept only for the header's metadata. */
const ATTRIBUTE = /^:([\w-]+)!?:(?:[ \t]+(.*))?$/
/** Preprocessor directives: conditionals and includes. */
const DIRECTIVE = /^(?:ifn?def|ifeval|endif|include)::/
/** Link macros (`linkgit:git-rm[1]`, `link:howto/x.html[the howto]`), to tell a paragraph of links only. */
const LINKS_ONLY = /\b(?:linkgit|link|xref|https?):[^\s[\]]*\[[^\]]*\]/g
const INCLUDE = /^include::([^[\s]+)\[[^\]]*\]\s*$/

const LEVELS = '=-~^+'
/** Headings of a manual page that name nothing but the page itself. */
const GENERIC_HEADING = /^(?:name|synopsis|description)$/i
/** An admonition paragraph's label (`NOTE: …`): no words of what it says. */
const ADMONITION = /^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+/

/** True when `text` reads as AsciiDoc (for a `.txt` file: git's manuals are `.txt`). */
export function looksLikeAsciiDoc(text: string): boolean {
  const sample = text.length > 60_000 ? text.slice(0, 60_000) : text
  let signs = 0
  if (/\blinkgit:[\w-]+\[\d/.test(sample)) signs += 2
  if (/^include::\S+\[\]$/m.test(sample)) signs += 2
  if (/^(?:ifn?def|endif)::[\w-]*\[\]$/m.test(sample)) signs += 2
  if (/\b(?:link|https?):[^\s[\]]+\[[^\]\n]*\]/.test(sample)) signs += 2
  if (/^\[(?:verse|listing|literal|source|NOTE|TIP|WARNING|IMPORTANT|CAUTION)\b[^\]\n]*\]$/m.test(sample))
    signs += 1
  if (/^(?:-{4,}|\.{4,})\n[\s\S]*?\n(?:-{4,}|\.{4,})$/m.test(sample)) signs += 1
  if (/^={2,6} \S/m.test(sample)) signs += 1
  if (/^\+\n\S/m.test(sample)) signs += 1
  // Description list terms: `--soft::`, `` `araxis`;; Use Araxis Merge ``.
  const terms = sample.match(/^\S[^\n]*?(?::{2,4}|;;)(?:[ \t]+\S[^\n]*)?$/gm)?.length ?? 0
  if (terms >= 2) signs += 3
  else if (terms >= 1) signs += 1
  // A title underlined to its length ("git-blame(1)" over "============").
  for (const m of sample.matchAll(/^(\S[^\n]{1,78})\n(={3,}|-{3,})$/gm)) {
    if (Math.abs((m[1]?.length ?? 0) - (m[2]?.length ?? 0)) <= 1) {
      signs += 1
      break
    }
  }
  return signs >= 3
}

interface Frame {
  /** The closing delimiter line. */
  delimiter: string
  /** The term the block belongs to when it is attached to a description list item. */
  term: string | null
}

/**
 * Reads an AsciiDoc document: section titles (one-line `== Title` and two-line underlined) are
 * sections, a description list's term (`--soft::`, `core.bare::`) is the section of its
 * description, list items and paragraphs are passages; listings, literal and indented blocks,
 * `[verse]` synopses, passthroughs, tables, comments, attribute entries and preprocessor
 * directives are left out. The NAME section's paragraph of a manual page is its topic.
 */
export function readAsciiDoc(text: string): ManualRead {
  const read = emptyRead()
  const lines = splitLines(text)
  const drafts: DraftPassage[] = []
  let heading: string | null = null
  let term: string | null = null
  /** True while the block after a `+` continuation, or the principal text after a term, belongs to the term. */
  let attached = false
  let style: string | null = null
  let inName = false
  let seenBody = false
  const frames: Frame[] = []
  const sectionNow = () => term ?? frames.findLast((f) => f.term !== null)?.term ?? heading
  const emit = (start: number, end: number) => {
    const span = tighten(text, start, end)
    if (span.end <= span.start || !/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) return
    // A paragraph of links only (a SEE ALSO list) says nothing to quote.
    if (!/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end).replace(LINKS_ONLY, ''))) return
    if (inName && read.topic === null) read.topic = plainInline(text.slice(span.start, span.end))
    drafts.push({ voice: 'article', section: sectionNow(), start: span.start, end: span.end })
  }
  const isBlank = (l: Line | undefined) => l === undefined || l.blank
  /** Where a paragraph starting at line `from` ends (exclusive): a blank line, a delimiter, a term, a continuation. */
  const paragraphEnd = (from: number, stopAtItems: boolean) => {
    let j = from + 1
    while (j < lines.length) {
      const l = lines[j] as Line
      if (l.blank || l.text === '+' || VERBATIM_DELIMITER.test(l.text) || COMPOUND_DELIMITER.test(l.text))
        break
      if (TERM.test(l.text) && !/^\s/.test(l.text)) break
      if (stopAtItems && LIST_ITEM.test(l.text)) break
      if (/^\/\/(?!\/\/)/.test(l.text)) break
      // A preprocessor line (`ifndef::git-pull[]`) ends the paragraph: it is no text of it.
      if (DIRECTIVE.test(l.text)) break
      j += 1
    }
    return j
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line
    const t = line.text
    if (line.blank) {
      // A blank line ends a list item's own text; the item goes on only after a `+`.
      attached = false
      continue
    }
    const top = frames[frames.length - 1]
    if (top && t === top.delimiter) {
      frames.pop()
      // After a block attached to a term, a `+` may attach more to the same term.
      if (top.term !== null) term = top.term
      attached = false
      continue
    }
    if (t === '+') {
      attached = term !== null || frames.some((f) => f.term !== null)
      continue
    }
    // Comments, attribute entries and directives.
    if (/^\/{4,}$/.test(t)) {
      i = closing(lines, i)
      continue
    }
    if (/^\/\/(?!\/\/)/.test(t)) continue
    const attr = ATTRIBUTE.exec(t)
    if (attr) {
      if (!seenBody) headerAttribute(read, attr[1] ?? '', attr[2] ?? '')
      continue
    }
    if (DIRECTIVE.test(t)) {
      const inc = INCLUDE.exec(t)
      if (inc?.[1]) read.includes.push(inc[1])
      continue
    }
    // Block attributes, anchors and titles (they describe the next block).
    if (/^\[\[[^\]]+\]\]$/.test(t) || /^\[#[^\]]+\]$/.test(t)) continue
    if (/^\[[^\]]*\]$/.test(t)) {
      style = t
      continue
    }
    if (/^\.[^\s.]/.test(t) && !LIST_ITEM.test(t)) continue
    // Delimited blocks.
    if (VERBATIM_DELIMITER.test(t)) {
      i = closing(lines, i)
      style = null
      continue
    }
    if (COMPOUND_DELIMITER.test(t)) {
      const verbatim = style !== null && VERBATIM_STYLE.test(style)
      style = null
      if (verbatim) {
        i = closing(lines, i)
        continue
      }
      frames.push({ delimiter: t, term: attached ? sectionNow() : null })
      if (!attached) term = null
      attached = false
      continue
    }
    // Section titles.
    const one = ONE_LINE_TITLE.exec(t)
    const next = lines[i + 1]
    const under = next ? UNDERLINE.exec(next.text) : null
    const twoLine =
      under !== null &&
      next !== undefined &&
      /^[\p{L}\p{N}`'"(]/u.test(t) &&
      Math.abs(next.text.trimEnd().length - t.trimEnd().length) <= 1 &&
      opensBlock(lines, i)
    if ((one && opensBlock(lines, i)) || twoLine) {
      const level = one ? (one[1]?.length ?? 1) - 1 : LEVELS.indexOf(under?.[1] ?? '-')
      const title = plainInline(one ? (one[2] ?? '') : t)
      if (level === 0 && read.title === null) read.title = title
      // A manual page's NAME, SYNOPSIS and DESCRIPTION are about the page's command itself.
      else heading = GENERIC_HEADING.test(title) && read.title !== null ? read.title : title
      inName = level > 0 && /^name$/i.test(title)
      term = null
      attached = false
      style = null
      frames.length = 0
      if (twoLine) i += 1
      continue
    }
    seenBody = true
    const verbatim = style !== null && VERBATIM_STYLE.test(style)
    style = null
    // A description list item: its term lines, then its own text.
    const termMatch = /^\s/.test(t) ? null : TERM.exec(t)
    if (termMatch) {
      const names = [plainInline(termMatch[1] ?? '')]
      let inline =
        termMatch[3] !== undefined ? line.start + t.indexOf(termMatch[3], (termMatch[1] ?? '').length) : -1
      let j = i + 1
      while (inline < 0 && j < lines.length) {
        const m = /^\s/.test(lines[j]?.text ?? ' ') ? null : TERM.exec(lines[j]?.text ?? '')
        if (!m) break
        names.push(plainInline(m[1] ?? ''))
        if (m[3] !== undefined)
          inline = (lines[j]?.start ?? 0) + (lines[j]?.text.indexOf(m[3], (m[1] ?? '').length) ?? 0)
        j += 1
      }
      term = names.join(', ')
      inName = false
      attached = false
      // The principal text: on the term's line, and on the lines right after it, indented or not.
      let end = j
      if (j < lines.length && !isBlank(lines[j]) && !startsBlock(lines[j] as Line))
        end = paragraphEnd(j, false)
      const from = inline >= 0 ? inline : (lines[j]?.start ?? 0)
      if (inline >= 0 || end > j)
        emit(from, end > j ? (lines[end - 1]?.end ?? from) : (lines[j - 1]?.end ?? from))
      i = end - 1
      continue
    }
    const item = LIST_ITEM.exec(t)
    if (item) {
      const end = paragraphEnd(i, true)
      emit(line.start + item[0].length, lines[end - 1]?.end ?? line.end)
      i = end - 1
      continue
    }
    // A paragraph: prose, unless a style or its indentation makes it a literal block.
    const end = paragraphEnd(i, false)
    // An indented paragraph is a literal block (an example command, a config snippet).
    const literal = /^\s/.test(t)
    if (!verbatim && !literal) {
      // A paragraph that is not attached ends the description list item before it.
      if (!attached && frames.every((f) => f.term === null)) term = null
      const label = ADMONITION.exec(t)
      emit(line.start + (label?.[0].length ?? 0), lines[end - 1]?.end ?? line.end)
    }
    attached = false
    i = end - 1
  }
  read.drafts = drafts
  return read
}

/**
 * True when line `i` starts a block: a blank line (or the file's start) comes before it, past the
 * anchors and block attributes that belong to it (`[[OPTIONS]]` above `OPTIONS` / `-------`).
 */
function opensBlock(lines: readonly Line[], i: number): boolean {
  let j = i - 1
  while (j >= 0 && BLOCK_ATTRIBUTE.test(lines[j]?.text ?? '')) j -= 1
  return j < 0 || (lines[j] as Line).blank
}

/** An anchor or block attribute line (`[[id]]`, `[#id]`, `[verse]`), which belongs to the block below it. */
const BLOCK_ATTRIBUTE = /^\[[^\]]*\]\]?$/

/** True when a line opens a block of its own rather than continuing a term's text. */
function startsBlock(line: Line): boolean {
  return (
    line.text === '+' ||
    VERBATIM_DELIMITER.test(line.text) ||
    COMPOUND_DELIMITER.test(line.text) ||
    /^\[[^\]]*\]$/.test(line.text)
  )
}

/** The index of the line that closes the delimited block opened at `i` (the last line when none does). */
function closing(lines: readonly Line[], i: number): number {
  const open = lines[i]?.text ?? ''
  // A fenced block (```lang) closes with the bare fence.
  const close = open.startsWith('```') ? open.replace(/^(`{3,}).*$/, '$1') : open
  for (let j = i + 1; j < lines.length; j++) if (lines[j]?.text.trimEnd() === close) return j
  return lines.length - 1
}

function headerAttribute(read: ManualRead, name: string, value: string): void {
  const v = value.trim()
  if (!v) return
  if (name === 'author') read.author = plainInline(v)
  else if (name === 'revdate' || name === 'date') read.date = v
}
