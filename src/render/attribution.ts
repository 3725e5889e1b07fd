import type { Citation } from '../answer/types.js'

/** Who said a quote and where, in words every renderer uses. */
export interface Attribution {
  /** The writer's name, or a description ("an unnamed reader"). */
  who: string
  /** What kind of passage it is: "article", "author’s update", "reader comment". */
  role: string
  /** The source's title. */
  title: string
  /** The source's URL, or null. */
  url: string | null
  /** Where in the original the quote is, for a PDF (`p. 4`, `pp. 4–5`) or a page or Word file with sections (`§ Findings`); else null. */
  where: string | null
}

const ROLE = { article: 'article', update: 'author’s update', comment: 'reader comment' } as const

/** The attribution of a citation. */
export function attributionOf(c: Citation): Attribution {
  const who = c.author ?? (c.voice === 'comment' ? 'unnamed reader' : 'unknown author')
  return { who, role: ROLE[c.voice], title: c.title, url: c.url, where: whereOf(c) }
}

/** A citation's place in its original, in words: "p. 4", "pp. 4–5", "§ Findings"; null when it has none. */
export function whereOf(c: Citation): string | null {
  if (c.page !== undefined) return c.pageEnd !== undefined ? `pp. ${c.page}–${c.pageEnd}` : `p. ${c.page}`
  if (c.section !== undefined) return `§ ${c.section.replace(/\s+/g, ' ').trim()}`
  return null
}

/** A quote as shown to a person: whitespace runs made single, with "…" where a longer sentence was cut. */
export function displayQuote(c: Citation): string {
  const text = c.quote.replace(/\s+/g, ' ').trim()
  const before = c.clipped === 'start' || c.clipped === 'both' ? '…' : ''
  const after = c.clipped === 'end' || c.clipped === 'both' ? '…' : ''
  return `${before}${text}${after}`
}

/** A text cut at a word to at most `most` characters, marked "…" where it is cut (a quote, a statement). */
export function cutAtWord(whole: string, most: number): string {
  const cut = whole.length > most ? whole.lastIndexOf(' ', most) : -1
  return cut > 0 ? `${whole.slice(0, cut).replace(/[\s,;:—–-]+$/, '')}…` : whole
}
