import type { Knowledge } from '../answer/knowledge.js'
import type { Source, Voice } from '../corpus/types.js'

/** A source as `/sources` lists it: its metadata and how many passages of each voice it has. */
export interface SourceSummary extends Omit<Source, 'hash'> {
  /** Passages per voice (spam not counted). */
  passages: Record<Voice, number>
  /** Claims the source states. */
  claims: number
}

/** Every source with its passage counts, in file order. */
export function summarizeSources(kb: Knowledge): SourceSummary[] {
  const counts = new Map<string, Record<Voice, number>>()
  for (const p of kb.passages.values()) {
    if (p.spam) continue
    const c = counts.get(p.sourceId) ?? { article: 0, update: 0, comment: 0 }
    c[p.voice] += 1
    counts.set(p.sourceId, c)
  }
  const claims = new Map<string, number>()
  for (const c of kb.claims.values()) {
    const sources = new Set(c.members.map((id) => kb.sentences.get(id)?.passageId.split('#')[0]))
    for (const s of sources) if (s) claims.set(s, (claims.get(s) ?? 0) + 1)
  }
  return [...kb.sources.values()].map(({ hash: _hash, ...source }) => ({
    ...source,
    passages: counts.get(source.id) ?? { article: 0, update: 0, comment: 0 },
    claims: claims.get(source.id) ?? 0,
  }))
}

/** One line per source, for a person. */
export function renderSourcesText(list: readonly SourceSummary[]): string {
  if (list.length === 0)
    return 'No sources are loaded. Add documents (.txt, .md, .html, .pdf, .docx) to seeds/ and run `npm run index`.'
  return list
    .map((s, i) => {
      const by = [s.author, s.publisher, s.date].filter(Boolean).join(', ')
      const counts = `${s.passages.article} article, ${s.passages.update} update, ${s.passages.comment} comment passages`
      return `${i + 1}. ${s.title}${by ? ` — ${by}` : ''}\n   ${s.file} · ${counts}${s.url ? `\n   ${s.url}` : ''}`
    })
    .join('\n')
}
