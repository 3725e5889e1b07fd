import type { ReadError } from './types.js'

/** What a format's reader makes of a file: its result, or why the file is skipped. */
export type ReadResult<T> = { ok: true; doc: T } | { ok: false; error: ReadError }

/** A file's error: `why` follows its name ("seeds/<file>: …") and says how to fix it. */
export function readError(
  file: string,
  code: ReadError['code'],
  why: string,
): { ok: false; error: ReadError } {
  return { ok: false, error: { file, code, message: `seeds/${file}: ${why}` } }
}
