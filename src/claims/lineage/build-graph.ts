import type { Document, Source } from '../../corpus/types.js'
import { indexBy } from '../index-by.js'
import type { ClaimRecord, SentenceRecord } from '../types.js'
import { type Attribution, findAttributions } from './attributions.js'
import { combine, whyOf } from './confidence.js'
import { evidenceSpan } from './evidence-span.js'
import { findRepeats, type Repeat, type SentencePlace, sameStatements } from './repeats.js'
import { alsoNamed, outsideKey, resolveName, type SourceMatch } from './resolve.js'
import {
  COUNTED_CONFIDENCE,
  type LineageLink,
  type LineageNode,
  type LinkEvidence,
  levelOf,
  type SourceGraph,
} from './types.js'
import { Reach } from './walk.js'

/** How sure one piece of evidence makes a link. */
const SURE = {
  /** An unnamed link ("Read this piece") resolved to the earlier source the text repeats. */
  unnamedLink: 0.5,
  /** An outside work named with a cue of attribution ("according to Wired Magazine"). */
  outside: 0.8,
  /** An outside work named as where a tip came from ("via", "h/t"). */
  weakOutside: 0.5,
  /** Repeated claims: this much with none shared, up to `repeatsMax` as the share in order grows. */
  repeatsBase: 0.3,
  repeatsMax: 0.75,
} as const

/** Share of a repeat's claims that a nearer source also states, from which the repeat is taken to come through it. */
const THROUGH = 0.8

const FACET: Record<SourceMatch['facet'], (s: Source, name: string) => string> = {
  author: (s) => `its author, ${s.author}`,
  'last name': (_s, name) => `its author’s last name, ${name}`,
  publisher: (s) => `its publisher, ${s.publisher}`,
  title: () => 'its title',
}

/** The words of a corpus that it writes in lower case somewhere: a capitalised one of them is no name. */
function commonWords(documents: readonly Document[]): (word: string) => boolean {
  const lower = new Set<string>()
  for (const d of documents) for (const m of d.text.matchAll(/(?<![\p{L}])\p{Ll}[\p{L}]*/gu)) lower.add(m[0])
  return (word) => lower.has(word.toLowerCase())
}

/**
 * The source graph of a corpus: for each source, the sources and outside works it draws on, each link with
 * the evidence quoted from the text and how sure it is. Evidence is what a source's own words (its article
 * and updates, never its readers' comments) say: the writer, outlet or work it names as where something
 * comes from, a link that names no one ("Read this piece"), and the claims of an earlier source it repeats
 * in a similar order (dates from the metadata: front matter, `seeds/sources.json`).
 */
export function buildSourceGraph(
  documents: readonly Document[],
  sentences: readonly SentenceRecord[],
  claims: readonly ClaimRecord[],
): SourceGraph {
  const sources = documents.map((d) => d.source)
  const byId = new Map(sources.map((s) => [s.id, s]))
  const texts = new Map(documents.map((d) => [d.source.id, d.text]))
  const passages = new Map(documents.flatMap((d) => d.passages.map((p) => [p.id, p] as const)))
  const nodes = new Map<string, LineageNode>(
    sources.map((s) => [s.id, { id: s.id, kind: 'source', label: s.title, author: s.author, date: s.date }]),
  )
  const evidence = new Map<string, LinkEvidence[]>()
  const add = (from: string, to: string, e: LinkEvidence) => {
    const key = `${from}\u0000${to}`
    const list = evidence.get(key) ?? []
    // The same sentence said the same of the same work once is enough.
    if (!list.some((x) => x.start === e.start && x.passageId === e.passageId && x.kind === e.kind))
      list.push(e)
    evidence.set(key, list)
  }
  const places = new Map<string, SentencePlace>()
  const isCommon = commonWords(documents)
  const unnamed = new Map<string, LinkEvidence[]>()
  sentences.forEach((s, order) => {
    const passage = passages.get(s.passageId)
    if (!passage || passage.spam) return
    const own = passage.voice !== 'comment'
    places.set(s.id, { sourceId: passage.sourceId, order, own })
    if (!own) return
    const text = texts.get(passage.sourceId)?.slice(s.start, s.end) ?? ''
    for (const a of findAttributions(text, isCommon)) {
      const span = evidenceSpan(text, s.start, a.at, a.length)
      const base = { cue: a.cue, passageId: s.passageId, ...span }
      if (a.kind === 'unnamed') {
        const list = unnamed.get(passage.sourceId) ?? []
        list.push({ ...base, kind: 'unnamed-link', detail: '', confidence: SURE.unnamedLink })
        unnamed.set(passage.sourceId, list)
        continue
      }
      const matches = a.kind === 'named' ? resolveName(a.name, a.titles, sources, passage.sourceId) : []
      for (const m of matches) {
        const also = alsoNamed(text, m.source, m.facet)
        const detail = `names ${FACET[m.facet](m.source, a.name)} (“${a.cue}”)${also.length > 0 ? `, and ${also.join(' and ')}` : ''}`
        const confidence = Math.min(0.95, m.strength + 0.05 * also.length)
        add(passage.sourceId, m.source.id, { ...base, kind: 'names', detail, confidence })
      }
      if (matches.length === 0 && !selfNamed(a, byId.get(passage.sourceId))) {
        const id = `outside:${outsideKey(a.name)}`
        if (!nodes.has(id)) nodes.set(id, { id, kind: 'outside', label: a.name, author: null, date: null })
        const confidence = a.weak ? SURE.weakOutside : SURE.outside
        add(passage.sourceId, id, {
          ...base,
          kind: 'names',
          detail: `names ${a.name} (“${a.cue}”)`,
          confidence,
        })
      }
    }
  })
  const dates = new Map(sources.map((s) => [s.id, s.date]))
  const same = sameStatements(claims, sentences, places)
  const repeats = findRepeats(same, sentences, places, dates)
  // Each pair's first repeat, and the repeats by the source that repeats (looked up per link).
  const repeatOf = new Map<string, Repeat>()
  for (const r of repeats) {
    const key = `${r.from}\u0000${r.to}`
    if (!repeatOf.has(key)) repeatOf.set(key, r)
  }
  const repeatsFrom = indexBy(repeats, (r) => [r.from])
  for (const r of repeats) addRepeat(r, add, places, texts, sentences, byId)
  // An unnamed link is to the earlier source whose claims the text repeats most, in order.
  for (const [from, links] of unnamed) {
    const best = [...(repeatsFrom.get(from) ?? [])].sort((a, b) => b.inOrder / b.of - a.inOrder / a.of)[0]
    if (!best) continue
    const to = byId.get(best.to)
    for (const e of links) {
      const detail = `its link text “${e.cue}” names no one; taken to be ${to?.title ? `“${to.title}”` : best.to}, the earlier source whose claims it repeats`
      add(from, best.to, { ...e, detail })
    }
  }
  const links = [...evidence].map(([key, list]): LineageLink => {
    const [from = '', to = ''] = key.split('\u0000')
    const sorted = [...list].sort((a, b) => b.confidence - a.confidence)
    const confidence = combine(sorted.map((e) => e.confidence))
    const r = repeatOf.get(key)
    const link: LineageLink = { from, to, confidence, level: levelOf(confidence), why: '', evidence: sorted }
    if (r) link.repeated = { shared: r.shared, of: r.of, inOrder: r.inOrder }
    link.why = whyOf(link, nodes.get(to)?.kind === 'outside')
    return link
  })
  // Whether a sentence says what some sentence of a source says.
  const saidBy = (id: string, source: string) =>
    [...(same.get(id) ?? [])].some((x) => places.get(x)?.sourceId === source)
  return { nodes: [...nodes.values()], links: throughNearer(links, repeatOf, saidBy) }
}

