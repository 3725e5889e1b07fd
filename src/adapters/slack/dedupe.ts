import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt'
import type { Logger } from '../../logger.js'
import type { BoundedCache } from './bounded-cache.js'

/**
 * A global middleware that lets each Events API event through once, by its `event_id`. Slack redelivers an
 * event whose ack it did not get in time (HTTP `X-Slack-Retry-Num`, Socket Mode `retry_attempt`, both Bolt's
 * `context.retryNum`): a redelivery of an event already taken is dropped (it is being or was answered), but a
 * redelivery of an event never seen here (the first delivery was lost, or the process restarted) goes
 * through and is answered once. Events are acked by Bolt before this runs, so a dropped one is still acked.
 */
export function dedupeEvents(seen: BoundedCache<true>, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id
    if (typeof eventId === 'string' && !seen.claim(`event:${eventId}`, true)) {
      log.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        'dropped a redelivered Slack event that is already answered',
      )
      return
    }
    await next()
  }
}
