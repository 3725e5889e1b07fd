import { extname } from 'node:path'

/** How a seed file is read, by its extension. */
export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx'

const BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
}

/** File extensions read as documents. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION)

/** The formats in the order `npm run index` reports them. */
export const FORMATS: readonly DocumentFormat[] = ['txt', 'md', 'html', 'pdf', 'docx']

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
