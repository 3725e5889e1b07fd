import type { Answer } from '../../answer/types.js'
import type { ChatService } from '../../chat/service.js'
import type { Logger } from '../../logger.js'
import type { BoundedCache } from './bounded-cache.js'

/** What the Slack listeners share. */
export interface SlackDeps {
  service: ChatService
  /** The application's logger (Slack error codes, never tokens). */
  log: Logger
  /** Event ids and question messages (`channel:ts`) already handled: a redelivery is not answered twice. */
  seen: BoundedCache<true>
  /** Threads (`channel:thread_ts`) the bot answered in: a follow-up there needs no mention. */
  threads: BoundedCache<true>
  /** `/ask` answers by answer key, for "Share in channel". */
  answers: BoundedCache<Answer>
  /** The fetch used for response_urls. */
  fetch: typeof fetch
}
