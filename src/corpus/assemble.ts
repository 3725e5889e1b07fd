import { createHash } from 'node:crypto'
import type { DraftPassage } from './draft.js'
import { sourceSlug } from './source-id.js'
import type { Document, Passage, Source } from './types.js'

/** What is known about a document once its front matter, the sidecar and its own text are weighed. */
export interface DocumentMeta {
  /** The source id the sidecar fixes; otherwise a slug of publisher (or author) and title. */
  id?: string | undefined
  title: string
  author: string | null
  publisher: string | null
  date: string | null
  url: string | null
  /** What a manual page is about (see `Source.topic`); absent for other documents. */
  topic?: string | undefined
}

/**
 * Makes a document of a text and the passages its reader drafted: the source with its metadata,
 * and each passage as a span of `text`, numbered in order, with its writer (the document's
 * author unless the draft names one) and the passages it answers and belongs to.
 */
export function assembleDocument(
  file: string,
  text: string,
  drafts: readonly DraftPassage[],
  meta: DocumentMeta,
  hash?: string,
): Document {
  const source: Source = {
    id: meta.id ?? sourceSlug(meta.title, meta.publisher ?? meta.author),
    file,
    title: meta.title,
    author: meta.author,
    publisher: meta.publisher,
    date: meta.date,
    url: meta.url,
    hash: hash ?? createHash('sha256').update(text).digest('hex'),
  }
  if (meta.topic) source.topic = meta.topic
  const idOf = (i: number | undefined) => (i === undefined ? null : `${source.id}#${i + 1}`)
  const passages: Passage[] = drafts.map((d, i) => {
    const p: Passage = {
      id: `${source.id}#${i + 1}`,
      sourceId: source.id,
      voice: d.voice,
      author: d.author === undefined ? meta.author : d.author,
      replyTo: idOf(d.replyTo),
      commentId: idOf(d.commentOf),
      section: d.section,
      text: text.slice(d.start, d.end),
      start: d.start,
      end: d.end,
      spam: d.spam ?? false,
    }
    if (d.page !== undefined) p.page = d.page
    if (d.pageBreaks && d.pageBreaks.length > 0) p.pageBreaks = d.pageBreaks
    if (d.date !== undefined) p.date = d.date
    return p
  })
  return { source, passages, text }
}
