import { fileURLToPath } from 'node:url'
import { createSyncFn } from 'synckit'
import type { Raw, RawDocx, RawPdf } from './raw.js'

type Extract = ((kind: 'pdf', bytes: Uint8Array) => Promise<Raw<RawPdf>>) &
  ((kind: 'docx', bytes: Uint8Array) => Promise<Raw<RawDocx>>)

/** Longest a file may take to read, in milliseconds, before it is given up as unreadable. */
export const EXTRACT_TIMEOUT_MS = 120_000

let extract: ((kind: 'pdf' | 'docx', bytes: Uint8Array) => Raw<RawPdf | RawDocx>) | null = null

// PDF.js and mammoth only read asynchronously, and reading the seeds is synchronous (the index is
// built and loaded synchronously): they run in a worker thread that this thread waits for. The
// worker starts on the first PDF or Word file and is reused.
function run(kind: 'pdf' | 'docx', bytes: Uint8Array): Raw<RawPdf | RawDocx> {
  extract ??= createSyncFn<Extract>(fileURLToPath(new URL('./extract-worker.mjs', import.meta.url)), {
    timeout: EXTRACT_TIMEOUT_MS,
  }) as unknown as (kind: 'pdf' | 'docx', bytes: Uint8Array) => Raw<RawPdf | RawDocx>
  try {
    return extract(kind, bytes)
  } catch (cause) {
    return { ok: false, name: 'ExtractError', message: (cause as Error).message }
  }
}

/** What PDF.js reads of a PDF file. */
export function extractPdf(bytes: Uint8Array): Raw<RawPdf> {
  return run('pdf', bytes) as Raw<RawPdf>
}

/** What mammoth reads of a Word file. */
export function extractDocx(bytes: Uint8Array): Raw<RawDocx> {
  return run('docx', bytes) as Raw<RawDocx>
}
