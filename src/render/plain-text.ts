import type { Answer, Citation, Claim } from '../answer/types.js'
import type { Reply } from '../chat/service.js'
import { renderSourcesText } from '../chat/sources.js'
import { describeDate } from '../digest/local-time.js'
import type { Digest, DigestSource } from '../digest/types.js'
import { attributionOf, cutAtWord, displayQuote } from './attribution.js'

/** Text without markup, for a terminal or a log: one answer as a person reads it. */
export function renderAnswerText(answer: Answer): string {
  if (!answer.answered) return answer.message ?? 'The sources don’t answer that. /sources lists them.'
  const lines: string[] = answer.summary ? [squash(answer.summary), ''] : []
  answer.claims.forEach((claim, i) => {
    if (i > 0) lines.push('')
    lines.push(...answerClaimLines(claim, i + 1))
  })
  const [caveat, ...more] = answer.caveats
  if (caveat) {
    // The doubt is quoted up to `LATER_QUOTE_CHARS` (the whole is in `ask --json`, Slack and Discord).
    const whole = `“${displayQuote(caveat.citation)}”`
    const note = caveat.note.replace(
      whole,
      `“${cutAtWord(displayQuote(caveat.citation), LATER_QUOTE_CHARS)}”`,
    )
    lines.push('', `Caveat: ${note}${more.length > 0 ? ` (and ${plural(more.length, 'more caveat')})` : ''}`)
  }
  return lines.join('\n')
}

/**
 * A claim of an answer, compactly: its quotes one a line with who said them (all of the first
 * claim's, the best of the others'), then its note: who disputes it, in their words, or that no
 * source does.
 */
function answerClaimLines(claim: Claim, n: number): string[] {
  const shown = n === 1 ? claim.support.slice(0, FIRST_CLAIM_QUOTES) : claim.support.slice(0, 1)
  // The first claim's quotes are shown as cited; a later claim's, up to `LATER_QUOTE_CHARS`.
  const lines = shown.map(
    (c, i) => `${i === 0 ? `${n}. ` : '   '}${quoteLine(c, n === 1 ? null : LATER_QUOTE_CHARS)}`,
  )
  const named = new Set(shown.map((c) => attributionOf(c).who))
  const rest = [...new Set(claim.support.slice(shown.length).map((c) => attributionOf(c).who))].filter(
    (who) => !named.has(who),
  )
  if (rest.length > 0) lines.push(`   (also stated by ${rest.join(', ')})`)
  lines.push(`   ${claim.contested ? '⚠' : '✓'} ${noteOf(claim, shown)}`)
  // The note quotes the first dispute, cut when it is long: then, for the first claim, the whole quote follows.
  const dispute = claim.disputes[0]
  if (n === 1 && dispute && !claim.note.includes(displayQuote(dispute)))
    lines.push(`     ${quoteLine(dispute)}`)
  return lines
}

/**
 * A claim's note, less what the quote lines above it already say: an undisputed claim that one
 * writer alone states, in quotes all shown with their name, is just not disputed.
 */
function noteOf(claim: Claim, shown: readonly Citation[]): string {
  const [first] = claim.support
  const oneWriter =
    first !== undefined &&
    shown.length === claim.support.length &&
    claim.support.every(
      (c) => c.sourceId === first.sourceId && c.author === first.author && c.voice === first.voice,
    )
  return !claim.contested && claim.disputes.length === 0 && oneWriter && claim.note.startsWith(UNDISPUTED)
    ? `${UNDISPUTED}.`
    : claim.note
}

/** One quote and who said it, on one line: “…” — Jay Stanley (article), China’s Nightmarish…, p. 4. */
function quoteLine(c: Citation, most: number | null = null): string {
  const a = attributionOf(c)
  const whole = displayQuote(c)
  const quote = most === null ? whole : cutAtWord(whole, most)
  const title =
    a.title.length > TITLE_CHARS ? `${a.title.slice(0, a.title.lastIndexOf(' ', TITLE_CHARS))}…` : a.title
  return `“${quote}” — ${a.who} (${a.role}), ${title}${a.where ? `, ${a.where}` : ''}`
}