/** A source naming its own author or publisher ("At the ACLU we…") draws on no outside work. */
function selfNamed(a: Attribution, self: Source | undefined): boolean {
  const n = a.name.toLowerCase()
  return self !== undefined && [self.author, self.publisher].some((x) => x?.toLowerCase() === n)
}

function addRepeat(
  r: Repeat,
  add: (from: string, to: string, e: LinkEvidence) => void,
  places: ReadonlyMap<string, SentencePlace>,
  texts: ReadonlyMap<string, string>,
  sentences: readonly SentenceRecord[],
  byId: ReadonlyMap<string, Source>,
): void {
  const place = places.get(r.firstSentence)
  const s = place ? sentences[place.order] : undefined
  if (!s || !place) return
  const text = texts.get(place.sourceId)?.slice(s.start, s.end) ?? ''
  const share = r.shared / Math.max(1, r.of)
  const confidence =
    Math.round(Math.min(SURE.repeatsMax, SURE.repeatsBase + share * (r.inOrder / r.shared)) * 100) / 100
  const days = daysBetween(byId.get(r.to)?.date ?? null, byId.get(r.from)?.date ?? null)
  const detail = `${r.shared} of its ${r.of} claims are claims of this source, ${r.inOrder} of them in the same order, and it is dated ${days === 1 ? '1 day' : `${days} days`} later`
  add(r.from, r.to, {
    kind: 'repeats',
    cue: 'repeated claims',
    passageId: s.passageId,
    ...evidenceSpan(text, s.start, 0, 0),
    detail,
    confidence,
  })
}

function daysBetween(a: string | null, b: string | null): number {
  if (!a || !b) return 0
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000)
}

/**
 * Leaves out a link shown only by repeated claims when those claims came through a nearer source: the text
 * draws on B, B draws on A, and most of what it repeats of A, B states too (the news piece that retells a
 * blog repeats the blog's source as well).
 */
function throughNearer(
  links: readonly LineageLink[],
  repeatOf: ReadonlyMap<string, Repeat>,
  saidBy: (sentence: string, source: string) => boolean,
): LineageLink[] {
  const counted = links.filter((l) => l.confidence >= COUNTED_CONFIDENCE)
  const reach = new Reach(counted)
  // The counted links by the source they start from, in their order.
  const countedFrom = indexBy(counted, (l) => [l.from])
  return links.filter((l) => {
    if (l.evidence.some((e) => e.kind !== 'repeats')) return true
    const mine = repeatOf.get(`${l.from}\u0000${l.to}`)?.sentences
    if (!mine) return true
    return !(countedFrom.get(l.from) ?? []).some((near) => {
      if (near.to === l.to || !reach.from(near.to).has(l.to)) return false
      return [...mine].filter((id) => saidBy(id, near.to)).length >= THROUGH * mine.size
    })
  })
}
