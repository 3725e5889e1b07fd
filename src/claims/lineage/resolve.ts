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
  sources: readonly Source[],
  self: string,
): SourceMatch[] {
  const index = sourceIndexOf(sources)
  const n = normalized(name)
  // Only the sources some facet of which can match are measured (a corpus of thousands of sources
  // names them in thousands of sentences), in the corpus's order as before.
  const candidates = new Set<number>()
  const take = (list: readonly number[] | undefined) => {
    for (const i of list ?? []) candidates.add(i)
  }
  for (const t of titles) take(index.title.get(normalized(t)))
  if (n !== '') {
    take(index.author.get(n))
    take(index.publisher.get(n))
    if (n.includes(' ')) take(index.publisherStart.get(n))
    else if (n.length >= 3) take(index.lastName.get(n))
  }
  const found: SourceMatch[] = []
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const s = sources[i] as Source
    if (s.id === self) continue
    const m = match(name, titles, s)
    if (m) found.push(m)
  }
  const best = Math.max(0, ...found.map((m) => m.strength))
  return found.filter((m) => m.strength === best)
}

/** The places of a corpus's sources by each facet a name can match (see `match`). */
interface SourceIndex {
  title: Map<string, number[]>
  author: Map<string, number[]>
  publisher: Map<string, number[]>
  /** The publisher's first words, two at least and not all of them ("daily caller" of "daily caller news foundation"). */
  publisherStart: Map<string, number[]>
  /** The last word of an author's name of two words or more. */
  lastName: Map<string, number[]>
}

const sourceIndexes = new WeakMap<readonly Source[], SourceIndex>()

function sourceIndexOf(sources: readonly Source[]): SourceIndex {
  let index = sourceIndexes.get(sources)
  if (index) return index
  index = {
    title: new Map(),
    author: new Map(),
    publisher: new Map(),
    publisherStart: new Map(),
    lastName: new Map(),
  }
  const put = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key)
    if (!list) map.set(key, [i])
    else if (list[list.length - 1] !== i) list.push(i)
  }
  sources.forEach((s, i) => {
    put(index.title, normalized(s.title), i)
    if (s.author) put(index.author, normalized(s.author), i)
    if (s.author?.includes(' ')) put(index.lastName, normalized(lastWord(s.author)), i)
    const publisher = s.publisher ? normalized(s.publisher) : ''
    if (publisher === '') return
    put(index.publisher, publisher, i)
    const words = publisher.split(' ')
    for (let k = 2; k < words.length; k++) put(index.publisherStart, words.slice(0, k).join(' '), i)
  })
  sourceIndexes.set(sources, index)
  return index
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
