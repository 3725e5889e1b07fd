import { Readability } from '@mozilla/readability'
import type { DocumentParts } from '../parts.js'
import { type ReadResult, readError } from '../read-error.js'
import { decodeHtml } from './decode-html.js'
import { type DomDocument, parseHtmlDocument } from './dom.js'
import { takeHtmlComments } from './html-comments.js'
import { readHtmlMeta } from './html-meta.js'
import { contentParts, dropFurniture } from './html-parts.js'

/**
 * Reads a saved web page: its metadata, its comment section (as reader comments with replies),
 * then, with its furniture removed, the article as Mozilla's Readability finds it (the whole
 * page's text when Readability finds no article).
 */
export function readHtml(file: string, bytes: Uint8Array): ReadResult<DocumentParts> {
  const decoded = decodeHtml(file, bytes)
  if (!decoded.ok) return decoded
  const doc = parseHtmlDocument(decoded.doc)
  const meta = readHtmlMeta(doc)
  const comments = takeHtmlComments(doc)
  const pageTitle = doc.querySelector('title')?.textContent?.trim()
  dropFurniture(doc)
  const article = readability(doc)
  const parts = article
    ? contentParts(parseHtmlDocument(`<!doctype html><html><body>${article.content}</body></html>`))
    : contentParts(doc.body ?? doc)
  const title = meta.title ?? article?.title?.trim() ?? pageTitle
  if (title) meta.title = title
  const author = article?.byline?.replace(/^by\s+/i, '').trim()
  if (!meta.author && author && author.length <= 80) meta.author = author
  if (!meta.publisher && article?.siteName) meta.publisher = article.siteName.trim()
  if (!meta.date && article?.publishedTime) meta.date = article.publishedTime
  if (!parts.some((p) => p.kind === 'paragraph' && p.text.trim() !== '') && comments.length === 0)
    return readError(
      file,
      'NO_TEXT',
      'the page holds no text to read (a page that builds itself with scripts?); save it from the browser once it has loaded ("Save Page As…", "Webpage, Complete").',
    )
  return { ok: true, doc: { meta, parts, comments } }
}

/** What Readability found: the article's content as HTML, and what it read of the page's metadata. */
interface Article {
  content: string
  title?: string
  byline?: string
  siteName?: string
  publishedTime?: string
}

/** The article Readability finds in the page, or null. */
function readability(doc: DomDocument): Article | null {
  // Readability changes the document it reads: it reads a copy. It reads linkedom's document as
  // it reads a browser's.
  const read = new Readability(doc.cloneNode(true) as never, { keepClasses: true }).parse()
  if (!read?.content || (read.textContent ?? '').trim() === '') return null
  const out: Article = { content: read.content }
  if (read.title) out.title = read.title
  if (read.byline) out.byline = read.byline
  if (read.siteName) out.siteName = read.siteName
  if (read.publishedTime) out.publishedTime = read.publishedTime
  return out
}
