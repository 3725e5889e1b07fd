import type { Message } from 'discord.js'
import { parseCommand } from '../../chat/commands.js'
import type { ConversationRef, Reply } from '../../chat/service.js'
import { renderText } from '../../render/discord-embeds.js'
import type { HandlerDeps } from './deps.js'
import { questionFromDiscord } from './discord-text.js'
import { withSourceMap } from './source-map.js'

/**
 * Whether a message is for the bot: it mentions the bot, or it is a reply to one of the bot's messages that
 * kept the reply ping on (Discord then lists the bot among the mentions). Those are the guild messages whose
 * content Discord delivers without the privileged MessageContent intent; others arrive with empty content.
 */
export function isForBot(message: Message, botId: string): boolean {
  if (message.author.bot || message.webhookId !== null || message.system) return false
  return message.mentions.users.has(botId)
}

/**
 * Answers a message that mentions the bot, or replies to one of its answers with the ping on (a follow-up
 * without typing a mention), as a reply to that message. `/sources` and `/help` work there too; digests
 * are managed with the `/digest` command, which checks permissions.
 */
export async function handleMessage(message: Message, deps: HandlerDeps): Promise<void> {
  const botId = message.client.user.id
  if (!message.inGuild() || !isForBot(message, botId)) return
  const text = questionFromDiscord(message.content)
  let command = parseCommand(text)
  if (text === '') command = { kind: 'help' }
  const ctx = {
    platform: 'discord',
    channelId: message.channelId,
    conversation: conversationOf(message),
  } as const
  const reply: Reply =
    command.kind === 'digest'
      ? { kind: 'text', text: 'Use the /digest command to subscribe this channel or see its digest.' }
      : await deps.service.handle(command, ctx)
  const sent = await message.reply({ ...withSourceMap(deps.render(reply), reply), failIfNotExists: false })
  // A reply to this answer is then a follow-up of it.
  await deps.service.posted(reply, sent.id, ctx)
}

/**
 * The conversation of a message for follow-ups: a thread is one conversation; elsewhere a reply chain is,
 * found through the bot message replied to (its conversation goes on), or started by this message.
 */
export function conversationOf(message: Message): ConversationRef {
  const replyTo = message.reference?.messageId
  const key = message.channel.isThread()
    ? `thread:${message.channelId}`
    : `${message.channelId}:${message.id}`
  return replyTo === undefined ? { key } : { key, replyTo }
}

/** Says sorry in a reply when answering a message failed (best effort: the failure may be Discord's). */
export async function apologize(message: Message, deps: HandlerDeps, text: string): Promise<void> {
  try {
    await message.reply({ ...renderText(text), failIfNotExists: false })
  } catch (error) {
    deps.logger.warn(
      { err: error, channelId: message.channelId },
      'could not tell the asker that answering failed',
    )
  }
}
