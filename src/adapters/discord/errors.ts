import { DiscordAPIError } from 'discord.js'

/** Discord's JSON error codes that mean the bot can no longer post in a channel. */
export const CHANNEL_GONE_CODES: ReadonlySet<number> = new Set([
  10003, // Unknown Channel: deleted
  10004, // Unknown Guild: the bot was removed from the server
  50001, // Missing Access: the bot cannot see it (removed, or the channel was made private)
  50008, // Cannot send messages in a non-text channel
  50013, // Missing Permissions: it can see it but not post (Send Messages, Embed Links)
])

const HOW_TO_FIX: Readonly<Record<number, string>> = {
  10003: 'the channel no longer exists; its digest subscription can be dropped',
  10004: 'citebot is no longer in that server; invite it again to post there',
  50001: 'citebot cannot see that channel; give it View Channel and Send Messages there, or re-invite it',
  50008: 'that channel does not take messages; subscribe a text channel instead',
  50013: 'citebot cannot post there; give it Send Messages and Embed Links in that channel',
}

/** What a failed post says about itself. */
export interface DiscordPostErrorInit {
  channelId: string
  /** Discord's JSON error code (0 when the failure was not Discord's answer, e.g. a network error). */
  code: number
  /** The HTTP status, or null. */
  status: number | null
  /** What Discord said, e.g. "Missing Access". */
  reason: string
  cause: unknown
}

/**
 * Posting to a Discord channel failed. `code` is Discord's (50001 Missing Access, 10003 Unknown Channel…) so
 * the scheduler can mark the channel's subscription inactive when `channelGone` is true.
 */
export class DiscordPostError extends Error {
  override name = 'DiscordPostError'
  /** Discord's JSON error code, or 0 when Discord did not answer with one. */
  readonly code: number
  /** The HTTP status of Discord's answer, or null (network error, not a text channel). */
  readonly status: number | null
  /** The channel the post was for. */
  readonly channelId: string
  /** True when the bot can no longer post in the channel (deleted, no access, no permission): stop trying. */
  readonly channelGone: boolean

  constructor(init: DiscordPostErrorInit) {
    const fix = HOW_TO_FIX[init.code] ?? 'it may work on the next try; see the cause'
    super(
      `Could not post in Discord channel ${init.channelId}: ${init.reason} (code ${init.code}); ${fix}.`,
      {
        cause: init.cause,
      },
    )
    this.code = init.code
    this.status = init.status
    this.channelId = init.channelId
    this.channelGone = CHANNEL_GONE_CODES.has(init.code)
  }

  /** Wraps whatever a post threw, keeping Discord's code and status when it was Discord's answer. */
  static from(error: unknown, channelId: string): DiscordPostError {
    if (error instanceof DiscordPostError) return error
    if (error instanceof DiscordAPIError) {
      const code = typeof error.code === 'number' ? error.code : 0
      return new DiscordPostError({
        channelId,
        code,
        status: error.status,
        reason: error.message,
        cause: error,
      })
    }
    const reason = error instanceof Error ? error.message : String(error)
    return new DiscordPostError({ channelId, code: 0, status: null, reason, cause: error })
  }
}
