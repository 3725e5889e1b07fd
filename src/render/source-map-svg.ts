import type { LinkLevel } from '../claims/lineage/types.js'

/** A box of the map: a source of the corpus, or an outside work one names. */
export interface MapNode {
  id: string
  kind: 'source' | 'outside'
  /** How a sentence names it ("Falkvinge’s post", "Wired Magazine"): the box's first, bold line. */
  name: string
  /** The source's title (empty for an outside work). */
  title: string
  author: string | null
  date: string | null
}

/** An arrow of the map: `from` draws on `to`. */
export interface MapLink {
  from: string
  to: string
  level: LinkLevel
}

/** What the map of the sources shows. */
export interface SourceMapData {
  nodes: MapNode[]
  links: MapLink[]
}

/** The map drawn: the SVG, its size in pixels, and each box's place (for tests and for a person). */
export interface SourceMapSvg {
  svg: string
  width: number
  height: number
}

/** Sizes of the drawing, in pixels. */
const BOX = { width: 290, gap: 16, column: 110, margin: 28, line: 17, pad: 10 }
const FONT = 'DejaVu Sans'
/** Characters of a title line (DejaVu Sans at 12 px is about 7 px a character). */
const TITLE_CHARS = 38
const TITLE_LINES = 2
/** Characters of a name line (bold, 14 px). */
const NAME_CHARS = 30
const HEAD = 64
const LEGEND = 66
const MIN_WIDTH = 800

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Words wrapped into lines of at most `width` characters; past `max` lines the last ends with "…". */
export function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`
    if (next.length <= width || line === '') line = next
    else {
      lines.push(line)
      line = word
    }
  }
  if (line !== '') lines.push(line)
  if (lines.length <= max) return lines
  const kept = lines.slice(0, max)
  const last = kept[max - 1] ?? ''
  kept[max - 1] = `${last.length > width - 1 ? last.slice(0, width - 1).trimEnd() : last}…`
  return kept
}

function lines(n: MapNode): { text: string; cls: string }[] {
  const name = wrap(n.name, NAME_CHARS, 2).map((text) => ({ text, cls: 'name' }))
  if (n.kind === 'outside') return [...name, { text: 'outside the corpus', cls: 'meta' }]
  const meta = [n.author, n.date].filter((x): x is string => Boolean(x)).join(' · ')
  return [
    ...name,
    ...wrap(n.title, TITLE_CHARS, TITLE_LINES).map((text) => ({ text, cls: 'title' })),
    { text: meta === '' ? 'author and date unknown' : meta, cls: 'meta' },
  ]
}

/**
 * Each node's column: a source one more than the furthest source it draws on (from 1), an outside work just
 * left of the nearest source that names it; column 0 only when some outside work sits there.
 */
function columns(data: SourceMapData): Map<string, number> {
  const kind = new Map(data.nodes.map((n) => [n.id, n.kind]))
  const out = new Map<string, string[]>()
  for (const l of data.links)
    if (kind.get(l.to) === 'source') out.set(l.from, [...(out.get(l.from) ?? []), l.to])
  const col = new Map<string, number>()
  const visit = (id: string, path: Set<string>): number => {
    const known = col.get(id)
    if (known !== undefined) return known
    if (path.has(id)) return 1
    path.add(id)
    const c = Math.max(0, ...(out.get(id) ?? []).map((to) => visit(to, path))) + 1
    path.delete(id)
    col.set(id, c)
    return c
  }
  for (const n of data.nodes) if (n.kind === 'source') visit(n.id, new Set())
  for (const n of data.nodes) {
    if (n.kind !== 'outside') continue
    const drawers = data.links.filter((l) => l.to === n.id).map((l) => col.get(l.from) ?? 1)
    col.set(n.id, drawers.length === 0 ? 0 : Math.max(0, Math.min(...drawers) - 1))
  }
  // No outside work in column 0: every column moves one left.
  if (![...col.values()].includes(0)) for (const [id, c] of col) col.set(id, c - 1)
  return col
}

/**
 * The map of the sources as an SVG: a box per source (its name, title, author and date) and per outside work
 * (dimmed), in columns from what draws on nothing (left) to what draws on the most (right), and an arrow for
 * each "draws on" (thick: high confidence, thin: medium, dashed: low, not counted).
 */
export function sourceMapSvg(data: SourceMapData): SourceMapSvg {
  const col = columns(data)
  const count = Math.max(0, ...col.values()) + 1
  const byCol: MapNode[][] = Array.from({ length: count }, () => [])
  for (const n of data.nodes) byCol[col.get(n.id) ?? 0]?.push(n)
  const heightOf = (n: MapNode) => lines(n).length * BOX.line + 2 * BOX.pad
  const place = new Map<string, { x: number; y: number; h: number }>()
  const layout = () => {
    byCol.forEach((nodes, c) => {
      let y = HEAD
      for (const n of nodes) {
        const h = heightOf(n)
        place.set(n.id, { x: BOX.margin + c * (BOX.width + BOX.column), y, h })
        y += h + BOX.gap
      }
    })
  }
  layout()
  // Boxes sit next to what they are linked to: each column ordered by where its links lead, twice over.
  const mean = (ids: string[]) => {
    const ys = ids.map((id) => place.get(id)?.y).filter((y): y is number => y !== undefined)
    return ys.length === 0 ? Number.POSITIVE_INFINITY : ys.reduce((a, b) => a + b, 0) / ys.length
  }
  for (let pass = 0; pass < 2; pass++) {
    byCol.forEach((nodes, c) => {
      const linked = (id: string) =>
        data.links.flatMap((l) => (l.from === id ? [l.to] : l.to === id ? [l.from] : []))
      const key = new Map(nodes.map((n, i) => [n.id, c === 0 && pass === 0 ? i : mean(linked(n.id))]))
      nodes.sort((a, b) => (key.get(a.id) ?? 0) - (key.get(b.id) ?? 0))
    })
    layout()
  }
  const bottom = Math.max(HEAD, ...[...place.values()].map((p) => p.y + p.h))
  // Wide enough for the legend's lines, however few the columns.
  const width = Math.max(MIN_WIDTH, BOX.margin * 2 + count * BOX.width + (count - 1) * BOX.column)
  const height = Math.ceil(bottom + LEGEND)
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    '<defs>',
    '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#2b4c7e"/></marker>',
    '<marker id="arrow-dim" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#9aa3ad"/></marker>',
    '</defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${BOX.margin}" y="30" font-size="18" font-weight="bold" fill="#1d2733">Which sources draw on which</text>`,
    `<text x="${BOX.margin}" y="50" font-size="12" fill="#4a5563">An arrow from A to B: A draws on B (names it, links to it or repeats its claims).</text>`,
  )
  for (const n of data.nodes) {
    const p = place.get(n.id)
    if (!p) continue
    const outside = n.kind === 'outside'
    parts.push(
      `<g data-node="${escapeXml(n.id)}"${outside ? ' opacity="0.75"' : ''}>`,
      `<rect x="${p.x}" y="${p.y}" width="${BOX.width}" height="${p.h}" rx="6" fill="${outside ? '#f1f3f5' : '#eef4fb'}" stroke="${outside ? '#b4bcc5' : '#2b4c7e'}" stroke-width="${outside ? 1 : 1.5}"${outside ? ' stroke-dasharray="4 3"' : ''}/>`,
    )
    lines(n).forEach((line, i) => {
      const y = p.y + BOX.pad + (i + 1) * BOX.line - 4
      const style =
        line.cls === 'name'
          ? `font-size="14" font-weight="bold" fill="${outside ? '#6b7480' : '#1d2733'}"`
          : line.cls === 'title'
            ? 'font-size="12" fill="#333d48"'
            : 'font-size="11" fill="#6b7480"'
      parts.push(`<text x="${p.x + BOX.pad}" y="${y}" ${style}>${escapeXml(line.text)}</text>`)
    })
    parts.push('</g>')
  }
  // Arrows over the boxes, so that every arrowhead shows.
  const kindOf = new Map(data.nodes.map((n) => [n.id, n.kind]))
  for (const l of data.links) {
    const a = place.get(l.from)
    const b = place.get(l.to)
    if (!a || !b) continue
    const outside = kindOf.get(l.to) === 'outside'
    // From the left side of the one that draws to the right side of the one drawn on (or back, in a column).
    const x1 = a.x
    const y1 = a.y + a.h / 2
    const x2 = b.x + (b.x < a.x ? BOX.width : 0)
    const y2 = b.y + b.h / 2
    const bend = Math.max(40, Math.abs(x1 - x2) / 2)
    const c2 = b.x < a.x ? x2 + bend : x2 - bend
    const stroke = outside ? '#9aa3ad' : '#2b4c7e'
    const widthPx = l.level === 'high' ? 2.4 : l.level === 'medium' ? 1.6 : 1
    const dash = l.level === 'low' ? ' stroke-dasharray="5 4"' : ''
    parts.push(
      `<path d="M${x1},${y1} C${x1 - bend},${y1} ${c2},${y2} ${x2},${y2}" fill="none" stroke="${stroke}" stroke-width="${widthPx}"${dash} marker-end="url(#${outside ? 'arrow-dim' : 'arrow'})"/>`,
    )
  }
  const legendY = bottom + 28
  parts.push(
    `<text x="${BOX.margin}" y="${legendY}" font-size="11" fill="#4a5563">Blue boxes: sources of the corpus (name, title, author · date). Grey dashed boxes: works they name that are not in the corpus.</text>`,
    `<text x="${BOX.margin}" y="${legendY + 17}" font-size="11" fill="#4a5563">Thick arrow: high confidence; thin: medium; dashed: low (not counted). A source that draws on another is not an independent voice.</text>`,
    '</svg>',
  )
  return { svg: parts.join('\n'), width, height }
}
