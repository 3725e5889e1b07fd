import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { expect } from 'vitest'
import type { Passage, Document as SeedDocument } from '../../src/corpus/types.js'
import { ROOT } from './built.js'

// Small real documents of each kind, made by the libraries that make such files (pdf-lib, docx),
// for the readers to read as they would a team's.

/** A run of lines set in one size, drawn one under the other (a paragraph, a heading). */
export interface PdfBlock {
  lines: string[]
  /** Font size in points. Default 11. */
  size?: number
  bold?: boolean
  /** Where its first line's baseline starts (points from the bottom left); default: under the block before, at the left margin. */
  at?: { x: number; y: number }
}

/** What a PDF made for a test holds. */
export interface PdfSpec {
  title?: string
  author?: string
  created?: Date
  pages: PdfBlock[][]
  /** A running head drawn at the top of every page. */
  header?: string
  /** Draws "Page n of N" at the bottom of every page. Default true. */
  pageNumbers?: boolean
}

/** A Letter-size PDF with each block's lines drawn as text in Helvetica, a running head and page numbers. */
export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  if (spec.title) doc.setTitle(spec.title)
  if (spec.author) doc.setAuthor(spec.author)
  if (spec.created) doc.setCreationDate(spec.created)
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  spec.pages.forEach((blocks, i) => {
    const page = doc.addPage([612, 792])
    if (spec.header) page.drawText(spec.header, { x: 72, y: 750, size: 9, font })
    let x = 72
    let y = 700
    for (const block of blocks) {
      const size = block.size ?? 11
      if (block.at) ({ x, y } = block.at)
      for (const line of block.lines) {
        page.drawText(line, { x, y, size, font: block.bold ? bold : font })
        y -= size * 1.25
      }
      y -= size * 0.9
    }
    if (spec.pageNumbers ?? true)
      page.drawText(`Page ${i + 1} of ${spec.pages.length}`, { x: 280, y: 40, size: 9, font })
  })
  return doc.save()
}

// A 1×1 PNG: a scanned page is an image and no text.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

/** A PDF like a scanner makes: each page an image, no text. */
export async function makeScannedPdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const image = await doc.embedPng(PIXEL)
  for (let i = 0; i < pages; i++)
    doc.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 })
  return doc.save()
}

/** A paragraph of a Word file made for a test. */
export type DocxBlock =
  | { heading: string; level?: 1 | 2 }
  | { text: string /** The id of a review comment made on this paragraph. */; comment?: number }

/** A review comment: `replyTo` names the comment it answers. */
export interface DocxCommentSpec {
  id: number
  author: string
  date: Date
  paragraphs: string[]
  replyTo?: number
}

/** What a Word file made for a test holds. */
export interface DocxSpec {
  title?: string
  /** A paragraph in Word's "Title" style, first. */
  titleParagraph?: string
  creator?: string
  /** `docProps/core.xml`'s `dcterms:created`, ISO. */
  created?: string
  body: DocxBlock[]
  comments?: DocxCommentSpec[]
}

/**
 * A `.docx` made with the `docx` library; its replies are linked as Word links them
 * (`word/commentsExtended.xml`, by the id of each comment's paragraph), which that library does not write.
 */
export async function makeDocx(spec: DocxSpec): Promise<Uint8Array> {
  const children: Paragraph[] = []
  if (spec.titleParagraph)
    children.push(new Paragraph({ text: spec.titleParagraph, heading: HeadingLevel.TITLE }))
  for (const block of spec.body) {
    if ('heading' in block)
      children.push(
        new Paragraph({
          text: block.heading,
          heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
        }),
      )
    else if (block.comment === undefined)
      children.push(new Paragraph({ children: [new TextRun(block.text)] }))
    else
      children.push(
        new Paragraph({
          children: [
            new CommentRangeStart(block.comment),
            new TextRun(block.text),
            new CommentRangeEnd(block.comment),
            new TextRun({ children: [new CommentReference(block.comment)] }),
          ],
        }),
      )
  }
  const doc = new Document({
    ...(spec.title ? { title: spec.title } : {}),
    ...(spec.creator ? { creator: spec.creator } : {}),
    comments: {
      children: (spec.comments ?? []).map((c) => ({
        id: c.id,
        author: c.author,
        date: c.date,
        children: c.paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })),
      })),
    },
    sections: [{ children }],
  })
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)))
  // Word gives every paragraph an id; commentsExtended.xml links a comment by its last paragraph's.
  const paraId = (id: number, n: number) => (0x10000000 + id * 256 + n).toString(16).toUpperCase()
  const comments = spec.comments ?? []
  if (comments.some((c) => c.replyTo !== undefined)) {
    const xml = strFromU8(files['word/comments.xml'] as Uint8Array)
    files['word/comments.xml'] = strToU8(
      xml.replace(
        /(<w:comment [^>]*w:id="(\d+)"[^>]*>)([\s\S]*?<\/w:comment>)/g,
        (_m, open: string, id: string, rest: string) => {
          let n = 0
          return open + rest.replace(/<w:p>/g, () => `<w:p w14:paraId="${paraId(Number(id), n++)}">`)
        },
      ),
    )
    const last = (id: number) => paraId(id, (comments.find((c) => c.id === id)?.paragraphs.length ?? 1) - 1)
    const entries = comments.map((c) => {
      const parent = c.replyTo === undefined ? '' : ` w15:paraIdParent="${last(c.replyTo)}"`
      return `<w15:commentEx w15:paraId="${last(c.id)}"${parent} w15:done="0"/>`
    })
    files['word/commentsExtended.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">${entries.join('')}</w15:commentsEx>`,
    )
  }
  if (spec.created) {
    const core = strFromU8(files['docProps/core.xml'] as Uint8Array)
    files['docProps/core.xml'] = strToU8(
      core.replace(/(<dcterms:created[^>]*>)[^<]*/, (_m, open: string) => `${open}${spec.created}`),
    )
  }
  return zipSync(files)
}

/** A temporary seeds folder: the real seeds (unless `withSeeds` is false) and the files given. */
export function seedsWith(extra: Record<string, string | Uint8Array>, withSeeds = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-formats-'))
  const seeds = join(ROOT, 'seeds')
  if (withSeeds) for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(dir, f))
  for (const [name, body] of Object.entries(extra)) writeFileSync(join(dir, name), body)
  return dir
}

/** The one passage of a document that holds `fragment` (the test fails unless there is exactly one). */
export function passageHolding(doc: SeedDocument, fragment: string): Passage {
  const found = doc.passages.filter((p) => p.text.includes(fragment))
  expect(found, `one passage holds "${fragment}"`).toHaveLength(1)
  return found[0] as Passage
}
