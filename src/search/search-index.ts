import MiniSearch, { type Options } from 'minisearch'
import { PackedMiniSearch, type PackedSearch } from './packed-search.js'
import { termOf, tokenize } from './text.js'

/** What the search index holds for a passage. */
export interface PassageDoc {
  /** The passage id. */
  id: string
  /** The passage's text. */
  text: string
  /** Its section heading, or ''. */
  section: string
  /** Its source's title. */
  title: string
  /** Its tags (see tags.ts), space-separated. */
  tags: string
  /** Who wrote it, where it stands (see meta.ts). */
  who: string
}

/** Fields searched, with their boosts: the passage's own words count most. */
export const FIELD_BOOST: Readonly<Record<keyof Omit<PassageDoc, 'id'>, number>> = {
  text: 1,
  section: 0.6,
  title: 0.3,
  tags: 0.8,
  who: 0.4,
}

/** MiniSearch's options, shared by building and loading: our tokenizer and Porter stems. */
export const SEARCH_OPTIONS: Options<PassageDoc> = {
  fields: Object.keys(FIELD_BOOST),
  storeFields: [],
  tokenize: (text, field) => (field === 'tags' ? text.split(' ') : tokenize(text).map((t) => t.word)),
  processTerm: (word, field) => (field === 'tags' ? word : termOf(word)) || null,
  searchOptions: {
    // Queries arrive as stems already (see query.ts): split on spaces and keep them as they are.
    tokenize: (query) => query.split(' ').filter(Boolean),
    processTerm: (term) => term,
    boost: { ...FIELD_BOOST },
  },
}

/** Builds the search index over the passages. */
export function buildSearchIndex(docs: readonly PassageDoc[]): MiniSearch<PassageDoc> {
  const index = new MiniSearch<PassageDoc>(SEARCH_OPTIONS)
  index.addAll(docs)
  return index
}

/** Loads a search index stored with `packSearch` (see packed-search.ts). */
export function loadSearchIndex(packed: PackedSearch): MiniSearch<PassageDoc> {
  return new PackedMiniSearch<PassageDoc>(packed, SEARCH_OPTIONS)
}
