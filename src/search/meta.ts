import type { Passage, Source } from '../corpus/types.js'
import { type Name, namesOfFields } from './names.js'
import { terms } from './text.js'

/** Words by which a question can ask for a kind of passage ("what do the readers say?"). */
export const VOICE_WORDS: Readonly<Record<Passage['voice'], string>> = {
  article: 'article',
  update: 'update updated',
  comment: 'comment commenter reader readers reply',
}

/**
 * What is known about a passage besides its words: who wrote it, the source's publisher and
 * author, what kind of passage it is, its section heading and, for a manual, its page's topic
 * (the NAME line "git-blame - Show what revision and author last modified each line of a file").
 * A question can name any of these ("What does the ACLU update say?", "What did Edward Lin
 * say?", "who last changed each line of a file?").
 */
export function metaText(passage: Pick<Passage, 'voice' | 'author' | 'section'>, source: Source): string {
  return [
    passage.author,
    source.author,
    source.publisher,
    VOICE_WORDS[passage.voice],
    passage.section,
    source.topic,
  ]
    .filter((x): x is string => Boolean(x))
    .join(' ')
}

/** The names of several words among what is known about a passage: its writer, its source's author and publisher. */
export function metaNames(passage: Pick<Passage, 'author'>, source: Source): Name[] {
  return namesOfFields([passage.author, source.author, source.publisher])
}

/**
 * The terms that name a source: its author and publisher ("Falkvinge", "ACLU", "The Atlantic"),
 * so that a question saying "according to the ACLU post" is known to ask about that source.
 */
export function sourceTerms(source: Source): Set<string> {
  return namedTerms([source.author, source.publisher])
}

function namedTerms(fields: readonly (string | null | undefined)[]): Set<string> {
  const out = new Set<string>()
  for (const f of fields) if (f) for (const t of terms(f)) out.add(t)
  for (const n of namesOfFields(fields)) out.add(n.term)
  return out
}
