/** Who wrote a passage, relative to its source document. */
export type Voice = 'article' | 'update' | 'comment'

/** One source document, read from a file in `seeds/`. */
export interface Source {
  /** A readable slug, stable across runs (derived from publisher and title), e.g. `aclu-chinas-nightmarish-citizen-scores`. */
  id: string
  /** The seed's file name, e.g. `002_3934e8ecea0496fd.txt`. */
  file: string
  /** The document's title; the file name when nothing better is known. */
  title: string
  /** The article's author, or null when unknown. */
  author: string | null
  /** Who published it (a site, paper or wiki), or null when unknown. */
  publisher: string | null
  /** Publication date as written in ISO form (`YYYY-MM-DD`), or null when unknown. */
  date: string | null
  /** Where the document lives on the web, or null when unknown. */
  url: string | null
  /** SHA-256 of the file's bytes, hex; tells when a seed changed. */
  hash: string
  /**
   * What a manual page is about, in a line: its NAME line ("git-blame - Show what revision and
   * author last modified each line of a file"), else its title; for a file that other pages
   * include (`include::fetch-options.txt[]`), the topics of the pages including it. Absent for
   * documents that are no manuals (articles, posts, pages). Searched as what is known about
   * every passage of the source, with its writer and section.
   */
  topic?: string
}

/** A paragraph-sized, verbatim span of a source, with who wrote it. */
export interface Passage {
  /** `<sourceId>#<n>`, n counting from 1 in file order. */
  id: string
  sourceId: string
  voice: Voice
  /** The writer of this passage: the commenter for a comment, the article's author otherwise; null when unknown. */
  author: string | null
  /** The id of the passage that a nested comment answers (the first passage of that comment), else null. */
  replyTo: string | null
  /** The id of the first passage of the comment this passage belongs to (comments can span paragraphs), else null. */
  commentId: string | null
  /** The section heading above the passage, where the document has headings; else null. */
  section: string | null
  /** The passage's text: exactly `fileText.slice(start, end)`. */
  text: string
  /** Character offset (UTF-16 code units, as JavaScript strings count) of the first character in the file. */
  start: number
  /** Character offset one past the last character. */
  end: number
  /** True for spam (a loan offer, say): kept so that nothing treats it as missing, never cited. */
  spam: boolean
  /** For a PDF: the page (from 1) the passage starts on; absent for other formats. */
  page?: number
  /** For a PDF passage that runs on over a page break: the file offsets where each next page begins. */
  pageBreaks?: number[]
  /** For a comment whose page or file dates it: the day it was written (`YYYY-MM-DD`). */
  date?: string
}

/** A source with its passages, as read from one file. */
export interface Document {
  source: Source
  passages: Passage[]
  /**
   * The text the passages are spans of: the file's text, decoded as UTF-8, for `.txt` and `.md`;
   * for HTML, PDF and Word, the plain text citebot extracted (see `isExtracted`).
   */
  text: string
  /** The markup it was read as, when a markup reader read it (a `.txt` file may be AsciiDoc). */
  markup?: 'adoc' | 'rst'
  /** Files it includes (AsciiDoc `include::`, reStructuredText `.. include::`), as written in it. */
  includes?: string[]
}

/** A file in `seeds/` that could not be read, with the reason. */
export interface ReadError {
  file: string
  /**
   * A stable code: `EMPTY`, `BINARY`, `NOT_UTF8`, `UNREADABLE` (the file is damaged or not of its
   * kind), `NO_TEXT` (it holds no text to read: a scanned PDF, a page that is only scripts) or
   * `UNMATCHED` (a comments export about no page in the folder).
   */
  code: 'EMPTY' | 'BINARY' | 'NOT_UTF8' | 'UNREADABLE' | 'NO_TEXT' | 'UNMATCHED'
  /** One sentence naming the file and saying how to fix it. */
  message: string
}

/** Everything read from `seeds/`. */
export interface Corpus {
  documents: Document[]
  errors: ReadError[]
  /** The comments exports (Disqus) whose comments were read into pages, with how many passages each gave. */
  commentExports: { file: string; passages: number }[]
}
