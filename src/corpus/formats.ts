import { extname } from 'node:path'

/**
 * How a seed file is read, by its extension. A `disqus` file (`.xml`, a Disqus comments export) is
 * no document of its own: its comments are read into the saved pages they are about.
 */
export type DocumentFormat = 'txt' | 'md' | 'adoc' | 'rst' | 'html' | 'pdf' | 'docx' | 'disqus'

const BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.adoc': 'adoc',
  '.asciidoc': 'adoc',
  '.rst': 'rst',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.xml': 'disqus',
}

/** File extensions read from the seeds folder. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION)

/** The formats in the order `npm run index` reports them. */
export const FORMATS: readonly DocumentFormat[] = [
  'txt',
  'md',
  'adoc',
  'rst',
  'html',
  'pdf',
  'docx',
  'disqus',
]

/** The format a file is read as, or null when its extension is not a document's. */
export function formatOf(file: string): DocumentFormat | null {
  return BY_EXTENSION[extname(file).toLowerCase()] ?? null
}

/**
 * True when citebot reads the file into a text of its own (HTML, PDF, Word): its passages and
 * quotes are spans of that extracted text, which the index keeps, not of the file's bytes.
 */
export function isExtracted(file: string): boolean {
  const format = formatOf(file)
  return format === 'html' || format === 'pdf' || format === 'docx'
}
