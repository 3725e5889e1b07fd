import { strFromU8, unzipSync } from 'fflate'
import { parseDate } from '../byline.js'
import { all, type DomDocument, type DomElement, parseXmlDocument } from '../html/dom.js'
import type { PartsMeta } from '../parts.js'

/** A review comment of a Word file, as `word/comments.xml` holds it. */
export interface DocxComment {
  /** `w:id`, the id its mark in the text refers to. */
  id: string
  author: string | null
  /** `YYYY-MM-DD`, or null. */
  date: string | null
  paragraphs: string[]
  /** The id of the comment it replies to (`word/commentsExtended.xml`), else null. */
  parentId: string | null
}

/** What a Word file's package holds besides its body: its properties and its review comments. */
export interface DocxPackage {
  meta: PartsMeta
  comments: DocxComment[]
}

/** The parts of a `.docx` (a zip), or an error when it is no Word file. */
export function openDocx(
  bytes: Uint8Array,
): { ok: true; files: Record<string, Uint8Array> } | { ok: false; why: string } {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch (cause) {
    return { ok: false, why: `it is not a zip archive (${(cause as Error).message})` }
  }
  if (!files['word/document.xml']) return { ok: false, why: 'it has no word/document.xml' }
  return { ok: true, files }
}

const xmlOf = (files: Record<string, Uint8Array>, name: string): DomDocument | null => {
  const bytes = files[name]
  return bytes ? parseXmlDocument(strFromU8(bytes)) : null
}

const textOf = (doc: DomDocument | null, tag: string): string | undefined => {
  const t = doc?.getElementsByTagName(tag)[0]?.textContent?.replace(/\s+/g, ' ').trim()
  return t ? t : undefined
}

/** A paragraph's text: its runs' text, tabs and breaks as spaces. */
function paragraphText(p: DomElement): string {
  return all(p, 'w\\:t, w\\:tab, w\\:br, w\\:cr')
    .map((el) => (el.tagName.toLowerCase() === 'w:t' ? (el.textContent ?? '') : ' '))
    .join('')
}

/**
 * Reads a Word file's core properties (`docProps/core.xml`: title, creator, created; the company
 * of `docProps/app.xml` as publisher) and its review comments (`word/comments.xml`), with the
 * replies that `word/commentsExtended.xml` links to the comment they answer.
 */
export function readDocxPackage(files: Record<string, Uint8Array>): DocxPackage {
  const core = xmlOf(files, 'docProps/core.xml')
  const app = xmlOf(files, 'docProps/app.xml')
  const meta: PartsMeta = {}
  const title = textOf(core, 'dc:title')
  const author = textOf(core, 'dc:creator')
  const date = parseDate(textOf(core, 'dcterms:created') ?? '')
  const publisher = textOf(app, 'Company')
  if (title) meta.title = title
  if (author) meta.author = author
  if (date) meta.date = date
  if (publisher) meta.publisher = publisher

  // A reply is linked to its parent through the id of each comment's last paragraph.
  const parentOfPara = new Map<string, string>()
  for (const ex of Array.from(
    xmlOf(files, 'word/commentsExtended.xml')?.getElementsByTagName('w15:commentEx') ?? [],
  )) {
    const para = ex.getAttribute('w15:paraId')
    const parent = ex.getAttribute('w15:paraIdParent')
    if (para && parent) parentOfPara.set(para, parent)
  }
  const commentOfPara = new Map<string, string>()
  const comments: DocxComment[] = []
  const lastPara = new Map<string, string>()
  for (const c of Array.from(xmlOf(files, 'word/comments.xml')?.getElementsByTagName('w:comment') ?? [])) {
    const id = c.getAttribute('w:id') ?? String(comments.length)
    const paragraphs = Array.from(c.getElementsByTagName('w:p'))
    const last = paragraphs[paragraphs.length - 1]?.getAttribute('w14:paraId')
    if (last) {
      commentOfPara.set(last, id)
      lastPara.set(id, last)
    }
    comments.push({
      id,
      author: c.getAttribute('w:author')?.trim() || null,
      date: parseDate(c.getAttribute('w:date') ?? '') ?? null,
      paragraphs: paragraphs.map(paragraphText).filter((t) => t.trim() !== ''),
      parentId: null,
    })
  }
  for (const c of comments) {
    const parentPara = parentOfPara.get(lastPara.get(c.id) ?? '')
    c.parentId = (parentPara && commentOfPara.get(parentPara)) || null
  }
  return { meta, comments }
}
