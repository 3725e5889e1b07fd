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
}

const ROLE = { article: 'article', update: 'author’s update', comment: 'reader comment' } as const

/** The attribution of a citation. */
export function attributionOf(c: Citation): Attribution {
  const who = c.author ?? (c.voice === 'comment' ? 'unnamed reader' : 'unknown author')
  return { who, role: ROLE[c.voice], title: c.title, url: c.url }
}

/** A quote as shown to a person: whitespace runs made single, with "…" where a longer sentence was cut. */
export function displayQuote(c: Citation): string {
  const text = c.quote.replace(/\s+/g, ' ').trim()
  const before = c.clipped === 'start' || c.clipped === 'both' ? '…' : ''
  const after = c.clipped === 'end' || c.clipped === 'both' ? '…' : ''
  return `${before}${text}${after}`
}
