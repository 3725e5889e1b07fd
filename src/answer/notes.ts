import { reportedPhrase } from '../claims/cues.js'
import type { DisputeRecord } from '../claims/types.js'
import type { Knowledge } from './knowledge.js'
import { placeName, sourceName, writerName } from './names.js'
import type { Citation, SourceLine } from './types.js'

/** Longest excerpt of a disputing quote in a note, in characters. */
const SNIPPET = 90

/** The part of a quote around a word, cut at commas and sentence ends, at most `SNIPPET` long. */
export function snippet(quote: string, around: string | null): string {
  const clean = quote.replace(/\s+/g, ' ').trim()
  const at = around ? clean.toLowerCase().indexOf(around.toLowerCase()) : -1
  if (clean.length <= SNIPPET) return clean
  if (at < 0) return `${clean.slice(0, clean.lastIndexOf(' ', SNIPPET)).trim()}…`
  const before = clean.slice(0, at)
  // Start after the last comma or full stop before the word, if there is one.
  const cuts = [', ', '. ', ','].map((sep) => before.lastIndexOf(sep)).filter((i) => i >= 0)
  const cut = Math.max(-1, ...cuts)
  const start = cut < 0 ? 0 : cut + (before[cut + 1] === ' ' ? 2 : 1)
  let piece = clean.slice(start)
  if (piece.length > SNIPPET) piece = `${piece.slice(0, piece.lastIndexOf(' ', SNIPPET)).trim()}…`
  return start > 0 ? `…${piece}` : piece
}

/** The word a dispute turns on, to centre the excerpt: the antonym, the dispute phrase. */
function pivot(d: DisputeRecord): string | null {
  if (d.cue === 'antonym') return d.detail.split(' vs ')[0] ?? null
  if (d.cue === 'correction-section' || d.cue === 'counter') return null
  return d.detail
}

