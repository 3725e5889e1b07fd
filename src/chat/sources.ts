import type { Knowledge } from '../answer/knowledge.js'
import { sourceName } from '../answer/names.js'
import type { LineageLink, LinkEvidence, LinkLevel } from '../claims/lineage/types.js'
import type { Source, Voice } from '../corpus/types.js'
import type { SourceMapData } from '../render/source-map-svg.js'

/** One link of a source in `/sources`: the other end, how sure it is and why, with the evidence quoted. */
export interface SourceLinkSummary {
  /** The other end: a source's id, or `outside:<key>` for a work outside the corpus. */
  id: string
  kind: 'source' | 'outside'
  /** The source's title, or the outside work's name as the text gives it. */
  name: string
  /** How a sentence names it: "the ACLU post", "Falkvinge’s post"; an outside work's name. */
  short: string
  /** 0–1; links of `medium` or `high` level count when independent sources are counted. */
  confidence: number
  level: LinkLevel
  /** Why it is that sure, in one sentence. */
  why: string
  /** The evidence, strongest first; each `quote` is verbatim from the file of the source that draws. */
  evidence: LinkEvidence[]
}

/** A source as `/sources` lists it: its metadata and how many passages of each voice it has. */
export interface SourceSummary extends Omit<Source, 'hash'> {
  /** Passages per voice (spam not counted). */
  passages: Record<Voice, number>
  /** Claims the source states. */
  claims: number
  /** What it draws on: other sources and outside works (see the source graph). */
  drawsOn: SourceLinkSummary[]
  /** The sources that draw on it. */
  drawnOnBy: SourceLinkSummary[]
}

function linkSummary(kb: Knowledge, link: LineageLink, end: string): SourceLinkSummary {
  const node = kb.sourceGraph.nodes.find((n) => n.id === end)
  const source = kb.sources.get(end)
  return {
    id: end,
    kind: node?.kind ?? 'source',
    name: node?.label ?? end,
    short: source ? sourceName(source) : (node?.label ?? end),
    confidence: link.confidence,
    level: link.level,
    why: link.why,
    evidence: link.evidence,
  }
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
  const links = kb.sourceGraph.links
  return [...kb.sources.values()].map(({ hash: _hash, ...source }) => ({
    ...source,
    passages: counts.get(source.id) ?? { article: 0, update: 0, comment: 0 },
    claims: claims.get(source.id) ?? 0,
    drawsOn: links.filter((l) => l.from === source.id).map((l) => linkSummary(kb, l, l.to)),
    drawnOnBy: links.filter((l) => l.to === source.id).map((l) => linkSummary(kb, l, l.from)),
  }))
}

/** "the ACLU post (high)", "Wired Magazine (outside the corpus, high)": one end of a link, for a person. */
export function linkLabel(l: SourceLinkSummary): string {
  return `${l.short} (${l.kind === 'outside' ? 'outside the corpus, ' : ''}${l.level})`
}

/** "draws on: …", "drawn on by: …": the lines of a source's links, for a person (none when it has none). */
export function linkLines(s: SourceSummary): string[] {
  const out: string[] = []
  if (s.drawsOn.length > 0) out.push(`draws on: ${s.drawsOn.map(linkLabel).join('; ')}`)
  if (s.drawnOnBy.length > 0) out.push(`drawn on by: ${s.drawnOnBy.map(linkLabel).join('; ')}`)
  return out
}

/**
 * What the graph says of independence, in a line: "No source draws on another: all 5 are independent.", or
 * "3 of the 5 sources draw on another source; see what each draws on."
 */
export function independenceLine(list: readonly SourceSummary[]): string {
  const drawing = list.filter((s) => s.drawsOn.some((l) => l.kind === 'source' && l.level !== 'low'))
  if (drawing.length === 0) return `No source draws on another: all ${list.length} are independent.`
  return `${drawing.length} of the ${list.length} sources draw on another source here; the others stand on their own.`
}

/** One line per source, for a person. */
export function renderSourcesText(list: readonly SourceSummary[]): string {
  if (list.length === 0)
    return 'No sources are loaded. Add documents (.txt, .md, .html, .pdf, .docx) to seeds/ and run `npm run index`.'
  return list
    .map((s, i) => {
      const by = [s.author, s.publisher, s.date].filter(Boolean).join(', ')
      const counts = `${s.passages.article} article, ${s.passages.update} update, ${s.passages.comment} comment passages`
      const links = linkLines(s)
        .map((line) => `\n   ${line}`)
        .join('')
      return `${i + 1}. ${s.title}${by ? ` — ${by}` : ''}\n   ${s.file} · ${counts}${s.url ? `\n   ${s.url}` : ''}${links}`
    })
    .concat(list.length > 1 ? [independenceLine(list)] : [])
    .join('\n')
}

/** What the map of the sources shows: every source and outside work of the graph, and each "draws on". */
export function sourceMapOf(kb: Knowledge): SourceMapData {
  return {
    nodes: kb.sourceGraph.nodes.map((n) => {
      const s = kb.sources.get(n.id)
      return {
        id: n.id,
        kind: n.kind,
        name: s ? capitalize(sourceName(s)) : n.label,
        title: s?.title ?? '',
        author: n.author,
        date: n.date,
      }
    }),
    links: kb.sourceGraph.links.map((l) => ({ from: l.from, to: l.to, level: l.level })),
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
