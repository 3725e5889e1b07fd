import type { Client } from 'discord.js'
import type { Digest } from '../../digest/types.js'
import type { DiscordMessage } from '../../render/discord-embeds.js'
import { DiscordPostError } from './errors.js'

/**
 * Posts a rendered digest in a channel. Throws {@link DiscordPostError} with Discord's code (10003 Unknown
 * Channel, 50001 Missing Access, 50013 Missing Permissions…) when it cannot.
 */
export async function postDigest(
  client: Client,
  channelId: string,
  digest: Digest,
  render: (digest: Digest) => DiscordMessage,
): Promise<void> {
  try {
    const channel = await client.channels.fetch(channelId)
    if (channel === null || !channel.isSendable()) {
      throw new DiscordPostError({
        channelId,
        code: 50008,
        status: null,
        reason: 'Cannot send messages in a non-text channel',
        cause: null,
      })
    }
    await channel.send(render(digest))
  } catch (error) {
    throw DiscordPostError.from(error, channelId)
  }
}
