import { innermostMessage } from '../network-error.js'

/** Slack's error codes that mean the bot cannot post in a channel at all (the digest marks it inactive). */
export const CHANNEL_GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'ekm_access_denied',
])

type Loose = Record<string, unknown>

/**
 * Slack's error code for a failed call: the Web API's `error` (`channel_not_found`, `not_in_channel`…),
 * `ratelimited`, `http_<status>` or `request_failed` for transport failures, `unknown_error` otherwise. Never
 * includes a token.
 */
export function slackErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown_error'
  const e = error as Loose
  if (typeof e.slackError === 'string') return e.slackError
  const data = e.data as Loose | undefined
  if (typeof data?.error === 'string') return data.error
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return 'ratelimited'
    case 'slack_webapi_http_error':
      return `http_${String(e.statusCode)}`
    case 'slack_webapi_request_error':
      return 'request_failed'
  }
  return 'unknown_error'
}

/**
 * A Slack call that failed, with Slack's error code (`channel_not_found`, `not_in_channel`, `is_archived`…)
 * in {@link slackError} and the channel in the message, so that a caller (the digest scheduler) can decide
 * what to do: a channel the bot cannot post in is marked inactive.
 */
export class SlackPostError extends Error {
  override name = 'SlackPostError'
  /** Slack's error code, e.g. `channel_not_found`. */
  readonly slackError: string
  /** Always `SLACK_POST_FAILED`, for callers that switch on error codes. */
  readonly code = 'SLACK_POST_FAILED'
  /** True when the bot cannot post in the channel at all (see {@link CHANNEL_GONE}). */
  readonly channelGone: boolean

  constructor(method: string, channel: string, cause: unknown) {
    const slackError = slackErrorCode(cause)
    super(`Slack ${method} in ${channel} failed: ${slackError}. ${hintFor(slackError)}`, { cause })
    this.slackError = slackError
    this.channelGone = CHANNEL_GONE.has(slackError)
  }
}

/** Slack's public Web API, the default of `SLACK_API_URL`. */
export const SLACK_API = 'https://slack.com/api/'

/**
 * Start-up failed: Slack could not be reached at the Web API URL (a network failure: nothing listening, a
 * name that does not resolve, a timeout), or it refused a token. Says which variable, Slack's error code or the
 * network's, and how to fix it.
 */
export class SlackStartError extends Error {
  override name = 'SlackStartError'
  /** Always `SLACK_START_FAILED`. */
  readonly code = 'SLACK_START_FAILED'
  /** Slack's error code, e.g. `invalid_auth`; `request_failed` when Slack could not be reached. */
  readonly slackError: string

  constructor(
    variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN',
    method: string,
    cause: unknown,
    apiUrl: string = SLACK_API,
  ) {
    const slackError = slackErrorCode(cause)
    const hint =
      variable === 'SLACK_APP_TOKEN'
        ? 'Use an App-Level Token (xapp-…) with the connections:write scope (Basic Information → App-Level Tokens), with Socket Mode on.'
        : hintFor(slackError)
    super(
      slackError === 'request_failed'
        ? `Slack could not be reached at ${apiUrl} (${method}: ${innermostMessage(cause)}). Check SLACK_API_URL (unset, it is ${SLACK_API}) and the network.`
        : `Slack refused ${variable} (${method}: ${slackError}). ${hint}`,
      { cause },
    )
    this.slackError = slackError
  }
}

/** How to fix a Slack error, in words for a person. */
export function hintFor(code: string): string {
  switch (code) {
    case 'not_in_channel':
    case 'channel_not_found':
      return 'Invite the bot to the channel (/invite @citebot) and try again.'
    case 'is_archived':
      return 'The channel is archived.'
    case 'ratelimited':
      return 'Slack is rate limiting the bot; try again in a minute.'
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'account_inactive':
      return 'Check SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token).'
    case 'missing_scope':
      return 'Reinstall the app from manifest.json so that it has the scopes it needs.'
    default:
      return 'Try again in a moment.'
  }
}

/** The short apology a person sees when the bot could not do what they asked. */
export function apologyText(what: string, code: string): string {
  return `Sorry, I couldn’t ${what} (slack error: ${code}). ${hintFor(code)}`
}
