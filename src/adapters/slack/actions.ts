import type { App, BlockAction, ButtonAction } from '@slack/bolt'
import type { Answer } from '../../answer/types.js'
import type { ChatContext } from '../../chat/service.js'
import { ACTION_IDS, decodeAnswerRef, renderAnswerBlocks, voteOf } from '../../render/slack-blocks.js'
import type { FeedbackResult, Vote } from '../../store/index.js'
import type { SlackDeps } from './deps.js'
import { apologyText, slackErrorCode } from './errors.js'
import { postMessage, respondOrApologize } from './post.js'
import { postToResponseUrl } from './response-url.js'

const EMOJI: Record<Vote, string> = { up: '👍', down: '👎' }

/** What the person who clicked 👍/👎 is told (only them). */
export function feedbackThanks(vote: Vote, result: FeedbackResult | null): string {
  if (result === null) return `Thanks for the ${EMOJI[vote]}. (This server keeps no feedback.)`
  if (!result.changed) return `You already gave this answer a ${EMOJI[vote]}.`
  if (result.previous !== null) return `Changed your vote on this answer to ${EMOJI[vote]}.`
  return vote === 'up'
    ? 'Thanks for the 👍 — noted, only you can see this.'
    : 'Thanks for the 👎 — noted; it helps find weak answers. Only you can see this.'
}

function where(body: BlockAction): { channel: string; user: string } {
  return { channel: body.channel?.id ?? body.container.channel_id ?? '', user: body.user.id }
}

/**
 * The buttons under an answer: 👍/👎 store the vote and tell only the clicker; "Share in channel" posts a
 * privately shown `/ask` answer in the channel for everyone and removes the private copy.
 */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(/^feedback_(up|down)$/, async ({ ack, action, body, client }) => {
    await ack()
    const place = where(body)
    const vote = voteOf(action.action_id)
    const ref = decodeAnswerRef(action.value)
    let text: string
    if (vote === null || ref === null) {
      text = 'That button is out of date; ask again to vote on a fresh answer.'
    } else {
      const ctx: ChatContext = { platform: 'slack', channelId: place.channel }
      try {
        const result = await deps.service.feedback({
          ctx,
          answerKey: ref.key,
          question: ref.question,
          vote,
          userId: place.user,
        })
        text = feedbackThanks(vote, result)
      } catch (error) {
        deps.log.error({ err: error, channel: place.channel }, 'could not store feedback')
        text = 'Sorry, I couldn’t store your vote. Please try again.'
      }
    }
    await respondOrApologize(
      deps,
      client,
      body.response_url,
      { response_type: 'ephemeral', replace_original: false, text },
      place,
      'note your vote',
    )
  })

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async ({ ack, action, body, client }) => {
    await ack()
    const place = where(body)
    const ref = decodeAnswerRef(action.value)
    const reply = (text: string) =>
      respondOrApologize(
        deps,
        client,
        body.response_url,
        { response_type: 'ephemeral', replace_original: false, text },
        place,
        'share the answer',
      )
    if (ref === null) return void (await reply('That button is out of date; ask again with /ask.'))
    let answer: Answer | undefined = deps.answers.get(ref.key)
    if (answer === undefined) {
      // Forgotten (a restart, or long ago): ask again; the engine gives the same answer to the same question.
      const again = await deps.service.handle(
        { kind: 'ask', question: ref.question },
        { platform: 'slack', channelId: place.channel },
      )
      answer = again.kind === 'answer' ? again.answer : undefined
    }
    if (answer === undefined)
      return void (await reply('Sorry, I couldn’t find that answer; ask again with /ask.'))
    const name = body.user.name ?? body.user.username
    const message = renderAnswerBlocks(answer, {
      ref,
      showQuestion: true,
      ...(name === undefined ? {} : { sharedBy: name }),
    })
    try {
      await postMessage(client, { channel: place.channel }, message)
    } catch (error) {
      const code = slackErrorCode(error)
      deps.log.error(
        { slackError: code, method: 'chat.postMessage', channel: place.channel },
        'could not share',
      )
      return void (await reply(apologyText('share the answer in this channel', code)))
    }
    // The private copy is no longer needed; if it cannot be removed, the person still sees it was shared.
    await postToResponseUrl(body.response_url, { delete_original: true }, { fetch: deps.fetch }).catch(
      (error: unknown) =>
        deps.log.warn({ slackError: slackErrorCode(error) }, 'could not remove the private answer'),
    )
  })
}
