import type { Citation, Claim } from '../answer/types.js'
import { attributionOf, displayQuote } from './attribution.js'
import { escapeSlack, fitText, slackLink, squash } from './slack-escape.js'
import { appendLine, packSections, plural, type SlackBlock, type SlackLimits, section } from './slack-fit.js'

/** How one claim is rendered. */
export interface ClaimBlockOptions {
  /** The claim's number in the answer (`1. …`), or null for none (a digest's claim of the day). */
  n: number | null
  /** Most quotes shown per side (stating, disputing); the rest are counted, never cut. */
  maxQuotesPerSide: number
  limits: SlackLimits
  /** Most sections per side. Default 3. */
  maxSectionsPerSide?: number
}

// Room for the head line and the "more quotes" line, so the statement and note never crowd a section out.
const STATEMENT_MAX = 1200
const NOTE_MAX = 1200

/** The note line: plainly marked contested (⚠️) or not (✅). The engine's note may already start with "Contested:". */
export function noteLine(claim: Claim): string {
  const note = squash(claim.note)
  if (!claim.contested) return `:white_check_mark: ${fitText(note, NOTE_MAX)}`
  const rest = note.replace(/^contested:\s*/i, '')
  return `:warning: *Contested:* ${fitText(rest === '' ? 'another source disputes this.' : rest, NOTE_MAX)}`
}

/**
 * A quote as a Slack block quote, then (outside the quote, so that consecutive quotes stay apart) who said it,
 * in what role, and the source linked. Never cut.
 */
export function quoteEntry(c: Citation): string {
  const a = attributionOf(c)
  return `>“${escapeSlack(displayQuote(c))}”\n— *${escapeSlack(squash(a.who))}* (${a.role}), ${slackLink(a.title, a.url)}${a.where ? `, ${escapeSlack(a.where)}` : ''}`
}

/** The head line and note of a claim. */
export function claimHead(claim: Claim, n: number | null): string {
  const statement = fitText(squash(claim.statement), STATEMENT_MAX)
  return `*${n === null ? '' : `${n}. `}${statement}*\n${noteLine(claim)}`
}

function side(
  head: string,
  quotes: readonly Citation[],
  options: ClaimBlockOptions,
): { blocks: SlackBlock[]; dropped: number } {
  if (quotes.length === 0) return { blocks: [], dropped: 0 }
  const max = options.limits.sectionText
  const shown = quotes.slice(0, options.maxQuotesPerSide).map(quoteEntry)
  const packed = packSections(shown, max, {
    head,
    maxSections: options.maxSectionsPerSide ?? 3,
  })
  const dropped = packed.dropped + Math.max(0, quotes.length - options.maxQuotesPerSide)
  let texts = packed.texts
  if (dropped > 0) {
    const line = `_${plural(dropped, 'more quote')} not shown._`
    texts = texts.length === 0 ? [`${head}\n${line}`] : appendLine(texts, line, max)
  }
  return { blocks: texts.map(section), dropped }
}

/**
 * A claim as blocks: the statement with its note, then the quotes that state it ("Stated by") and those
 * that dispute it ("Disputed by"), as block quotes. Whole quotes are dropped, with a line saying how many,
 * when there are more than `maxQuotesPerSide` or a section would overflow.
 */
export function claimBlocks(claim: Claim, options: ClaimBlockOptions): SlackBlock[] {
  const head = section(claimHead(claim, options.n))
  const support = side('*Stated by*', claim.support, options)
  const disputes = side('*Disputed by*', claim.disputes, options)
  return [head, ...support.blocks, ...disputes.blocks]
}
