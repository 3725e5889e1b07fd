/**
 * Error codes that mean the bot can no longer post in a channel: Slack Web API errors and Discord JSON error
 * codes (10003 Unknown Channel, 10004 Unknown Guild, 50001 Missing Access).
 */
export const CHANNEL_GONE_CODES: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  '10003',
  '10004',
  '50001',
])

interface ErrorFields {
  code?: unknown
  data?: { error?: unknown } | null
  slackError?: unknown
  channelGone?: unknown
  cause?: unknown
}

/**
 * True when a post failed because the channel is gone or the bot was removed from it: retrying cannot
 * help, and the subscription is to be marked inactive. See `goneCode`.
 */
export function isChannelGone(error: unknown): boolean {
  return goneCode(error) !== null
}

/**
 * The code that makes a post error a gone channel, or null. An adapter's own verdict wins (`channelGone`
 * on its `SlackPostError` / `DiscordPostError`); otherwise `data.error` (Slack's Web API), `slackError` and
 * `code` (Discord's numeric code) are read, then the error's `cause`, a few levels deep.
 */
export function goneCode(error: unknown, depth = 0): string | null {
  if (typeof error !== 'object' || error === null || depth > 3) return null
  const e = error as ErrorFields
  const codes = [e.data?.error, e.slackError, e.code]
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .map(String)
  const known = codes.find((c) => CHANNEL_GONE_CODES.has(c))
  if (e.channelGone === true) return known ?? codes[0] ?? 'channel gone'
  if (e.channelGone === false) return null
  return known ?? goneCode(e.cause, depth + 1)
}
