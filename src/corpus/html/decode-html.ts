import { TextDecoder } from 'node:util'
import { type ReadResult, readError } from '../read-error.js'
import type { ReadError } from '../types.js'

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i

function decoderFor(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal })
  } catch {
    return null
  }
}

/**
 * Decodes a saved page by its byte-order mark, else the charset its `<meta>` declares, else as
 * UTF-8, falling back to Windows-1252 (what browsers assume of an undeclared page that is not
 * UTF-8). Refuses empty and binary files.
 */
export function decodeHtml(file: string, bytes: Uint8Array): ReadResult<string> {
  const fail = (code: ReadError['code'], why: string) => readError(file, code, why)
  if (bytes.length === 0) return fail('EMPTY', 'the file is empty; save the page again or remove it.')
  const bom16 = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)
  if (bom16)
    return { ok: true, doc: new TextDecoder(bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le').decode(bytes) }
  if (bytes.includes(0)) return fail('BINARY', 'the file is binary, not a web page; save the page as HTML.')
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  const declared = CHARSET.exec(head)?.[1]
  const decoder = (declared && decoderFor(declared, false)) || null
  if (decoder) return { ok: true, doc: decoder.decode(bytes) }
  try {
    return { ok: true, doc: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: true, doc: new TextDecoder('windows-1252').decode(bytes) }
  }
}
