import { type DocumentFormat, FORMATS, formatOf } from './formats.js'
import type { Corpus } from './types.js'

/** How much of one format `readCorpus` read. */
export interface FormatCount {
  format: DocumentFormat
  /** Files read. */
  files: number
  /** Their passages (spam included); for a comments export, the comment passages it gave pages. */
  passages: number
  /** Files of this format that could not be read. */
  skipped: number
}

/** Files read, passages and files skipped per format, for the formats the seeds hold, in `FORMATS` order. */
export function countByFormat(corpus: Corpus): FormatCount[] {
  const counts = new Map<DocumentFormat, FormatCount>()
  // A `.txt` file read as AsciiDoc (git's manuals) counts as AsciiDoc.
  const of = (file: string, markup?: DocumentFormat) => {
    const format = markup ?? formatOf(file) ?? 'txt'
    let c = counts.get(format)
    if (!c) {
      c = { format, files: 0, passages: 0, skipped: 0 }
      counts.set(format, c)
    }
    return c
  }
  for (const d of corpus.documents) {
    const c = of(d.source.file, d.markup)
    c.files += 1
    c.passages += d.passages.length
  }
  // An export's comments are passages of the pages they are about (counted there too).
  for (const e of corpus.commentExports) {
    const c = of(e.file)
    c.files += 1
    c.passages += e.passages
  }
  for (const e of corpus.errors) of(e.file).skipped += 1
  return FORMATS.flatMap((f) => counts.get(f) ?? [])
}
