/** A run of text on a PDF page, as PDF.js reads it. */
export interface RawPdfItem {
  /** The text. */
  s: string
  /** Where its baseline starts, in points from the page's bottom left. */
  x: number
  y: number
  /** Its width and its font size, in points. */
  w: number
  h: number
  /** True when PDF.js saw a line end after it. */
  eol: boolean
}

/** A PDF page's size (points) and its text runs, in the order the file draws them. */
export interface RawPdfPage {
  width: number
  height: number
  items: RawPdfItem[]
}

/** What PDF.js reads of a PDF: its info dictionary, its XMP metadata, its pages. */
export interface RawPdf {
  /** `Title`, `Author`, `CreationDate` ("D:20190304…") and the like. */
  info: Record<string, unknown>
  /** XMP properties (`dc:title`, `dc:creator`…), when the file has them. */
  xmp: Record<string, unknown>
  pages: RawPdfPage[]
}

/** What mammoth makes of a Word file: its body as HTML (headings as h1–h6, comment marks as links). */
export interface RawDocx {
  html: string
}

/** A reader's result, or the error its library threw (its name, e.g. `InvalidPDFException`, and message). */
export type Raw<T> = { ok: true; value: T } | { ok: false; name: string; message: string }
