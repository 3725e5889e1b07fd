import type { ChatService, Reply } from '../../chat/service.js'
import type { Logger } from '../../logger.js'
import type { DiscordMessage } from '../../render/discord-embeds.js'

/** What the Discord event handlers need. */
export interface HandlerDeps {
  service: ChatService
  logger: Logger
  /** Turns a reply into a message (default `renderReply`). */
  render: (reply: Reply) => DiscordMessage
  /** ms a fast command may take before it is deferred (Discord wants a response within 3 s). */
  deferAfterMs: number
}

/** Said privately (or in a reply) when handling fails; the details go to the log. */
export const SORRY = 'Sorry, something went wrong on my side. Please try again in a moment.'
