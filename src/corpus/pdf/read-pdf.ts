import { extractPdf } from '../extract/extract.js'
import type { RawPdf } from '../extract/raw.js'
import type { DocumentParts, PartsMeta } from '../parts.js'
import { type ReadResult, readError } from '../read-error.js'
import type { ReadError } from '../types.js'
import { dropRunningLines } from './pdf-furniture.js'
import { pageLines } from './pdf-lines.js'
import { pdfParts } from './pdf-parts.js'

/** Titles that tools write for a document nobody named. */
const NO_TITLE = /^(untitled|document\d*|microsoft word - .*|.*\.(docx?|pdf|indd|odt|rtf|tex))$/i

const text = (v: unknown): string | undefined => {
  const list = Array.isArray(v) ? v : [v]
  const t = list
    .filter((x): x is string => typeof x === 'string')
    .join(' and ')
    .replace(/\s+/g, ' ')
    .trim()
  return t === '' ? undefined : t
}

/** `D:20190304101500+01'00'` (a PDF date) or an ISO date as `YYYY-MM-DD`. */
function pdfDate(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(v.trim()) : null
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined
}

function metaOf(raw: RawPdf): PartsMeta {
  const meta: PartsMeta = {}
  const title = text(raw.info.Title) ?? text(raw.xmp['dc:title'])
  const author = text(raw.info.Author) ?? text(raw.xmp['dc:creator'])
  const date = pdfDate(raw.info.CreationDate) ?? pdfDate(raw.xmp['xmp:createdate'])
  const publisher = text(raw.xmp['dc:publisher'])
  if (title && !NO_TITLE.test(title)) meta.title = title
  if (author) meta.author = author
  if (date) meta.date = date
  if (publisher) meta.publisher = publisher
  return meta
}

/**
 * Reads a text PDF: its lines in reading order with their pages, running heads and feet and
 * page numbers dropped, paragraphs joined across line ends (hyphenated words made whole), and
 * its metadata (title, author, creation date). A PDF with no text (a scan) is not read.
 */
export function readPdf(file: string, bytes: Uint8Array): ReadResult<DocumentParts> {
  const fail = (code: ReadError['code'], why: string) => readError(file, code, why)
  if (bytes.length === 0) return fail('EMPTY', 'the file is empty; export the PDF again or remove it.')
  const raw = extractPdf(bytes)
  if (!raw.ok) {
    if (raw.name === 'PasswordException')
      return fail('UNREADABLE', 'the PDF is password-protected; save a copy without a password.')
    return fail(
      'UNREADABLE',
      `not a readable PDF (${raw.message}); export it again from the program that made it.`,
    )
  }
  const pages = raw.value.pages.map((p, i) => pageLines(p, i + 1))
  if (pages.every((lines) => lines.length === 0))
    return fail(
      'NO_TEXT',
      `the PDF has no text, only images of its pages (a scan?); run OCR on it (e.g. \`ocrmypdf ${file} ${file}\`) and index again.`,
    )
  const lines = dropRunningLines(
    pages,
    raw.value.pages.map((p) => p.height),
  ).flat()
  const { title, parts } = pdfParts(lines)
  const meta = metaOf(raw.value)
  if (!meta.title && title) meta.title = title
  return { ok: true, doc: { meta, parts, comments: [] } }
}
