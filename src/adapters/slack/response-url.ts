import { setTimeout as delay } from 'node:timers/promises'
import type { RespondArguments } from '@slack/bolt'

/** Options of {@link postToResponseUrl}. */
export interface ResponseUrlOptions {
  /** The fetch to use. Default: the global one. */
  fetch?: typeof fetch
  /** How often a 429 is retried after its `Retry-After`. Default 2. */
  retries?: number
  /** Longest wait for one `Retry-After`, in seconds. Default 30. */
  maxWaitSeconds?: number
}

/** A failed post to a response_url, with Slack's error code (`expired_url`, `http_404`…). */
export class ResponseUrlError extends Error {
  override name = 'ResponseUrlError'
  constructor(
    readonly slackError: string,
    readonly status: number,
  ) {
    super(`Posting to the response_url failed: ${slackError} (HTTP ${status}).`)
  }
}

/**
 * Posts a message to a slash command's or a button's `response_url` (ephemeral by default there): like Bolt's
 * `respond()`, but a 429 is retried after its `Retry-After`, and a failure carries Slack's error code.
 */
export async function postToResponseUrl(
  url: string,
  message: RespondArguments,
  options: ResponseUrlOptions = {},
): Promise<void> {
  const doFetch = options.fetch ?? fetch
  const retries = options.retries ?? 2
  for (let attempt = 0; ; attempt++) {
    const res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    })
    const body = await res.text()
    if (res.ok) return
    if (res.status === 429 && attempt < retries) {
      const wait = Math.min(Number(res.headers.get('retry-after')) || 1, options.maxWaitSeconds ?? 30)
      await delay(wait * 1000)
      continue
    }
    throw new ResponseUrlError(errorOf(body) ?? `http_${res.status}`, res.status)
  }
}

function errorOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body)
    const error = (parsed as { error?: unknown } | null)?.error
    return typeof error === 'string' ? error : null
  } catch {
    return /^[a-z_]{3,40}$/.test(body.trim()) ? body.trim() : null
  }
}
