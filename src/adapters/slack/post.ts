import type { RespondArguments, webApi } from '@slack/bolt'
import type { SlackMessage } from '../../render/slack-blocks.js'
import type { SlackDeps } from './deps.js'
import { apologyText, SlackPostError, slackErrorCode } from './errors.js'
import { postToResponseUrl } from './response-url.js'

type WebClient = webApi.WebClient

/** Where a message goes: a channel (a DM is a channel), in a thread when `threadTs` is set. */
export interface Place {
  channel: string
  threadTs?: string | undefined
}

/**
 * Posts a rendered message with `chat.postMessage` (no link unfurls: answers link their sources). A 429 is
 * retried by the WebClient after `Retry-After`; any other failure throws a {@link SlackPostError} carrying
 * Slack's error code.
 */
export async function postMessage(client: WebClient, place: Place, message: SlackMessage): Promise<string> {
  try {
    const res = await client.chat.postMessage({
      channel: place.channel,
      ...(place.threadTs === undefined ? {} : { thread_ts: place.threadTs }),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    })
    return res.ts ?? ''
  } catch (error) {
    throw new SlackPostError('chat.postMessage', place.channel, error)
  }
}

/**
 * Posts a message, and when Slack refuses it, logs Slack's error code and tries once to say sorry in the same
 * place, as plain text (which still gets through when the blocks were the problem). Never throws.
 */
export async function postOrApologize(
  deps: SlackDeps,
  client: WebClient,
  place: Place,
  message: SlackMessage,
  what: string,
): Promise<boolean> {
  try {
    await postMessage(client, place, message)
    return true
  } catch (error) {
    const code = slackErrorCode(error)
    deps.log.error(
      { slackError: code, method: 'chat.postMessage', channel: place.channel },
      `could not ${what}`,
    )
    try {
      await client.chat.postMessage({
        channel: place.channel,
        ...(place.threadTs === undefined ? {} : { thread_ts: place.threadTs }),
        text: apologyText(what, code),
      })
    } catch (again) {
      deps.log.error(
        { slackError: slackErrorCode(again), method: 'chat.postMessage', channel: place.channel },
        'could not post the apology either',
      )
    }
    return false
  }
}

/** Who a private reply goes to when its response_url fails: the person, in the channel they used. */
export interface Fallback {
  channel: string
  user: string
}

/**
 * Answers through a response_url (ephemeral unless the message says otherwise). When that fails, logs
 * Slack's error code and tries once to tell the person privately with `chat.postEphemeral`. Never throws.
 */
export async function respondOrApologize(
  deps: SlackDeps,
  client: WebClient,
  responseUrl: string,
  message: RespondArguments,
  fallback: Fallback,
  what: string,
): Promise<boolean> {
  try {
    await postToResponseUrl(responseUrl, { response_type: 'ephemeral', ...message }, { fetch: deps.fetch })
    return true
  } catch (error) {
    const code = slackErrorCode(error)
    deps.log.error(
      { slackError: code, method: 'response_url', channel: fallback.channel },
      `could not ${what}`,
    )
    try {
      await client.chat.postEphemeral({
        channel: fallback.channel,
        user: fallback.user,
        text: apologyText(what, code),
      })
    } catch (again) {
      deps.log.error(
        { slackError: slackErrorCode(again), method: 'chat.postEphemeral', channel: fallback.channel },
        'could not post the apology either',
      )
    }
    return false
  }
}
