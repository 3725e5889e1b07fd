import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt'
import type { Logger } from '../../logger.js'
import type { EventMemory } from './deps.js'

/**
 * A global middleware that lets each Events API event through once, by its `event_id`, across every process on
 * the store's database. Slack redelivers an event whose ack it did not get in time (HTTP `X-Slack-Retry-Num`,
 * Socket Mode `retry_attempt`, both Bolt's `context.retryNum`), and behind a load balancer the redelivery may
 * reach another process: a redelivery of an event already taken is dropped (it is being or was answered), but a
 * redelivery of an event never seen (the first delivery was lost) goes through and is answered once. Events are
 * acked by Bolt before this runs, so a dropped one is still acked. When the store cannot be asked, the event is
 * handled (a possible second answer is better than none) and the failure logged.
 */
export function dedupeEvents(memory: EventMemory, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id
    if (typeof eventId === 'string' && !(await firstClaim(memory, `event:${eventId}`, log))) {
      log.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        'dropped a redelivered Slack event that is already answered',
      )
      return
    }
    await next()
  }
}

/** True unless the store says `key` was claimed already; a store failure counts as a first claim (and is logged). */
export async function firstClaim(memory: EventMemory, key: string, log: Logger): Promise<boolean> {
  try {
    return await memory.store.claimEvent('slack', key, memory.now())
  } catch (error) {
    log.error({ err: error }, 'could not check in the store whether a Slack event was handled; handling it')
    return true
  }
}