/**
 * Longest quote of a claim after the first, and of a caveat's doubt, in characters (the whole is
 * in `ask --json` and on Slack and Discord).
 */
const LATER_QUOTE_CHARS = 140

/** How the note on a claim no source disputes begins (see answer/notes.ts). */
const UNDISPUTED = 'Not disputed in the sources'

/** Most quotes shown of the first claim of an answer (the others show their best one). */
const FIRST_CLAIM_QUOTES = 4

/** Longest source title in an answer's attribution lines, in characters (the whole title is in /sources). */
const TITLE_CHARS = 48

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function claimLines(claim: Claim, n: number): string[] {
  const lines = [`${n}. ${squash(claim.statement)}`, `   ${claim.contested ? '⚠ ' : '✓ '}${claim.note}`]
  lines.push('   Stated by:')
  for (const c of claim.support) lines.push(...quoteLines(c))
  if (claim.disputes.length > 0) {
    lines.push('   Disputed by:')
    for (const c of claim.disputes) lines.push(...quoteLines(c))
  }
  return lines
}

function quoteLines(c: Citation): string[] {
  const a = attributionOf(c)
  return [
    `     “${displayQuote(c)}”`,
    `        — ${a.who} (${a.role}), ${a.title}${a.where ? `, ${a.where}` : ''}`,
  ]
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

/**
 * A channel's digest as plain text: a heading with the date, the claim of the day with its note and quotes,
 * yesterday's questions (how many, the topics, the unanswered ones) and the sources added or changed.
 */
export function renderDigestText(digest: Digest): string {
  const heading = digest.kind === 'manual' ? 'Digest on request' : 'Daily digest'
  const lines = [`${heading} — ${describeDate(digest.localDate)}`, '']
  if (digest.claim) {
    lines.push('Claim of the day:', ...claimLines(digest.claim, 1).map((l) => l.replace(/^1\. /, '   ')))
  } else {
    lines.push('No claim of the day: the sources have none to show yet.')
  }
  const q = digest.questions
  lines.push('', 'Yesterday’s questions here:')
  if (q.total === 0) lines.push('   Nobody asked me anything yesterday.')
  else {
    lines.push(`   ${q.total} question${q.total === 1 ? '' : 's'} asked.`)
    if (q.topics.length > 0)
      lines.push(`   Topics: ${q.topics.map((t) => `${t.term} (${t.count})`).join(', ')}`)
    if (q.unanswered.length > 0) {
      lines.push('   Not answered by the sources:', ...q.unanswered.map((u) => `     • ${squash(u)}`))
    }
  }
  const { added, changed } = digest.sources
  const source = (s: DigestSource) => `     • ${s.title}${s.url ? ` <${s.url}>` : ''}`
  if (added.length > 0 || changed.length > 0) {
    lines.push('', 'Sources since the last digest:')
    if (added.length > 0) lines.push('   Added:', ...added.map(source))
    if (changed.length > 0) lines.push('   Changed:', ...changed.map(source))
  }
  return lines.join('\n')
}

/** Any reply as plain text. */
export function renderReplyText(reply: Reply): string {
  switch (reply.kind) {
    case 'answer':
      return reply.lead === undefined
        ? renderAnswerText(reply.answer)
        : `${reply.lead}\n\n${renderAnswerText(reply.answer)}`
    case 'sources':
      return reply.mapAsked || reply.sources.length === 0
        ? renderSourcesText(reply.sources)
        : `${renderSourcesText(reply.sources)}\n/sources map draws them as a picture (a PNG file).`
    case 'help':
      return [
        'Ask me anything about the sources, or use a command:',
        ...reply.commands.map((c) =>
          c.usage.length > 24
            ? `  ${c.usage}\n  ${' '.repeat(25)}${c.description}`
            : `  ${c.usage.padEnd(24)} ${c.description}`,
        ),
      ].join('\n')
    case 'text':
      return reply.text
    case 'digest':
      return renderDigestText(reply.digest)
  }
}
