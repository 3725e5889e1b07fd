import type { APIEmbed, APIEmbedAuthor } from 'discord.js'
import type { Answer, Caveat } from '../answer/types.js'
import { claimEmbed } from './discord-claim.js'
import { escapeText, fitText, neutralizeMentions } from './discord-escape.js'
import { fitList, plural, squash } from './discord-fit.js'
import type { DiscordLimits } from './discord-message.js'
import {
  COLORS,
  type DiscordMessage,
  embedLength,
  feedbackRow,
  noMentions,
  QUESTION_PREFIX,
} from './discord-message.js'
import { DISCORD_LIMITS } from './limits.js'

/** How an answer is rendered. */
export interface DiscordRenderOptions {
  /** Discord's limits; tests pass smaller ones. Default {@link DISCORD_LIMITS}. */
  limits?: DiscordLimits
  /** Most quotes shown per side of a claim (stating, disputing). Default 3. */
  maxQuotesPerSide?: number
  /** Most characters of the caveats embed's description (whole caveats are dropped). Default 1500. */
  maxCaveatChars?: number
  /** A line above the answer (a follow-up's "2 of the 3 claims … are disputed:"), shown as the message text. */
  lead?: string
}

const UNANSWERED = 'The sources don’t answer that. /sources lists them.'

/** The author line of an answer's first embed: the question, without pings (embeds show no Markdown there). */
export function questionAuthor(question: string, limits: DiscordLimits = DISCORD_LIMITS): APIEmbedAuthor {
  // An author name has the same 256-character limit as a title.
  const max = limits.embedTitle - QUESTION_PREFIX.length
  return { name: `${QUESTION_PREFIX}${fitText(squash(question), max, neutralizeMentions)}` }
}

/** The caveats on whole sources, as bullets; null when there are none or none fit. */
export function caveatsEmbed(caveats: readonly Caveat[], maxChars: number): APIEmbed | null {
  if (caveats.length === 0) return null
  const lines = caveats.map((c) => `• ${escapeText(squash(c.note))}`)
  const fitted = fitList(lines, maxChars, { more: (n) => `*${plural(n, 'more caveat')} left out.*` })
  if (fitted === null || fitted.kept === 0) return null
  return { title: 'Caveats on the sources', color: COLORS.caveat, description: fitted.text }
}

/** The footer that says how many claims did not fit. */
export function claimsLeftOut(n: number): string {
  return `${plural(n, 'more claim')} left out — ask a narrower question to see them.`
}

/**
 * An answer as Discord embeds: one per claim, best first (title = the statement, red when contested, green
 * when not, the note marked ⚠️/✅, the quotes as block quotes with who said them, their role and the source
 * linked, disputes under "Disputed by"), then the caveats; and the 👍/👎 buttons. The question is the first
 * embed's author line. Cut at a claim boundary to stay within Discord's limits, saying how many claims were
 * left out; quotes are dropped whole, never cut.
 */
export function renderAnswer(answer: Answer, options: DiscordRenderOptions = {}): DiscordMessage {
  const limits = options.limits ?? DISCORD_LIMITS
  const author = questionAuthor(answer.question, limits)
  // The message's text: a follow-up's lead, then the bottom line.
  const said = [options.lead, answer.answered ? answer.summary : undefined].filter((s): s is string =>
    Boolean(s),
  )
  const lead = said.length === 0 ? {} : { content: fitText(squash(said.join('\n')), limits.content) }
  const message = (embeds: APIEmbed[]): DiscordMessage => ({
    ...lead,
    embeds,
    components: [feedbackRow()],
    allowedMentions: noMentions(),
  })
  if (!answer.answered || answer.claims.length === 0) {
    const text = fitText(squash(answer.message ?? UNANSWERED), limits.embedDescription)
    return message([{ author, color: COLORS.neutral, description: text }])
  }

  const caveats = caveatsEmbed(
    answer.caveats,
    Math.min(options.maxCaveatChars ?? 1500, limits.embedDescription, limits.embedTotal / 4),
  )
  const maxClaims = limits.embeds - (caveats ? 1 : 0)
  let used = author.name.length + (caveats ? embedLength(caveats) : 0)
  const reserve = claimsLeftOut(answer.claims.length).length
  const claims: APIEmbed[] = []
  for (const [i, claim] of answer.claims.entries()) {
    if (claims.length >= maxClaims) break
    const last = i === answer.claims.length - 1
    const embed = claimEmbed(claim, {
      prefix: answer.claims.length > 1 ? `${i + 1}. ` : '',
      budget: limits.embedTotal - used - (last ? 0 : reserve),
      limits,
      ...(options.maxQuotesPerSide === undefined ? {} : { maxQuotesPerSide: options.maxQuotesPerSide }),
    })
    if (embed === null) break
    claims.push(embed)
    used += embedLength(embed)
  }

  const leftOut = answer.claims.length - claims.length
  const first = claims[0]
  if (first === undefined) {
    // Not even the best claim fits (only with limits far below Discord's): say so rather than send nothing.
    const text = fitText(`${claimsLeftOut(leftOut)}`, limits.embedDescription)
    return message([{ author, color: COLORS.neutral, description: text }])
  }
  first.author = author
  const lastClaim = claims[claims.length - 1]
  if (leftOut > 0 && lastClaim) lastClaim.footer = { text: claimsLeftOut(leftOut) }
  return message(caveats ? [...claims, caveats] : claims)
}