const VERB: Record<DisputeRecord['cue'], string> = {
  antonym: 'says',
  negation: 'says',
  'dispute-language': 'says',
  'quote-answer': 'quotes it and answers',
  'correction-section': 'says',
  'author-update': 'corrects it',
  counter: 'says otherwise',
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A date for a sentence: "3 Oct 2015". */
export function dayName(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}` : date
}

/**
 * How many sources state a claim and how many independent lines they trace back to, for a note: "4 sources,
 * which trace back to 2 independent ones: Falkvinge’s post of 3 Oct 2015 (the ACLU post follows it; the Daily
 * Caller News Foundation post retells the ACLU post) and the Atlantic article", or "3 sources, all independent
 * (none draws on another)". Null for one source.
 */
export function linesPhrase(kb: Knowledge, lines: readonly SourceLine[]): string | null {
  const total = lines.reduce((n, l) => n + 1 + l.followers.length, 0)
  if (total < 2) return null
  if (lines.length === total) return `${total} sources, all independent (none draws on another)`
  const name = (id: string) => {
    const s = kb.sources.get(id)
    return s ? sourceName(s) : id
  }
  const described = lines.map((l) => {
    const root = `${name(l.root.sourceId)}${l.root.date ? ` of ${dayName(l.root.date)}` : ''}`
    if (l.followers.length === 0) return root
    const chain = l.followers.map(
      (f) =>
        `${name(f.sourceId)} ${f.how} ${f.follows === l.root.sourceId ? 'it' : name(f.follows)}${
          f.through.length > 0 ? ` by way of ${f.through.map(name).join(' and ')}` : ''
        }`,
    )
    return `${root} (${chain.join('; ')})`
  })
  if (lines.length === 1) return `${total} sources, which all trace back to ${described[0]}`
  const list = `${described.slice(0, -1).join(', ')} and ${described[described.length - 1]}`
  return `${total} sources, which trace back to ${lines.length} independent ones: ${list}`
}

/**
 * The words by which the quotes only report a claim ("reportedly", "according to"), one per
 * source, when every quote does; null when some quote states it outright.
 */
export function reportedBy(support: readonly Citation[]): string[] | null {
  if (support.length === 0) return null
  const words = new Map<string, string>()
  for (const c of support) {
    const word = reportedPhrase(c.quote)
    if (word === null) return null
    if (!words.has(c.sourceId)) words.set(c.sourceId, word.toLowerCase())
  }
  return [...words.values()]
}

/** Who a dispute answers, when it crosses voices: a reader against the article, an article against a reader. */
function against(kb: Knowledge, disputer: Citation, support: readonly Citation[]): string {
  const comments = support.filter((c) => c.voice === 'comment')
  if (disputer.voice === 'comment' && comments.length < support.length) {
    const sources = new Set(support.filter((c) => c.voice !== 'comment').map((c) => c.sourceId))
    return sources.size > 1 ? `, against the ${sources.size} sources that state it` : ', against the article'
  }
  if (disputer.voice !== 'comment' && support.length > 0 && comments.length === support.length) {
    const authors = new Set(comments.map((c) => c.author))
    const only = comments[0]
    const source = kb.sources.get(only?.sourceId ?? '')
    if (authors.size === 1 && only && source)
      return `, against ${writerName(only.author, 'comment', source)}’s comment`
    return ', against the readers who state it'
  }
  return ''
}

/**
 * The note on a claim, a sentence or two a person reads: who contests it, how and against whom (a
 * reader against the article, an article against a reader); or that no source disputes it and
 * how many state it; or, when every quote only reports it ("reportedly", "according to"), that
 * it is reported as unconfirmed and by whom; and, when several sources state it, how many
 * independent lines they trace back to (`lines`).
 */
export function claimNote(
  kb: Knowledge,
  disputes: readonly { record: DisputeRecord; citation: Citation }[],
  support: readonly Citation[],
  lines: readonly SourceLine[] = [],
): string {
  const first = disputes[0]
  const stated = linesPhrase(kb, lines)
  const reported = first ? null : reportedBy(support)
  if (reported) {
    const only = kb.sources.get(support[0]?.sourceId ?? '')
    const by = reported.length > 1 ? `${reported.length} sources` : only ? sourceName(only) : 'one source'
    return `Not disputed in the sources, but reported as unconfirmed by ${by} (${[...new Set(reported)].map((w) => `“${w}”`).join(', ')}).`
  }
  if (!first) {
    if (stated)
      return `Not disputed in the sources; stated by ${stated.replace(/^(\d+) sources/, '$1 of them')}.`
    const sources = new Set(support.map((c) => c.sourceId))
    if (sources.size > 1) return `Not disputed in the sources; stated by ${sources.size} of them.`
    const first = support[0]
    const only = kb.sources.get(first?.sourceId ?? '')
    if (!only || !first) return 'Not disputed in the sources.'
    // A reader's or an update's claim is theirs, not the article's.
    if (
      first.voice !== 'article' &&
      support.every((c) => c.voice === first.voice && c.author === first.author)
    ) {
      const section = kb.passages.get(first.passageId)?.section ?? null
      return `Not disputed in the sources; stated only by ${writerName(first.author, first.voice, only)}, ${placeName(first.voice, only, section)}.`
    }
    return `Not disputed in the sources; stated only by ${sourceName(only)}.`
  }
  const { record, citation } = first
  const source = kb.sources.get(citation.sourceId)
  if (!source) return 'Contested in the sources.'
  const passage = kb.passages.get(citation.passageId)
  const who = writerName(citation.author, citation.voice, source)
  // An article with no author (or whose author is its publisher) is named once: "The Daily article
  // says", not "The Daily, in the Daily article, says".
  const bare = (x: string | null) => (x ?? '').replace(/^the\s+/i, '').toLowerCase()
  const named =
    citation.voice === 'article' &&
    passage?.section == null &&
    (citation.author === null || bare(citation.author) === bare(source.publisher))
  const at = named ? who : `${who}, ${placeName(citation.voice, source, passage?.section ?? null)},`
  const lead =
    record.cue === 'correction-section'
      ? `${at} lists it among misconceptions and says`
      : `${at} ${VERB[record.cue]}${record.cue === 'counter' || record.cue === 'author-update' ? ':' : ''}`
  const more = disputes.length > 1 ? ` (and ${disputes.length - 1} more)` : ''
  const contested = `Contested: ${lead} “${snippet(citation.quote, pivot(record))}”${against(kb, citation, support)}${more}.`
  return stated ? `${contested} Stated by ${stated}.` : contested
}

/** The note on a caveat: who doubts a whole source, and in what words (the whole quote). */
export function caveatNote(kb: Knowledge, citation: Citation, doubted: string): string {
  const source = kb.sources.get(citation.sourceId)
  const target = kb.sources.get(doubted)
  if (!source || !target) return 'A source is doubted as a whole.'
  const passage = kb.passages.get(citation.passageId)
  const who = writerName(citation.author, citation.voice, source)
  const where = placeName(citation.voice, source, passage?.section ?? null)
  const whom = target.id === source.id ? 'the source as a whole' : `${sourceName(target)} as a whole`
  // The doubt is quoted whole (it is shown nowhere else in the answer), with "…" where the sentence was cut.
  const quote = wholeQuote(citation)
  return `${who}, ${where}, doubts ${whom}: “${quote}”${/[.!?…]$/.test(quote) ? '' : '.'}`
}

function wholeQuote(c: Citation): string {
  const text = c.quote.replace(/\s+/g, ' ').trim()
  const before = c.clipped === 'start' || c.clipped === 'both' ? '…' : ''
  const after = c.clipped === 'end' || c.clipped === 'both' ? '…' : ''
  return `${before}${text}${after}`
}
