import { readError } from './read-error.js'
import type { ReadError } from './types.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The file's text, or why it cannot be read as a document. */
export type Decoded = { ok: true; text: string } | { ok: false; error: ReadError }

/** Decodes a seed file's bytes as UTF-8, refusing empty, binary and non-UTF-8 files. */
export function decodeSeed(file: string, bytes: Uint8Array): Decoded {
  const fail = (code: ReadError['code'], why: string) => readError(file, code, why)
  if (bytes.length === 0) return fail('EMPTY', 'the file is empty; add text to it or remove it.')
  // A NUL byte never occurs in text; images, PDFs and archives have many.
  if (bytes.includes(0))
    return fail(
      'BINARY',
      'the file is binary, not text; save it as .txt or .md (UTF-8), or name it after its format (.pdf, .docx, .html).',
    )
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch (cause) {
    void cause
    return fail('NOT_UTF8', 'the file is not valid UTF-8; re-save it with UTF-8 encoding.')
  }
  if (text.trim() === '') return fail('EMPTY', 'the file holds only whitespace; add text to it or remove it.')
  return { ok: true, text }
}
