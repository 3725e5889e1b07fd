import type { Knowledge } from '../answer/knowledge.js'
import type { Source } from '../corpus/types.js'
import type { Digest, DigestSource } from './types.js'

/** Each loaded source's content hash, `sourceId` → SHA-256 of its seed file: what a channel's snapshot keeps. */
export function sourceHashes(kb: Knowledge): Record<string, string> {
  return Object.fromEntries([...kb.sources.values()].map((s) => [s.id, s.hash]))
}

/**
 * The sources added or changed since a snapshot, in file order. With no snapshot (the channel's first
 * digest) nothing is listed: every source would be "new", which says nothing.
 */
export function sourceChanges(kb: Knowledge, snapshot: Record<string, string> | null): Digest['sources'] {
  const added: DigestSource[] = []
  const changed: DigestSource[] = []
  if (snapshot === null) return { added, changed }
  for (const source of kb.sources.values()) {
    const before = Object.hasOwn(snapshot, source.id) ? snapshot[source.id] : undefined
    if (before === undefined) added.push(digestSource(source))
    else if (before !== source.hash) changed.push(digestSource(source))
  }
  return { added, changed }
}

function digestSource(s: Source): DigestSource {
  return { id: s.id, title: s.title, url: s.url }
}
