import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js'
import { ButtonStyle, ComponentType } from 'discord.js'
import type { Vote } from '../store/index.js'
import { unneutralize } from './discord-escape.js'
import type { DISCORD_LIMITS } from './limits.js'

/** Discord's limits as numbers (`DISCORD_LIMITS` by default; tests pass smaller or larger ones). */
export type DiscordLimits = { readonly [K in keyof typeof DISCORD_LIMITS]: number }

/** Who a message may ping: nobody. Sent on every message, response and edit the bot makes. */
export interface NoMentions {
  parse: []
}

/** A message as discord.js takes it (`channel.send`, `message.reply`, `interaction.reply/editReply`). */
export interface DiscordMessage {
  /** Plain text above the embeds (at most 2000 characters); absent when the embeds say it all. */
  content?: string
  /** At most 10, within Discord's per-embed and 6000-character total limits. */
  embeds: APIEmbed[]
  /** Action rows of buttons (the 👍/👎 row of an answer); empty for other replies. */
  components: APIActionRowComponent<APIButtonComponent>[]
  /** Always `{ parse: [] }`: nothing the bot sends pings anyone. */
  allowedMentions: NoMentions
  /** Files sent with it (multipart), e.g. the map of the sources; set by the adapter, never by a renderer. */
  files?: { attachment: Buffer; name: string; description?: string }[]
}

/** A fresh `{ parse: [] }` (a new object each time, so no caller can change another's). */
export function noMentions(): NoMentions {
  return { parse: [] }
}

/** Embed colours (RGB). */
export const COLORS = {
  /** A claim some source disputes. */
  contested: 0xd9463e,
  /** A claim no source disputes. */
  undisputed: 0x2e9e5b,
  /** Caveats on whole sources. */
  caveat: 0xe0a526,
  /** Everything else: sources, help, digests, unanswered questions. */
  neutral: 0x5865f2,
} as const

/** Characters of an embed that count toward Discord's 6000-character total. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0)
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0)
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length
  return n
}

/** The total over a message's embeds. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, e) => sum + embedLength(e), 0)
}

const FEEDBACK_ID = /^feedback:(up|down)$/

/** The custom id of a 👍 (`feedback:up`) or 👎 (`feedback:down`) button. The answer is the message it sits on. */
export function feedbackCustomId(vote: Vote): string {
  return `feedback:${vote}`
}

/** The vote of a feedback button's custom id, or null for any other custom id. */
export function parseFeedbackId(customId: string): Vote | null {
  const m = FEEDBACK_ID.exec(customId)
  return m ? (m[1] as Vote) : null
}

/** The 👍/👎 row under an answer. */
export function feedbackRow(): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: feedbackCustomId('up'),
        emoji: { name: '👍' },
        label: 'Helpful',
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: feedbackCustomId('down'),
        emoji: { name: '👎' },
        label: 'Not helpful',
      },
    ],
  }
}

/** What the first embed of an answer shows as its author line: the question. */
export const QUESTION_PREFIX = '❓ '

/**
 * The question an answer message answered, read back from its first embed's author line (for feedback,
 * which must store the question). Null when the message is not an answer.
 */
export function questionOf(embeds: readonly { author?: { name: string } | null }[]): string | null {
  const name = embeds[0]?.author?.name
  if (name === undefined || !name.startsWith(QUESTION_PREFIX)) return null
  return unneutralize(name.slice(QUESTION_PREFIX.length)).trim()
}
