import type { App } from '@slack/bolt'
import type { ChatContext } from '../../chat/service.js'
import {
  renderAnswerBlocks,
  renderReplyBlocks,
  renderTextBlocks,
  type SlackMessage,
} from '../../render/slack-blocks.js'
import { askAnswerKey } from './answer-keys.js'
import type { SlackDeps } from './deps.js'
import { respondOrApologize } from './post.js'
import { commandFromSlash } from './slack-text.js'
import { mapImageBlock, uploadSourceMap } from './source-map.js'

/**
 * The slash commands, all answered privately through the response_url after an immediate ack: `/ask` (the
 * answer, with "Share in channel"; usage when empty), `/sources`, `/digest <args>` (whatever the digest
 * handler says), and usage for any other command routed here.
 */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(/^\/.+/, async ({ command, ack, client }) => {
    await ack()
    const parsed = commandFromSlash(command.command, command.text)
    const ctx: ChatContext = { platform: 'slack', channelId: command.channel_id }
    let message: SlackMessage
    // A digest asked for with `/digest now` is for the whole channel; everything else is private.
    let visibility: 'ephemeral' | 'in_channel' = 'ephemeral'
    try {
      const reply = await deps.service.handle(parsed, ctx)
      if (reply.kind === 'answer') {
        const key = askAnswerKey(command.channel_id)
        deps.answers.set(key, reply.answer)
        const question = parsed.kind === 'ask' ? parsed.question : reply.answer.question
        message = renderAnswerBlocks(reply.answer, {
          ref: { key, question },
          share: true,
          showQuestion: true,
        })
      } else {
        message = renderReplyBlocks(reply)
        if (reply.kind === 'digest') visibility = 'in_channel'
        // The list is private: the map is uploaded privately and shown in it as an image block.
        if (reply.kind === 'sources' && reply.map) {
          const id = await uploadSourceMap(deps, client, reply.map, null)
          if (id !== null && message.blocks.length < 50)
            message = { ...message, blocks: [...message.blocks, mapImageBlock(id)] }
        }
      }
    } catch (error) {
      deps.log.error({ err: error, channel: command.channel_id, command: command.command }, 'command failed')
      message = renderTextBlocks('Sorry, something went wrong while I looked that up. Please try again.')
    }
    await respondOrApologize(
      deps,
      client,
      command.response_url,
      { response_type: visibility, ...message },
      { channel: command.channel_id, user: command.user_id },
      `answer ${command.command}`,
    )
  })
}
