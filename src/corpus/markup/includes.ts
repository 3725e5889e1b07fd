import type { Document } from '../types.js'

/** Most including pages whose topics a file included by many takes (diff-options.txt is in a dozen). */
export const MAX_INCLUDER_TOPICS = 3

/**
 * Gives a file that other documents include and that has no topic of its own (git's
 * `fetch-options.txt`, included by `git-fetch.txt` and `git-pull.txt`) the topics of the pages
 * including it: its options are theirs. Matched by the path as written or by its last part.
 */
export function inheritTopics(documents: readonly Document[]): void {
  const byName = new Map<string, Document[]>()
  for (const d of documents) {
    for (const inc of d.includes ?? []) {
      const name = inc.split('/').pop() ?? inc
      const list = byName.get(name) ?? []
      if (!list.includes(d)) list.push(d)
      byName.set(name, list)
    }
  }
  // Topics of their own only, whatever the order of the files (no topic is passed on twice).
  const own = new Map(documents.map((d) => [d, d.source.topic] as const))
  for (const d of documents) {
    if (own.get(d) !== undefined || d.markup === undefined) continue
    const topics = (byName.get(d.source.file) ?? []).flatMap((x) => (x === d ? [] : (own.get(x) ?? [])))
    if (topics.length > 0) d.source.topic = topics.slice(0, MAX_INCLUDER_TOPICS).join('; ')
  }
}
