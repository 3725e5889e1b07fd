import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { decodeSeed } from './decode.js'
import { parseDocument } from './parse-document.js'
import { readSidecar } from './sidecar.js'
import { uniqueIds } from './source-id.js'
import type { Corpus, Document, ReadError } from './types.js'

/** File extensions read as documents. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.md']

/** The document files in a seeds folder, sorted by name. */
export function listSeedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && DOCUMENT_EXTENSIONS.includes(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort()
}

/**
 * Reads every document in `dir` into sources and passages. A file that cannot be read (empty,
 * binary, not UTF-8, malformed front matter) becomes an entry in `errors`; the others are still read.
 */
export function readCorpus(dir: string): Corpus {
  const sidecar = readSidecar(dir)
  const documents: Document[] = []
  const errors: ReadError[] = []
  for (const file of listSeedFiles(dir)) {
    let bytes: Buffer
    try {
      bytes = readFileSync(join(dir, file))
    } catch (cause) {
      errors.push({
        file,
        code: 'UNREADABLE',
        message: `seeds/${file}: cannot be read (${(cause as Error).message}).`,
      })
      continue
    }
    const decoded = decodeSeed(file, bytes)
    if (!decoded.ok) {
      errors.push(decoded.error)
      continue
    }
    try {
      const hash = createHash('sha256').update(bytes).digest('hex')
      documents.push(parseDocument(file, decoded.text, sidecar.get(file), hash))
    } catch (cause) {
      errors.push({
        file,
        code: 'UNREADABLE',
        message: `seeds/${file}: ${(cause as Error).message.split('\n')[0]} (check its front matter).`,
      })
    }
  }
  return { documents: withUniqueIds(documents), errors }
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
