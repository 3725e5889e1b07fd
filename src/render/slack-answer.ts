import type { Answer, Caveat } from '../answer/types.js'
import { SLACK_LIMITS } from './limits.js'
import { type AnswerRef, answerActions } from './slack-actions.js'
import { claimBlocks } from './slack-claim.js'
import { escapeSlack, fitText, squash } from './slack-escape.js'
import {
  context,
  divider,
  packSections,
  plural,
  type SlackBlock,
  type SlackLimits,
  type SlackMessage,
  section,
} from './slack-fit.js'

/** How an answer is rendered. */
export interface SlackAnswerOptions {
  /** What the 👍/👎 buttons carry; without it there are no buttons. */
  ref?: AnswerRef
  /** Adds a "Share in channel" button (a privately shown `/ask` answer). Default false. */
  share?: boolean
  /** Shows the question above the answer (where the question is not right above it). Default false. */
  showQuestion?: boolean
  /** Who shared the answer into the channel (a display name, shown as text, never a mention). */
  sharedBy?: string
  /** A line above the answer (a follow-up's "2 of the 3 claims … are disputed:"). */
  lead?: string
  /** Slack's limits; tests pass smaller ones. Default {@link SLACK_LIMITS}. */
  limits?: SlackLimits
  /** Most quotes shown per side of a claim (stating, disputing). Default 4. */
  maxQuotesPerSide?: number
}

const UNANSWERED = 'The sources don’t answer that. /sources lists them.'
const QUESTION_MAX = 300

/** The line that says how many claims did not fit. */
export function claimsLeftOut(n: number): string {
  return `_${plural(n, 'more claim')} left out — ask a narrower question._`
}

/** The caveats on whole sources as one section; whole caveats are dropped, with a count, to fit. */
export function caveatsBlock(caveats: readonly Caveat[], limits: SlackLimits): SlackBlock | null {
  if (caveats.length === 0) return null
  const head = '*Caveats on the sources*'
  const lines = caveats.map((c) => `• ${escapeSlack(squash(c.note))}`)
  const room = limits.sectionText - 60
  const packed = packSections(lines, room, { head, maxSections: 1 })
  const text = packed.texts[0] ?? head
  const more = packed.dropped > 0 ? `\n_${plural(packed.dropped, 'more caveat')} left out._` : ''
  return section(`${text}${more}`)
}

function headBlock(answer: Answer, options: SlackAnswerOptions): SlackBlock | null {
  const parts: string[] = []
  if (options.lead !== undefined) return section(fitText(squash(options.lead), 1000))
  if (options.showQuestion) parts.push(`*Question:* ${fitText(squash(answer.question), QUESTION_MAX)}`)
  if (options.sharedBy !== undefined) parts.push(`Shared by ${fitText(squash(options.sharedBy), 80)}`)
  return parts.length === 0 ? null : context(...parts)
}

/** The notification text: the best claim and whether it is contested, or why there is no answer. */
export function answerSummary(answer: Answer): string {
  const first = answer.claims[0]
  if (!answer.answered || first === undefined) return fitText(squash(answer.message ?? UNANSWERED), 1000)
  if (answer.summary) return fitText(squash(answer.summary), 1000)
  const more = answer.claims.length > 1 ? ` (+${plural(answer.claims.length - 1, 'more claim')})` : ''
  const status = first.contested ? 'contested' : 'not disputed'
  return `${fitText(squash(first.statement), 500)} — ${status}${more}`
}

/**
 * An answer in Block Kit: each claim (best first) with its note plainly marked, its quotes as block quotes
 * with who said them, in what role, and the source linked; the disputing quotes under "Disputed by"; the
 * caveats on whole sources; the 👍/👎 buttons (and "Share in channel"). Within Slack's limits: cut at a claim
 * boundary with a line saying how many claims were left out; quotes are dropped whole, never cut.
 */
export function renderAnswerBlocks(answer: Answer, options: SlackAnswerOptions = {}): SlackMessage {
  const limits = options.limits ?? SLACK_LIMITS
  const head = headBlock(answer, options)
  const actions = options.ref ? answerActions(options.ref, options.share === true && answer.answered) : null
  const text = answerSummary(answer)
  const frame = (body: SlackBlock[]): SlackMessage => ({
    text,
    blocks: [...(head ? [head] : []), ...body, ...(actions ? [actions] : [])],
  })
  if (!answer.answered || answer.claims.length === 0) {
    return frame([section(fitText(squash(answer.message ?? UNANSWERED), limits.sectionText))])
  }

  const caveats = caveatsBlock(answer.caveats, limits)
  const room = limits.blocks - (head ? 1 : 0) - (actions ? 1 : 0) - (caveats ? 1 : 0)
  // The bottom line first, then the claims.
  const body: SlackBlock[] = answer.summary
    ? [section(fitText(squash(answer.summary), limits.sectionText))]
    : []
  let kept = 0
  for (const [i, claim] of answer.claims.entries()) {
    const blocks = claimBlocks(claim, {
      n: answer.claims.length > 1 ? i + 1 : null,
      maxQuotesPerSide: options.maxQuotesPerSide ?? 4,
      limits,
    })
    const withDivider = kept > 0 ? [divider(), ...blocks] : blocks
    const last = i === answer.claims.length - 1
    // Keep one block free for the "left out" line unless this is the last claim.
    if (body.length + withDivider.length + (last ? 0 : 1) > room) break
    body.push(...withDivider)
    kept += 1
  }
  const leftOut = answer.claims.length - kept
  if (leftOut > 0) body.push(context(claimsLeftOut(leftOut)))
  if (caveats) body.push(caveats)
  return frame(body)
}
