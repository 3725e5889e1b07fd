import type { Source, Voice } from '../corpus/types.js'

/** A short way to name a source in a sentence: "Falkvinge’s post", "the ACLU post", "the SI410 wiki page". */
export function sourceName(source: Source): string {
  const publisher = source.publisher?.replace(/^the\s+/i, '')
  if (publisher && /\bwiki\b/i.test(publisher)) return `the ${publisher} page`
  if (publisher) return `the ${publisher} ${source.author ? 'post' : 'article'}`
  if (source.author) return `${lastName(source.author)}’s post`
  return `“${source.title}”`
}

/** The last word of a name: "Rick Falkvinge" → "Falkvinge". */
export function lastName(name: string): string {
  return name.trim().split(/\s+/).pop() ?? name
}

/** Who wrote a passage, for a sentence: the name, or a description when there is none. */
export function writerName(author: string | null, voice: Voice, source: Source): string {
  if (author) return author
  if (voice === 'comment') return 'an unnamed reader'
  return sourceName(source).replace(/^the /, 'The ')
}

/** Where a passage stands: "in a reader comment on Falkvinge’s post", "in an update to the ACLU post". */
export function placeName(voice: Voice, source: Source, section: string | null): string {
  if (voice === 'comment') return `in a reader comment on ${sourceName(source)}`
  if (voice === 'update') return `in an update to ${sourceName(source)}`
  return section ? `in the “${section}” section of ${sourceName(source)}` : `in ${sourceName(source)}`
}
