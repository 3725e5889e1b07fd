import { assembleDocument } from './assemble.js'
import { readBody } from './body.js'
import { endsContent, isBoilerplateLine, startsComments } from './boilerplate.js'
import { parseDate, readByline } from './byline.js'
import { isNumberedLayout, readBlockComments, readNumberedComments } from './comments.js'
import { splitFrontMatter } from './front-matter.js'
import { type Line, splitLines } from './lines.js'
import { markdownStructure } from './markup/markdown.js'
import type { SidecarEntry } from './sidecar.js'
import type { Document } from './types.js'

/** Reads one document's text into its source metadata and attributed passages. */
export function parseDocument(file: string, text: string, meta: SidecarEntry = {}, hash?: string): Document {
  const { data: front, bodyStart } = splitFrontMatter(text)
  // Markdown's headings are sections and its code blocks no prose (blank lines to the reader).
  const md = /\.(?:md|markdown)$/i.test(file) ? markdownStructure(text, bodyStart) : null
  const hidden = (l: Line) => md?.hidden.some((h) => l.start >= h.start && l.start < h.end) ?? false
  const lines = splitLines(text, bodyStart).map((l) => (hidden(l) ? { ...l, blank: true } : l))
  const heading = md ? (l: Line) => md.headings.get(l.start) ?? null : undefined

  // The title is the first line, unless front matter or the sidecar gives one, or the text opens with a quote.
  let from = lines.findIndex((l) => !l.blank)
  const firstLine = lines[from]
  let titleLine: string | null = null
  if (firstLine && !front.title && !/^\s*>/.test(firstLine.text) && firstLine.text.trim().length <= 200) {
    if (!isBoilerplateLine(firstLine.text) && !readByline(firstLine.text)) {
      titleLine = heading?.(firstLine) ?? firstLine.text.trim()
      from += 1
    }
  }
  const rest = lines.slice(Math.max(from, 0))
  const footer = rest.findIndex((l) => endsContent(l.text))
  const content = footer >= 0 ? rest.slice(0, footer) : rest
  const split = content.findIndex((l) => startsComments(l.text))
  const bodyLines = split >= 0 ? content.slice(0, split) : content
  const commentLines = split >= 0 ? content.slice(split + 1) : []

  const quotedAuthor = meta.quotedAuthor ?? meta.publisher ?? front.publisher ?? null
  const body = readBody(text, bodyLines, {
    quotedAuthor,
    authorName: front.author ?? meta.author ?? null,
    ...(heading ? { heading } : {}),
  })
  const author = front.author ?? meta.author ?? body.byline.author ?? null
  const read = isNumberedLayout(commentLines) ? readNumberedComments : readBlockComments
  const drafts = [...body.passages, ...read(text, commentLines, body.passages.length)]

  return assembleDocument(
    file,
    text,
    drafts,
    {
      id: meta.id,
      title: front.title ?? meta.title ?? titleLine ?? file.replace(/\.(txt|md|markdown)$/i, ''),
      author,
      publisher: front.publisher ?? meta.publisher ?? body.byline.publisher ?? null,
      date: (front.date ? parseDate(front.date) : undefined) ?? meta.date ?? body.byline.date ?? null,
      url: front.url ?? meta.url ?? null,
    },
    hash,
  )
}
