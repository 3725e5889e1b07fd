/** Metadata that a byline, dateline or masthead line gives. */
export interface BylineInfo {
  author?: string
  date?: string
  publisher?: string
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Reads "Oct 3, 2015", "October 3 2015", "2015-10-03" or "2015-10-03T09:12:00Z" as `YYYY-MM-DD`; undefined when it is none of these. */
export function parseDate(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})(?=T\d|\b)/.exec(text)
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`
  const m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text)
  if (!m) return undefined
  const month = MONTHS.indexOf((m[1] ?? '').slice(0, 3).toLowerCase())
  if (month < 0) return undefined
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}`
}

const NAME = "[A-Z][\\w.'’-]*(?:\\s+[A-Z][\\w.'’-]*){0,3}"
const POSTED = new RegExp(`^(?:posted|published|written)\\s+on\\s+(.+?)\\s+by\\s+(${NAME})$`, 'i')
const BY = new RegExp(`^by\\s+(${NAME})$`, 'i')
const CREDIT = new RegExp(`^(?:credit|author|written by|posted by):\\s*(${NAME})$`, 'i')
const ROLE = new RegExp(
  `^(${NAME})\\s+(?:[Cc]ontributor|[Ss]taff [Ww]riter|[Rr]eporter|[Cc]orrespondent|[Cc]olumnist)$`,
)
const LOGO = /^(.{2,60})\s+logo$/i
const WIKI_FROM = /^[Ff]rom\s+([A-Z0-9][\w-]{1,30})$/

/** What a header line says about the document, or null when it is not a byline, dateline or masthead. */
export function readByline(line: string): BylineInfo | null {
  const t = line.trim()
  const posted = POSTED.exec(t)
  if (posted?.[2]) {
    const date = parseDate(posted[1] ?? '')
    return date ? { author: posted[2], date } : { author: posted[2] }
  }
  const by = BY.exec(t) ?? CREDIT.exec(t) ?? ROLE.exec(t)
  if (by?.[1]) return { author: by[1] }
  const logo = LOGO.exec(t)
  if (logo?.[1]) return { publisher: logo[1] }
  const wiki = WIKI_FROM.exec(t)
  if (wiki?.[1]) return { publisher: `${wiki[1]} wiki` }
  return null
}
