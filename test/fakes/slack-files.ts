import type { MethodHandler } from './slack-web-api.js'

/** A file uploaded to the fake: what `files.getUploadURLExternal` was told, the bytes posted, and how it was completed. */
export interface FakeFile {
  id: string
  filename: string
  /** The length announced to `files.getUploadURLExternal`, in bytes. */
  length: number
  altText: string | undefined
  /** The bytes posted to the upload URL (null until posted). */
  bytes: Buffer | null
  /** Set by `files.completeUploadExternal`: its title, and where it was shared (null: kept private). */
  completed: { title: string | undefined; channel: string | null; threadTs: string | null } | null
}

const fail = (error: string) => ({ ok: false, error })
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/**
 * The fake's side of Slack's file upload flow: `files.getUploadURLExternal` hands out an upload URL on the fake,
 * the client posts the bytes there, and `files.completeUploadExternal` finishes the upload (shared in a channel
 * and thread, or kept private) after checking that every file's bytes arrived with the announced length.
 */
export class FakeFiles {
  /** Every file, in the order its upload URL was asked for. */
  readonly files: FakeFile[] = []

  constructor(private readonly baseUrl: () => string) {}

  /** `files.getUploadURLExternal`: needs `filename` and `length`. */
  readonly getUploadUrl: MethodHandler = ({ body }) => {
    const filename = str(body.filename)
    const length = Number(body.length)
    if (filename === undefined || !Number.isInteger(length) || length <= 0) return fail('invalid_arguments')
    const id = `F${String(this.files.length + 1).padStart(8, '0')}`
    this.files.push({ id, filename, length, altText: str(body.alt_text), bytes: null, completed: null })
    return { ok: true, upload_url: `${this.baseUrl()}/upload/${id}`, file_id: id }
  }

  /** `files.completeUploadExternal`: `files` (JSON `[{ id, title }]`), optional `channel_id` and `thread_ts`. */
  readonly complete: MethodHandler = ({ body }) => {
    const raw = typeof body.files === 'string' ? (JSON.parse(body.files) as unknown) : body.files
    if (!Array.isArray(raw) || raw.length === 0) return fail('invalid_arguments')
    const done = []
    for (const entry of raw as { id?: string; title?: string }[]) {
      const file = this.files.find((f) => f.id === entry.id)
      if (!file) return fail('file_not_found')
      if (file.bytes === null || file.bytes.byteLength !== file.length)
        return fail('file_upload_size_mismatch')
      const channel = str(body.channel_id) ?? null
      file.completed = { title: entry.title, channel, threadTs: str(body.thread_ts) ?? null }
      done.push({ id: file.id, name: file.filename, title: entry.title ?? file.filename, size: file.length })
    }
    return { ok: true, files: done }
  }

  /** A POST of bytes to `/upload/<id>`: the answer's status and text, as Slack's upload endpoint gives them. */
  receive(id: string, bytes: Buffer): { status: number; text: string } {
    const file = this.files.find((f) => f.id === id)
    if (!file) return { status: 404, text: 'unknown file' }
    file.bytes = bytes
    return { status: 200, text: `OK - ${bytes.byteLength}` }
  }
}
