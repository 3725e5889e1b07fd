import { isChannelGone } from './channel-gone.js'

/** How a failing post is retried. */
export interface RetryOptions {
  /** Most tries in all, the first included. Default 4. */
  attempts?: number
  /** Wait before the first retry, in ms; each later wait doubles it. Default 2000. */
  baseDelayMs?: number
  /** Longest wait, in ms (also caps a platform's retry-after). Default 60000. */
  maxDelayMs?: number
  /** Waits `ms` milliseconds; tests pass one that returns at once. Default a timer. */
  sleep?: (ms: number) => Promise<void>
}

/** How a post ended. */
export type PostOutcome =
  | { ok: true; attempts: number; lastError: unknown }
  /** `gone`: the channel is gone or the bot was removed (see `isChannelGone`); it was not retried. */
  | { ok: false; attempts: number; lastError: unknown; gone: boolean }

/** The default timer sleep. */
export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `post`, retrying a failure with exponential backoff (`baseDelayMs`, ×2 each time, at most
 * `maxDelayMs`, longer when the error asks for it with `retryAfter` seconds, as Slack's rate-limit error does),
 * up to `attempts` tries. A channel that is gone is not retried.
 */
export async function postWithRetry(
  post: () => Promise<unknown>,
  options: RetryOptions = {},
): Promise<PostOutcome> {
  const attempts = Math.max(1, options.attempts ?? 4)
  const base = options.baseDelayMs ?? 2000
  const max = options.maxDelayMs ?? 60_000
  const sleep = options.sleep ?? realSleep
  let lastError: unknown = null
  for (let attempt = 1; ; attempt++) {
    try {
      await post()
      return { ok: true, attempts: attempt, lastError }
    } catch (error) {
      lastError = error
      if (isChannelGone(error)) return { ok: false, attempts: attempt, lastError, gone: true }
      if (attempt >= attempts) return { ok: false, attempts: attempt, lastError, gone: false }
      await sleep(Math.min(max, Math.max(base * 2 ** (attempt - 1), retryAfterMs(error))))
    }
  }
}

// Seconds a rate-limited error asks to wait (`retryAfter`, on the error or its cause), in ms; 0 when none.
function retryAfterMs(error: unknown): number {
  const e = error as { retryAfter?: unknown; cause?: { retryAfter?: unknown } } | null
  const seconds = e?.retryAfter ?? e?.cause?.retryAfter
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0
}

/** A short description of an error for the store and logs: its code and message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const e = error as { code?: unknown; data?: { error?: unknown }; slackError?: unknown }
    const tag = [e.code, e.data?.error ?? e.slackError]
      .filter((v) => typeof v === 'string' || typeof v === 'number')
      .join('/')
    return (tag ? `${tag}: ${error.message}` : error.message).slice(0, 500)
  }
  return String(error).slice(0, 500)
}
