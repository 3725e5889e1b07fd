import type { APIEmbed } from 'discord.js'
import type { Digest, DigestSource } from '../digest/types.js'
import { claimEmbed } from './discord-claim.js'
import { fitText, maskedLink } from './discord-escape.js'
import { fitList, plural, squash } from './discord-fit.js'
import type { DiscordLimits } from './discord-message.js'
import { COLORS, type DiscordMessage, embedLength, noMentions } from './discord-message.js'
import { DISCORD_LIMITS } from './limits.js'

/** How a digest is rendered. */
export interface DigestRenderOptions {
  /** Discord's limits; tests pass smaller ones. Default {@link DISCORD_LIMITS}. */
  limits?: DiscordLimits
  /** Most characters of the questions and of the sources embed's descriptions. Default 1200 each. */
  maxSectionChars?: number
}

const more = (what: string) => (n: number) => `*…and ${plural(n, `more ${what}`)}.*`

/** Yesterday's questions: how many, the topics, the ones the sources could not answer. */
function questionsEmbed(q: Digest['questions'], max: number): APIEmbed {
  const title = 'Yesterday’s questions here'
  if (q.total === 0)
    return { title, color: COLORS.neutral, description: 'Nobody asked me anything yesterday.' }
  const topics = q.topics.slice(0, 10).map((t) => `${fitText(t.term, 60)} (${t.count})`)
  const head = [`**${plural(q.total, 'question')}** asked.`]
  if (topics.length > 0) head.push(`**Topics:** ${topics.join(' · ')}`)
  if (q.unanswered.length > 0) head.push('**Not answered by the sources:**')
  const items = q.unanswered.map((u) => `• ${fitText(squash(u), 200)}`)
  const fitted = fitList(items, max, { head: head.join('\n'), more: more('question') })
  return { title, color: COLORS.neutral, description: fitted?.text ?? fitText(head[0] ?? '', max) }
}

/** Sources added or changed since the channel's last digest; null when none were. */
function sourcesEmbed(s: Digest['sources'], max: number): APIEmbed | null {
  const item = (x: DigestSource) => `• ${maskedLink(x.title, x.url)}`
  const lines: string[] = []
  if (s.added.length > 0) lines.push('**Added:**', ...s.added.map(item))
  if (s.changed.length > 0) lines.push('**Changed:**', ...s.changed.map(item))
  if (lines.length === 0) return null
  const fitted = fitList(lines, max, { more: more('source') })
  if (fitted === null) return null
  return { title: 'Sources since the last digest', color: COLORS.neutral, description: fitted.text }
}

/**
 * A channel's digest as embeds: the claim of the day with its quotes and contested note (its author line
 * says which digest), yesterday's questions (total, topics, unanswered), and the sources added or changed.
 * Within Discord's limits: the questions and sources sections drop whole lines, the claim drops whole quotes.
 */
export function renderDigest(digest: Digest, options: DigestRenderOptions = {}): DiscordMessage {
  const limits = options.limits ?? DISCORD_LIMITS
  const max = Math.min(options.maxSectionChars ?? 1200, limits.embedDescription)
  const author = {
    name:
      digest.kind === 'manual'
        ? `📰 Digest on request · ${digest.localDate}`
        : `📰 Daily digest · ${digest.localDate}`,
  }
  const rest = [questionsEmbed(digest.questions, max)]
  const sources = sourcesEmbed(digest.sources, max)
  if (sources) rest.push(sources)
  const used = author.name.length + rest.reduce((n, e) => n + embedLength(e), 0)
  const claim =
    digest.claim &&
    claimEmbed(digest.claim, { prefix: 'Claim of the day: ', budget: limits.embedTotal - used, limits })
  const head: APIEmbed = claim ?? {
    color: COLORS.neutral,
    description: digest.claim
      ? `The claim of the day is too long to show here: ${fitText(squash(digest.claim.statement), 300)}`
      : 'No claim of the day: the sources have none to show yet.',
  }
  head.author = author
  return { embeds: [head, ...rest], components: [], allowedMentions: noMentions() }
}
