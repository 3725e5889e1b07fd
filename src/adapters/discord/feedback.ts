import type { ButtonInteraction } from 'discord.js'
import { renderText } from '../../render/discord-embeds.js'
import { questionOf } from '../../render/discord-message.js'
import type { Vote } from '../../store/index.js'
import type { HandlerDeps } from './deps.js'
import { send } from './respond.js'

/**
 * Stores a 👍/👎 on the answer the button sits on (the answer key is that message's id; the question is read
 * from its first embed) and thanks the clicker privately. A later click by the same person changes the vote.
 */
export async function handleFeedback(i: ButtonInteraction, vote: Vote, deps: HandlerDeps): Promise<void> {
  const thumb = vote === 'up' ? '👍' : '👎'
  const result = await deps.service.feedback({
    ctx: { platform: 'discord', channelId: i.channelId },
    answerKey: i.message.id,
    question: questionOf(i.message.embeds) ?? '',
    vote,
    userId: i.user.id,
  })
  const text =
    result === null || (result.changed && result.previous === null)
      ? `Thanks for the ${thumb}: it tells me which answers help.`
      : result.changed
        ? `Changed your vote on this answer to ${thumb}.`
        : `You already gave this answer a ${thumb}.`
  await send(i, renderText(text), true)
}
