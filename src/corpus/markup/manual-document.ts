import { assembleDocument } from '../assemble.js'
import { parseDate } from '../byline.js'
import type { SidecarEntry } from '../sidecar.js'
import type { Document } from '../types.js'
import type { ManualRead } from './manual.js'

/**
 * A manual's read as a Document: its title from the sidecar, else its own title, else the file's
 * name; its topic its NAME line, else its title; its passages the article's, written by its
 * author when the sidecar or its header names one.
 */
export function manualDocument(
  file: string,
  text: string,
  read: ManualRead,
  markup: 'adoc' | 'rst',
  meta: SidecarEntry,
  hash: string,
): Document {
  const title = meta.title ?? read.title ?? file.replace(/\.[^.]+$/, '')
  const author = meta.author ?? read.author ?? null
  const date = meta.date ?? (read.date ? (parseDate(read.date) ?? null) : null)
  const doc = assembleDocument(
    file,
    text,
    read.drafts,
    {
      id: meta.id,
      title,
      author,
      publisher: meta.publisher ?? null,
      date,
      url: meta.url ?? null,
      topic: read.topic ?? read.title ?? undefined,
    },
    hash,
  )
  doc.markup = markup
  if (read.includes.length > 0) doc.includes = read.includes
  return doc
}
