import { parse } from 'yaml'

/** Metadata a document's YAML front matter may give. */
export interface FrontMatter {
  title?: string
  author?: string
  publisher?: string
  date?: string
  url?: string
}

/** The front matter's fields and where the body begins (0 when there is no front matter). */
export interface SplitFrontMatter {
  data: FrontMatter
  bodyStart: number
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/

const asText = (value: unknown): string | undefined => {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number') return String(value)
  return undefined
}

/**
 * Reads YAML front matter (`---` fences at the very top). `url` may also be given as `link`,
 * `external_link` or `source`. Throws with the YAML error when the front matter is malformed.
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const m = FENCE.exec(text)
  if (!m) return { data: {}, bodyStart: 0 }
  const raw: unknown = parse(m[1] ?? '')
  const fields = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  const data: FrontMatter = {}
  const title = asText(fields.title)
  const author = asText(fields.author)
  const publisher = asText(fields.publisher ?? fields.site ?? fields.source_name)
  const date = asText(fields.date)
  const url = asText(fields.url ?? fields.link ?? fields.external_link ?? fields.source)
  if (title) data.title = title
  if (author) data.author = author
  if (publisher) data.publisher = publisher
  if (date) data.date = date
  if (url) data.url = url
  return { data, bodyStart: m[0].length }
}
