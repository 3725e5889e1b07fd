import type { Answer } from '../../answer/types.js'
import type { ChatService } from '../../chat/service.js'
import type { Logger } from '../../logger.js'
import type { Store } from '../../store/index.js'
import type { BoundedCache } from './bounded-cache.js'

/**
 * What the Slack bot remembers between events, in the store so that every process on its database shares it and
 * a restart keeps it: event ids and question messages (`channel:ts`) already handled, so that a redelivery is not
 * answered twice, and the threads (`channel:thread_ts`) the bot answered in, where a follow-up needs no mention.
 */
export interface EventMemory {
  store: Pick<Store, 'claimEvent' | 'rememberThread' | 'knowsThread'>
  /** The clock the memory is kept on. */
  now: () => Date
}

/** What the Slack listeners share. */
export interface SlackDeps {
  service: ChatService
  /** The application's logger (Slack error codes, never tokens). */
  log: Logger
  /** Handled events and answered threads, shared by the processes on one store. */
  memory: EventMemory
  /** `/ask` answers by answer key, for "Share in channel" (in this process only: another one asks again). */
  answers: BoundedCache<Answer>
  /** The fetch used for response_urls. */
  fetch: typeof fetch
}
