import type { DisputeRecord } from '../claims/types.js'
import type { Knowledge } from './knowledge.js'
import { placeName, sourceName, writerName } from './names.js'
import type { Citation } from './types.js'

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
  if (d.cue === 'correction-section') return null
  return d.detail
}

const VERB: Record<DisputeRecord['cue'], string> = {
  antonym: 'says',
  negation: 'says',
  'dispute-language': 'says',
  'quote-answer': 'quotes it and answers',
  'correction-section': 'says',
  'author-update': 'says',
  counter: 'says otherwise',
}

/**
 * The note on a claim, one sentence a person reads: who contests it and how, or that no source
 * disputes it and how many state it.
 */
export function claimNote(
  kb: Knowledge,
  disputes: readonly { record: DisputeRecord; citation: Citation }[],
  support: readonly Citation[],
): string {
  const first = disputes[0]
  if (!first) {
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
  const where = placeName(citation.voice, source, passage?.section ?? null)
  const lead =
    record.cue === 'correction-section'
      ? `${who}, ${where}, lists it among misconceptions and says`
      : `${who}, ${where}, ${VERB[record.cue]}`
  const more = disputes.length > 1 ? ` (and ${disputes.length - 1} more)` : ''
  return `Contested: ${lead} “${snippet(citation.quote, pivot(record))}”${more}.`
}

/** The note on a caveat: who doubts a whole source, and in what words. */
export function caveatNote(kb: Knowledge, citation: Citation, doubted: string): string {
  const source = kb.sources.get(citation.sourceId)
  const target = kb.sources.get(doubted)
  if (!source || !target) return 'A source is doubted as a whole.'
  const passage = kb.passages.get(citation.passageId)
  const who = writerName(citation.author, citation.voice, source)
  const where = placeName(citation.voice, source, passage?.section ?? null)
  const whom = target.id === source.id ? 'the source as a whole' : `${sourceName(target)} as a whole`
  return `${who}, ${where}, doubts ${whom}: “${snippet(citation.quote, null)}”.`
}
