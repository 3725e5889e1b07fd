import { tagsOf } from '../search/tags.js'
import { tokenize } from '../search/text.js'
import type { Knowledge } from './knowledge.js'
import { sourceName, writerName } from './names.js'
import type { Caveat, Citation, Claim, SourceLine } from './types.js'

/**
 * The bottom line of an answer: one sentence made from its first claim by templates, with no
 * word that the claims do not say. Who states it (how many sources, or the reader or update
 * that alone does), the part of its quote that answers, and whether anyone disputes it or its
 * author later doubted the source:
 *
 *   Four sources, two of them independent, say “it will be mandatory by 2020”; Edward Lin, a
 *   reader, disputes it, and Jay Stanley later questioned the source.
 */
export function summarize(
  kb: Knowledge,
  claims: readonly Claim[],
  caveats: readonly Caveat[],
  terms: ReadonlySet<string>,
  answers: (text: string) => boolean = () => false,
): string | undefined {
  const claim = claims[0]
  const first = claim?.support[0]
  if (!claim || !first) return undefined
  // The answer's first quote answers the question. When the part of it that answers is what
  // the claim says, every source of the claim says it (in the statement's words); when it is
  // something else the quote says ("On an Oct. 5 blog post Jay Stanley … wrote"), only its source.
  const clause = clauseOf(first.quote, terms, answers)
  const aboutClaim = sharedShare(claim.statement, first.quote) >= ABOUT_CLAIM
  const stating = aboutClaim ? claim.support : [first]
  const words = `“${aboutClaim ? clauseOf(claim.statement, terms, answers) : clause}”`
  const parts = [`${whoSays(kb, stating, aboutClaim ? claim.lines : undefined)} ${words}`]
  // A dispute or a doubt is of the claim: it is said only when the quote says what the claim does.
  const dispute = aboutClaim ? claim.disputes[0] : undefined
  if (!aboutClaim) return `${parts[0]}.`
  if (dispute) {
    const others = claim.disputes.length - 1
    parts.push(`${whoDisputes(kb, dispute)} disputes it${others > 0 ? ` (and ${others} more)` : ''}`)
  } else parts.push('no source disputes it')
  const cited = new Set(stating.map((c) => c.sourceId))
  const doubt = caveats.find((c) => c.citation.voice === 'update' && cited.has(c.sourceId))
  let sentence = parts.join('; ')
  if (doubt) {
    const source = kb.sources.get(doubt.sourceId)
    const who = source ? writerName(doubt.citation.author, 'update', source) : 'its author'
    sentence += `, and ${who} later questioned the source`
  }
  return `${sentence}.`
}

const NUMBERS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten']

/**
 * "Four sources, two of them independent, say", "Three sources, all independent, say", "Three sources,
 * all tracing back to Falkvinge’s post, say" (from the claim's independent `lines`, when known), "The
 * Atlantic article says", "Edward Lin, a reader of Falkvinge’s post, says".
 */
function whoSays(kb: Knowledge, stating: readonly Citation[], lines?: readonly SourceLine[]): string {
  const sources = new Set(stating.map((c) => c.sourceId))
  const one = stating[0] as Citation
  const source = kb.sources.get(one.sourceId)
  const total = lines?.reduce((n, l) => n + 1 + l.followers.length, 0) ?? 0
  if (lines && total > 1) {
    const count = NUMBERS[total] ?? String(total)
    const root = kb.sources.get(lines[0]?.root.sourceId ?? '')
    if (lines.length === total) return `${count} sources, all independent, say`
    if (lines.length === 1 && root) return `${count} sources, all tracing back to ${sourceName(root)}, say`
    return `${count} sources, ${(NUMBERS[lines.length] ?? String(lines.length)).toLowerCase()} of them independent, say`
  }
  if (sources.size > 1) return `${NUMBERS[sources.size] ?? sources.size} sources say`
  if (!source) return 'A source says'
  if (one.voice === 'comment')
    return `${writerName(one.author, one.voice, source)}, a reader of ${sourceName(source)}, says`
  if (one.voice === 'update')
    return `${writerName(one.author, one.voice, source)}, in an update to ${sourceName(source)}, says`
  return `${capitalize(sourceName(source))} says`
}

/** "Edward Lin, a reader,", "the SI410 wiki page", "its author, in an update,". */
function whoDisputes(kb: Knowledge, c: Citation): string {
  const source = kb.sources.get(c.sourceId)
  if (!source) return 'a source'
  if (c.voice === 'comment') return c.author ? `${c.author}, a reader,` : 'a reader'
  if (c.voice === 'update') return `${writerName(c.author, c.voice, source)}, in a later update,`
  return sourceName(source)
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Longest part of a quote the bottom line repeats, in characters. */
export const MAX_CLAUSE = 120

/** Fewest words of a clause the bottom line quotes on its own. */
const MIN_CLAUSE_WORDS = 5

/** Share of a claim's statement's terms a quote holds, from which the quote says what the claim says. */
export const ABOUT_CLAIM = 0.5

function sharedShare(statement: string, quote: string): number {
  const mine = new Set(tokenize(statement).flatMap((t) => (t.term ? [t.term] : [])))
  const theirs = new Set(tokenize(quote).map((t) => t.term))
  return mine.size === 0 ? 0 : [...mine].filter((t) => theirs.has(t)).length / mine.size
}

/**
 * The clause of a quote that holds most of the question's terms, and the kind of answer it asks
 * for (`answers`: a date for "when"), cut at commas, semicolons and dashes; verbatim, without its
 * closing stop; the whole quote when it is short.
 */
export function clauseOf(
  quote: string,
  terms: ReadonlySet<string>,
  answers: (text: string) => boolean = () => false,
): string {
  const clean = quote.replace(/\s+/g, ' ').trim()
  // Clauses are cut where a comma, semicolon or colon and a space, or a spaced dash, end one;
  // a clause of fewer than MIN_CLAUSE_WORDS words joins the one before ("two companies, Alibaba
  // and Tencent,"). Each is a span of the quote, so it stays verbatim.
  const spans: [number, number][] = []
  let from = 0
  const cut = (to: number) => {
    const p = clean.slice(from, to)
    const start = from + (p.length - p.trimStart().length)
    from = to
    if (p.trim() === '') return
    const last = spans[spans.length - 1]
    if (last && p.trim().split(' ').length < MIN_CLAUSE_WORDS) last[1] = to
    else spans.push([start, to])
  }
  for (const m of clean.matchAll(/[,;:](?=\s)|\s(?=[—–-]\s)/g)) cut(m.index + (m[0].trim() === '' ? 0 : 1))
  cut(clean.length)
  const pieces = spans.map(([a, b]) => clean.slice(a, b).trim())
  const hits = (p: string) =>
    [...tokenize(p).map((t) => t.term), ...tagsOf(p)].filter((t) => terms.has(t)).length +
    (answers(p) ? 2 : 0)
  let best = clean
  if (clean.length > MAX_CLAUSE && pieces.length > 1) {
    best = pieces.reduce((a, b) => (hits(b) > hits(a) ? b : a))
  }
  best = best.replace(/[,;:.]+$/, '').trim()
  if (best.length > MAX_CLAUSE) best = `${best.slice(0, best.lastIndexOf(' ', MAX_CLAUSE - 1))}…`
  return best
}
