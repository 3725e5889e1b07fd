import { assembleDocument } from './assemble.js'
import { parseDate } from './byline.js'
import { layOutParts } from './lay-out.js'
import type { DocumentParts } from './parts.js'
import type { SidecarEntry } from './sidecar.js'
import type { Document } from './types.js'

/**
 * A structured document (HTML, PDF, Word) as a Document: laid out as plain text, its metadata
 * from the sidecar first, then from the file's own properties, then from a byline at its top.
 */
export function partsToDocument(
  file: string,
  doc: DocumentParts,
  meta: SidecarEntry,
  hash: string,
): Document {
  const title = meta.title ?? doc.meta.title ?? file.replace(/\.[^.]+$/, '')
  const laid = layOutParts(title, doc)
  const date = doc.meta.date ? parseDate(doc.meta.date) : undefined
  return assembleDocument(
    file,
    laid.text,
    laid.drafts,
    {
      id: meta.id,
      title,
      author: meta.author ?? doc.meta.author ?? laid.byline.author ?? null,
      publisher: meta.publisher ?? doc.meta.publisher ?? laid.byline.publisher ?? null,
      date: meta.date ?? date ?? laid.byline.date ?? null,
      url: meta.url ?? doc.meta.url ?? null,
    },
    hash,
  )
}
