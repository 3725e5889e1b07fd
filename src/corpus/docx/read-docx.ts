import { extractDocx } from '../extract/extract.js'
import { all, parseHtmlDocument } from '../html/dom.js'
import { contentParts } from '../html/html-parts.js'
import { oneLine } from '../lay-out.js'
import type { DocumentParts, ReaderComment } from '../parts.js'
import { type ReadResult, readError } from '../read-error.js'
import type { ReadError } from '../types.js'
import { type DocxComment, openDocx, readDocxPackage } from './docx-package.js'

const COMMENT_MARK = 'a[href^="#comment-"]'

/**
 * Reads a Word file (`.docx`): its paragraphs and headings (through mammoth), its core
 * properties as metadata, and its review comments as reader comments by their authors, each
 * under the heading of the part of the text it was made on, replies under the comment they answer.
 */
export function readDocx(file: string, bytes: Uint8Array): ReadResult<DocumentParts> {
  const fail = (code: ReadError['code'], why: string) => readError(file, code, why)
  if (bytes.length === 0) return fail('EMPTY', 'the file is empty; save the document again or remove it.')
  const opened = openDocx(bytes)
  if (!opened.ok)
    return fail('UNREADABLE', `not a Word document (.docx): ${opened.why}; save it from Word as .docx.`)
  const raw = extractDocx(bytes)
  if (!raw.ok)
    return fail('UNREADABLE', `not a readable Word document (${raw.message}); save it from Word as .docx.`)
  const pkg = readDocxPackage(opened.files)
  const html = parseHtmlDocument(`<!doctype html><html><body>${raw.value.html}</body></html>`)
  // mammoth lists the comments after the text; they are read from comments.xml instead.
  for (const dl of all(html, 'dl')) if (dl.querySelector('dt[id^="comment-"]')) dl.remove()
  // Each comment sits under the heading of the text its mark is in.
  const sectionOf = new Map<string, string | null>()
  let section: string | null = null
  for (const el of all(html, 'h1, h2, h3, h4, h5, h6, p, li, td, th')) {
    const marks = all(el, COMMENT_MARK)
    for (const mark of marks) {
      sectionOf.set((mark.getAttribute('href') ?? '').slice('#comment-'.length), section)
      ;(mark.closest('sup') ?? mark).remove()
    }
    if (/^H[1-6]$/i.test(el.tagName) && !el.matches('.title'))
      section = oneLine(el.textContent ?? '') || section
  }
  const titleEl = html.querySelector('h1.title')
  const meta = { ...pkg.meta }
  if (!meta.title && titleEl?.textContent?.trim()) meta.title = oneLine(titleEl.textContent)
  titleEl?.remove()
  const parts = contentParts(html)
  const comments = threads(pkg.comments, sectionOf)
  if (!parts.some((p) => p.kind === 'paragraph' && oneLine(p.text) !== '') && comments.length === 0)
    return fail('NO_TEXT', 'the document holds no text; add some or remove it.')
  return { ok: true, doc: { meta, parts, comments } }
}

/** Review comments nested as replies, each with the section its mark is in. */
function threads(
  comments: readonly DocxComment[],
  sectionOf: ReadonlyMap<string, string | null>,
): ReaderComment[] {
  const byId = new Map<string, ReaderComment>()
  for (const c of comments)
    byId.set(c.id, {
      author: c.author,
      date: c.date,
      paragraphs: c.paragraphs,
      replies: [],
      section: sectionOf.get(c.id) ?? null,
    })
  const roots: ReaderComment[] = []
  for (const c of comments) {
    const comment = byId.get(c.id) as ReaderComment
    const parent = c.parentId ? byId.get(c.parentId) : undefined
    if (parent && parent !== comment) {
      // A reply is about the same part of the text as the comment it answers.
      if (comment.section === null) comment.section = parent.section ?? null
      parent.replies.push(comment)
    } else roots.push(comment)
  }
  return roots
}
