const STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'for',
  'to',
  'is',
  'are',
  'its',
  'by',
  'with',
])

/** Lower-case words of a text, without accents and punctuation. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/**
 * A readable, stable id for a source: a short name for who published or wrote it, then the first
 * significant words of its title, e.g. `aclu-chinas-nightmarish-citizen-scores`.
 */
export function sourceSlug(title: string, by: string | null, maxTitleWords = 4): string {
  const owner = by
    ? words(by)
        .filter((w) => !STOP.has(w) && w !== 'wiki' && w !== 'news')
        .slice(0, 2)
    : []
  const head = words(title)
    .filter((w) => !STOP.has(w))
    .slice(0, maxTitleWords)
  const slug = [...owner, ...head].join('-')
  return slug === '' ? 'source' : slug
}

/** Makes ids unique by suffixing `-2`, `-3`… in the order given. */
export function uniqueIds(ids: string[]): string[] {
  const seen = new Map<string, number>()
  return ids.map((id) => {
    const n = (seen.get(id) ?? 0) + 1
    seen.set(id, n)
    return n === 1 ? id : `${id}-${n}`
  })
}
