import type { Digest, DigestSource } from '../digest/types.js'
import { SLACK_LIMITS } from './limits.js'
import { claimBlocks } from './slack-claim.js'
import { fitText, slackLink, squash } from './slack-escape.js'
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

/** How a digest is rendered. */
export interface SlackDigestOptions {
  /** Slack's limits; tests pass smaller ones. Default {@link SLACK_LIMITS}. */
  limits?: SlackLimits
  /** Most quotes shown per side of the claim of the day. Default 3. */
  maxQuotesPerSide?: number
}

const more = (what: string, n: number) => `_…and ${plural(n, `more ${what}`)}._`

/** Packs lines into one section, whole lines only, saying how many were left out. */
function oneSection(head: string, lines: readonly string[], max: number, what: string): SlackBlock {
  const packed = packSections(lines, max - 40, { head, maxSections: 1 })
  const text = packed.texts[0] ?? head
  return section(packed.dropped > 0 ? `${text}\n${more(what, packed.dropped)}` : text)
}

/** Yesterday's questions: how many, the topics, the ones the sources could not answer. */
function questionsBlock(q: Digest['questions'], limits: SlackLimits): SlackBlock {
  const title = '*Yesterday’s questions here*'
  if (q.total === 0) return section(`${title}\nNobody asked me anything yesterday.`)
  const head = [title, `${plural(q.total, 'question')} asked.`]
  const topics = q.topics.slice(0, 10).map((t) => `${fitText(squash(t.term), 60)} (${t.count})`)
  if (topics.length > 0) head.push(`*Topics:* ${topics.join(' · ')}`)
  if (q.unanswered.length > 0) head.push('*Not answered by the sources:*')
  const items = q.unanswered.map((u) => `• ${fitText(squash(u), 200)}`)
  return oneSection(head.join('\n'), items, limits.sectionText, 'question')
}

/** Sources added or changed since the channel's last digest. */
function sourcesBlock(s: Digest['sources'], limits: SlackLimits): SlackBlock {
  const title = '*Sources since the last digest*'
  const item = (x: DigestSource) => `• ${slackLink(x.title, x.url)}`
  const lines: string[] = []
  if (s.added.length > 0) lines.push('*Added:*', ...s.added.map(item))
  if (s.changed.length > 0) lines.push('*Changed:*', ...s.changed.map(item))
  if (lines.length === 0) return section(`${title}\nNo sources were added or changed.`)
  return oneSection(title, lines, limits.sectionText, 'line')
}

/** The notification text of a digest. */
export function digestSummary(digest: Digest): string {
  const which = digest.kind === 'manual' ? 'Digest on request' : 'Daily digest'
  const claim = digest.claim
    ? `claim of the day: ${fitText(squash(digest.claim.statement), 300)}${digest.claim.contested ? ' (contested)' : ''}`
    : 'no claim of the day'
  return `${which} for ${digest.localDate} — ${claim}`
}

/**
 * A channel's digest in Block Kit: a header, the claim of the day with its quotes and its note plainly
 * marked, yesterday's questions (total, topics, unanswered) and the sources added or changed. Within Slack's
 * limits: the claim drops whole quotes, the questions and sources sections whole lines.
 */
export function renderDigestBlocks(digest: Digest, options: SlackDigestOptions = {}): SlackMessage {
  const limits = options.limits ?? SLACK_LIMITS
  const title = digest.kind === 'manual' ? 'Digest on request' : 'Daily digest'
  const header: SlackBlock = {
    type: 'header',
    text: {
      type: 'plain_text',
      text: `📰 ${title} · ${digest.localDate}`.slice(0, limits.headerText),
      emoji: true,
    },
  }
  const rest = [divider(), questionsBlock(digest.questions, limits), sourcesBlock(digest.sources, limits)]
  const footer = context('Change or stop it with `/digest status`, `/digest unsubscribe`.')
  let claim: SlackBlock[] = [section('*Claim of the day*\nNone yet: the sources have no claim to show.')]
  if (digest.claim) {
    const blocks = claimBlocks(digest.claim, {
      n: null,
      maxQuotesPerSide: options.maxQuotesPerSide ?? 3,
      limits,
    })
    const room = limits.blocks - 2 - rest.length - 1
    claim = [context('*Claim of the day*'), ...blocks.slice(0, Math.max(1, room))]
  }
  return { text: digestSummary(digest), blocks: [header, ...claim, ...rest, footer] }
}
