import type { Source } from '../../corpus/types.js'
import cues from '../../data/attribution-cues.json' with { type: 'json' }

/** How a name points to a source of the corpus: which of its facts it names, and how sure that makes it. */
export interface SourceMatch {
  source: Source
  /** What the name matched: the author's whole name, the last name alone, the publisher, the title. */
  facet: 'author' | 'last name' | 'publisher' | 'title'
  strength: number
}

/** A name or title for comparing: lower case, straight quotes, no leading "the", no closing stop. */
export function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/[.,;:!?"]+$/, '')
}

const SUFFIXES = [...cues.outletSuffixes].sort((a, b) => b.length - a.length)

/** The key of an outside work: its name without the words that do not tell outlets apart ("Wired Magazine" → "wired"). */
export function outsideKey(name: string): string {
  let key = normalized(name)
  for (const s of SUFFIXES) if (key.endsWith(` ${s}`)) key = key.slice(0, -s.length - 1)
  return key
}

const lastWord = (name: string) => name.trim().split(/\s+/).pop() ?? ''

/** How well a name (or a quoted title) names a source: the best facet it matches, or null. */
function match(name: string, titles: readonly string[], s: Source): SourceMatch | null {
  const n = normalized(name)
  const title = normalized(s.title)
  if (titles.some((t) => normalized(t) === title)) return { source: s, facet: 'title', strength: 0.9 }
  if (n === '') return null
  if (s.author && normalized(s.author) === n) return { source: s, facet: 'author', strength: 0.85 }
  const publisher = s.publisher ? normalized(s.publisher) : ''
  if (publisher !== '' && publisher === n) return { source: s, facet: 'publisher', strength: 0.85 }
  // "Daily Caller" for the Daily Caller News Foundation: the publisher's first words, two at least.
  if (publisher !== '' && n.includes(' ') && publisher.startsWith(`${n} `))
    return { source: s, facet: 'publisher', strength: 0.75 }
  if (s.author?.includes(' ') && !n.includes(' ') && n.length >= 3 && normalized(lastWord(s.author)) === n)
    return { source: s, facet: 'last name', strength: 0.6 }
  return null
}

/** The sources (other than `self`) a name or a quoted title names, best first; several only when equally good. */
export function resolveName(
  name: string,
  titles: readonly string[],
  sources: Iterable<Source>,
  self: string,
): SourceMatch[] {
  const found: SourceMatch[] = []
  for (const s of sources) {
    if (s.id === self) continue
    const m = match(name, titles, s)
    if (m) found.push(m)
  }
  const best = Math.max(0, ...found.map((m) => m.strength))
  return found.filter((m) => m.strength === best)
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * The other facts of a source a sentence also names, beside the one that matched: its publisher, its
 * author, its date written as month and day ("Oct. 5") or in full. For the reasons of a link.
 */
export function alsoNamed(text: string, s: Source, matched: SourceMatch['facet']): string[] {
  const lower = normalized(text)
  const has = (phrase: string) =>
    new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(lower)
  const out: string[] = []
  if (matched !== 'publisher' && s.publisher && has(normalized(s.publisher)))
    out.push(`its publisher, ${s.publisher}`)
  if (matched !== 'author' && matched !== 'last name' && s.author && has(normalized(s.author)))
    out.push(`its author, ${s.author}`)
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.date ?? '')
  if (date) {
    const month = MONTH_NAMES[Number(date[2]) - 1] ?? ''
    const day = String(Number(date[3]))
    if (
      new RegExp(`(?<![\\p{L}])${month}[a-z]*\\.? ${day}(?!\\d)`, 'u').test(lower) ||
      lower.includes(s.date ?? '-')
    )
      out.push(`its date (${s.date})`)
  }
  return out
}
