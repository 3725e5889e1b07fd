import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeSeed } from './decode.js'
import { readDocx } from './docx/read-docx.js'
import { formatOf } from './formats.js'
import { CommentExports } from './html/comment-exports.js'
import { readDisqusExport } from './html/disqus-export.js'
import { readHtml } from './html/read-html.js'
import { readAsciiDoc } from './markup/asciidoc.js'
import { inheritTopics } from './markup/includes.js'
import { manualDocument } from './markup/manual-document.js'
import { markupOf } from './markup/markup-of.js'
import { readRst } from './markup/rst.js'
import { parseDocument } from './parse-document.js'
import { partsToDocument } from './parts-document.js'
import { readPdf } from './pdf/read-pdf.js'
import { listSeedFiles } from './seed-files.js'
import { readSidecar, type SidecarEntry } from './sidecar.js'
import { uniqueIds } from './source-id.js'
import type { Corpus, Document, ReadError } from './types.js'

export { listSeedFiles } from './seed-files.js'

/** Where `readCorpus` reports each file as it is read (for a progress bar). */
export interface ReadCorpusOptions {
  /** Called after each file, read or skipped: its name, how many files are done and of how many, and the passages read so far. */
  onFile?: (file: string, done: number, total: number, passages: number) => void
}

/**
 * Reads every document in `dir` into sources and passages. A file that cannot be read (empty,
 * binary, not UTF-8, malformed front matter, a damaged PDF or Word file, a scan) becomes an entry
 * in `errors`; the others are still read. Comments exports (`.xml` from Disqus) are read first,
 * and their comments go to the saved pages they are about.
 */
export function readCorpus(dir: string, options: ReadCorpusOptions = {}): Corpus {
  const sidecar = readSidecar(dir)
  const documents: Document[] = []
  const errors: ReadError[] = []
  const files = listSeedFiles(dir)
  const isExport = (file: string) => formatOf(file) === 'disqus'
  const exports = new CommentExports()
  let done = 0
  let passages = 0
  for (const file of [...files.filter(isExport), ...files.filter((f) => !isExport(f))]) {
    const read = readFile(dir, file, sidecar.get(file) ?? {}, exports)
    if ('error' in read) errors.push(read.error)
    else if ('document' in read) {
      documents.push(read.document)
      passages += read.document.passages.length
    }
    options.onFile?.(file, ++done, files.length, passages)
  }
  errors.push(...exports.unmatched())
  inheritTopics(documents)
  return { documents: withUniqueIds(documents), errors, commentExports: exports.uses() }
}

type FileRead = { document: Document } | { error: ReadError } | { export: string }

/** One seed file as a document (or, for a comments export, its threads added to `exports`), or why it cannot be read. */
function readFile(dir: string, file: string, meta: SidecarEntry, exports: CommentExports): FileRead {
  let bytes: Buffer
  try {
    bytes = readFileSync(join(dir, file))
  } catch (cause) {
    return {
      error: {
        file,
        code: 'UNREADABLE',
        message: `seeds/${file}: cannot be read (${(cause as Error).message}).`,
      },
    }
  }
  const hash = createHash('sha256').update(bytes).digest('hex')
  const format = formatOf(file)
  if (format === 'disqus') {
    const read = readDisqusExport(file, bytes)
    if (!read.ok) return { error: read.error }
    exports.add(file, read.doc)
    return { export: file }
  }
  const structured =
    format === 'html' ? readHtml : format === 'pdf' ? readPdf : format === 'docx' ? readDocx : null
  if (structured) {
    const read = structured(file, bytes)
    if (!read.ok) return { error: read.error }
    if (format === 'html') read.doc.comments.push(...exports.take(meta.url ?? read.doc.meta.url))
    return { document: partsToDocument(file, read.doc, meta, hash) }
  }
  const decoded = decodeSeed(file, bytes)
  if (!decoded.ok) return { error: decoded.error }
  // A manual (AsciiDoc, reStructuredText) is read by its markup, not as an article with comments.
  const markup = markupOf(file, decoded.text)
  if (markup) {
    const read = markup === 'adoc' ? readAsciiDoc(decoded.text) : readRst(decoded.text)
    return { document: manualDocument(file, decoded.text, read, markup, meta, hash) }
  }
  try {
    return { document: parseDocument(file, decoded.text, meta, hash) }
  } catch (cause) {
    return {
      error: {
        file,
        code: 'UNREADABLE',
        message: `seeds/${file}: ${(cause as Error).message.split('\n')[0]} (check its front matter).`,
      },
    }
  }
}

/** Two documents with the same slug get `-2`, `-3`… in file order, passage ids included. */
function withUniqueIds(documents: Document[]): Document[] {
  const ids = uniqueIds(documents.map((d) => d.source.id))
  return documents.map((doc, i) => {
    const id = ids[i] ?? doc.source.id
    if (id === doc.source.id) return doc
    const rename = (p: string | null) => (p === null ? null : p.replace(`${doc.source.id}#`, `${id}#`))
    return {
      ...doc,
      source: { ...doc.source, id },
      passages: doc.passages.map((p) => ({
        ...p,
        id: rename(p.id) ?? p.id,
        sourceId: id,
        replyTo: rename(p.replyTo),
        commentId: rename(p.commentId),
      })),
    }
  })
}
