import type { Reply } from '../../chat/service.js'
import type { DiscordMessage } from '../../render/discord-embeds.js'
import { COLORS, embedLength } from '../../render/discord-message.js'
import { DISCORD_LIMITS } from '../../render/limits.js'
import { sourceMapImage } from '../../render/source-map-png.js'

/** The map's file name, as the attachment and the embed's `attachment://` image name it. */
export const MAP_FILE = 'sources-map.png'

/**
 * The source list with the map of the sources attached (a PNG, sent as multipart) and shown in an embed of
 * its own when there is room for one; any other reply as it is.
 */
export function withSourceMap(message: DiscordMessage, reply: Reply): DiscordMessage {
  if (reply.kind !== 'sources' || !reply.map || reply.sources.length === 0) return message
  const image = sourceMapImage(reply.map)
  const file = {
    attachment: image.png,
    name: MAP_FILE,
    description: 'Map of the sources: which draws on which; works outside the corpus dimmed.',
  }
  const shown = {
    title: 'Which sources draw on which',
    description: 'An arrow from A to B: A draws on B. Dimmed boxes are works outside the corpus.',
    color: COLORS.neutral,
    image: { url: `attachment://${MAP_FILE}` },
  }
  const used = message.embeds.reduce((n, e) => n + embedLength(e), 0)
  const room =
    message.embeds.length < DISCORD_LIMITS.embeds && used + embedLength(shown) <= DISCORD_LIMITS.embedTotal
  const embeds = room ? [...message.embeds, shown] : message.embeds
  return { ...message, embeds, files: [...(message.files ?? []), file] }
}
