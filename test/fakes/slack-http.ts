import type { IncomingMessage, ServerResponse } from 'node:http'

/** Reads a whole request body as bytes. */
export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Reads a whole request body as UTF-8 text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8')
}

/**
 * Parses a Web API or response_url body: JSON, or form-encoded (the web-api client's default). In form bodies,
 * fields holding a JSON object or array (`blocks`, `attachments`, `metadata`) are parsed; other fields stay strings.
 * Query-string parameters are merged under the body's fields. Unparseable bodies give `{}`.
 */
export function parseBody(
  raw: string,
  contentType: string | undefined,
  query: URLSearchParams,
): Record<string, unknown> {
  const body: Record<string, unknown> = Object.fromEntries(query)
  if (raw === '') return body
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw)
      return isRecord(parsed) ? { ...body, ...parsed } : body
    } catch {
      return body
    }
  }
  if (contentType?.includes('multipart/form-data')) return body
  for (const [key, value] of new URLSearchParams(raw)) body[key] = maybeJson(value)
  return body
}

/** Writes a JSON response with the given status and extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}

/** True for plain objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function maybeJson(value: string): unknown {
  if (!value.startsWith('{') && !value.startsWith('[')) return value
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}
