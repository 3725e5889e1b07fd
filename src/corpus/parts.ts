/** What a structured file (an HTML page, a PDF, a Word file) says about itself. */
export interface PartsMeta {
  title?: string
  author?: string
  publisher?: string
  /** `YYYY-MM-DD`. */
  date?: string
  url?: string
}

/** A section heading of a structured document. */
export interface HeadingPart {
  kind: 'heading'
  text: string
}

/** A paragraph (or list item) of a structured document's own text. */
export interface ParagraphPart {
  kind: 'paragraph'
  /** Its text on one line; whitespace runs may remain (they are written as they are). */
  text: string
  /** True when the file marks it as the author's update or correction (an HTML `.update` box). */
  update?: boolean
  /** PDF: the page it starts on (from 1). */
  page?: number
  /** PDF: offsets in `text` where it runs on to each next page. */
  pageBreaks?: number[]
}

/** A block of a structured document, in reading order. */
export type Part = HeadingPart | ParagraphPart

/** A reader's comment (on a page) or a reviewer's (in a Word file), with the replies to it. */
export interface ReaderComment {
  /** Its writer's name as the file gives it, or null when unnamed. */
  author: string | null
  /** `YYYY-MM-DD`, or null when undated. */
  date: string | null
  /** Its paragraphs, each on one line. */
  paragraphs: string[]
  replies: ReaderComment[]
  /** The heading of the part of the document it comments on (a Word comment's anchor), else null. */
  section?: string | null
  /** True when the file marks it as spam (a Disqus export does); its text may show it too. */
  spam?: boolean
}

/** A structured document as its format's reader found it, before it is laid out as text. */
export interface DocumentParts {
  meta: PartsMeta
  parts: Part[]
  comments: ReaderComment[]
}
