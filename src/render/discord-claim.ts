import type { APIEmbed } from 'discord.js'
import type { Citation, Claim } from '../answer/types.js'
import { attributionOf, displayQuote } from './attribution.js'
import { escapeText, fitText, maskedLink } from './discord-escape.js'
import { plural, squash } from './discord-fit.js'
import type { DiscordLimits } from './discord-message.js'
import { COLORS } from './discord-message.js'
import { DISCORD_LIMITS } from './limits.js'

/** How one claim becomes an embed. */
export interface ClaimEmbedOptions {
  /** Put before the statement in the title, e.g. `1. ` or `Claim of the day: `. Default none. */
  prefix?: string
  /** Characters the embed may take in all (title, description, footer, author; see `embedLength`). */
  budget: number
  /** Most quotes shown per side (stating, disputing); the rest are counted as left out. Default 3. */
  maxQuotesPerSide?: number
  /** Discord's limits (tests pass smaller ones). Default {@link DISCORD_LIMITS}. */
  limits?: DiscordLimits
}

/** The note of a claim, plainly marked: `⚠️ **Contested**: …` or `✅ **Not disputed** in the sources…`. */
export function noteLine(claim: Claim): string {
  const [mark, label] = claim.contested ? ['⚠️', 'Contested'] : ['✅', 'Not disputed']
  const note = squash(claim.note)
  if (note.toLowerCase().startsWith(label.toLowerCase())) {
    return `${mark} **${label}**${escapeText(note.slice(label.length))}`
  }
  return `${mark} **${label}:** ${escapeText(note)}`
}

/** A quote as a block quote, with who said it, in what role, and the source linked. */
export function quoteBlock(c: Citation): string {
  const a = attributionOf(c)
  return `> ${escapeText(displayQuote(c))}\n— ${escapeText(a.who)} (${a.role}), ${maskedLink(a.title, a.url)}${a.where ? `, ${escapeText(a.where)}` : ''}`
}

/**
 * The quotes of a claim in the order they are given up when space is short: the best stating quote,
 * the best disputing one, the second stating one, and so on.
 */
function byPriority(support: readonly Citation[], disputes: readonly Citation[]): Citation[] {
  const out: Citation[] = []
  for (let i = 0; i < Math.max(support.length, disputes.length); i++) {
    const s = support[i]
    const d = disputes[i]
    if (s) out.push(s)
    if (d) out.push(d)
  }
  return out
}

function description(claim: Claim, shown: ReadonlySet<Citation>, leftOut: number): string {
  const parts = [noteLine(claim)]
  const stating = claim.support.filter((c) => shown.has(c))
  const disputing = claim.disputes.filter((c) => shown.has(c))
  if (stating.length > 0) parts.push(`**Stated by**\n${stating.map(quoteBlock).join('\n\n')}`)
  if (disputing.length > 0) parts.push(`**Disputed by**\n${disputing.map(quoteBlock).join('\n\n')}`)
  if (leftOut > 0) parts.push(`*${plural(leftOut, 'more quote')} left out.*`)
  return parts.join('\n\n')
}

/**
 * One claim as an embed: the statement as title, red when contested and green when not, the note, then the
 * quotes that state it and those that dispute it. Whole quotes are dropped (and counted) to stay within
 * the budget and the description limit; null when not even the statement, the note and one quote fit.
 */
export function claimEmbed(claim: Claim, options: ClaimEmbedOptions): APIEmbed | null {
  const limits = options.limits ?? DISCORD_LIMITS
  const perSide = options.maxQuotesPerSide ?? 3
  const title = fitText(`${options.prefix ?? ''}${squash(claim.statement)}`, limits.embedTitle)
  const candidates = byPriority(claim.support.slice(0, perSide), claim.disputes.slice(0, perSide))
  const total = claim.support.length + claim.disputes.length
  const max = Math.min(limits.embedDescription, options.budget - title.length)
  const least = candidates.length > 0 ? 1 : 0
  for (let kept = candidates.length; kept >= least; kept--) {
    const text = description(claim, new Set(candidates.slice(0, kept)), total - kept)
    if (text.length <= max) {
      return {
        title,
        color: claim.contested ? COLORS.contested : COLORS.undisputed,
        description: text,
      }
    }
  }
  return null
}
