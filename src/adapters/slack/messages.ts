import type { App, webApi } from '@slack/bolt'
import type { ChatContext } from '../../chat/service.js'
import { renderReplyBlocks, renderTextBlocks, type SlackMessage } from '../../render/slack-blocks.js'
import type { SourceMapData } from '../../render/source-map-svg.js'
import { messageAnswerKey } from './answer-keys.js'
import { firstClaim } from './dedupe.js'
import type { SlackDeps } from './deps.js'
import { postOrApologize } from './post.js'
import { commandFromMessage, mentionsBot, questionFromSlack } from './slack-text.js'
import { uploadSourceMap } from './source-map.js'

/** A question message, whatever event brought it. */
interface Question {
  channel: string
  ts: string
  /** The thread to answer in; undefined for a top-level DM, answered top-level. */
  threadTs: string | undefined
  text: string
}

// Message subtypes that are still a person writing: a thread reply also sent to the channel, a file with a
// comment. Edits, deletions, joins, topics and bot messages are not questions.
const PERSON_SUBTYPES = new Set(['thread_broadcast', 'file_share'])

const threadKey = (channel: string, threadTs: string) => `${channel}:${threadTs}`

/**
 * Mentions, DMs and thread follow-ups. A mention in a channel is answered in a thread under it (or in its
 * thread); a DM or group DM in it; a message in a thread the bot answered in, without a new mention. Bots, the bot
 * itself and message subtypes are ignored.
 */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client }) => {
    if (event.bot_id !== undefined || (event.subtype !== undefined && !PERSON_SUBTYPES.has(event.subtype)))
      return
    const threadTs = event.thread_ts ?? event.ts
    await deps.memory.store.rememberThread('slack', threadKey(event.channel, threadTs), deps.memory.now())
    await answer(deps, client, { channel: event.channel, ts: event.ts, threadTs, text: event.text })
  })

  app.event('message', async ({ event, context, client }) => {
    const m = event as unknown as Record<string, unknown>
    const subtype = typeof m.subtype === 'string' ? m.subtype : undefined
    if (subtype !== undefined && !PERSON_SUBTYPES.has(subtype)) return
    if (m.bot_id !== undefined || typeof m.user !== 'string' || m.user === context.botUserId) return
    if (typeof m.channel !== 'string' || typeof m.ts !== 'string') return
    const text = typeof m.text === 'string' ? m.text : ''
    const threadTs = typeof m.thread_ts === 'string' ? m.thread_ts : undefined
    const q: Question = { channel: m.channel, ts: m.ts, threadTs, text }
    // A group DM (mpim) is a conversation with the bot like a DM: every message is for it.
    if (m.channel_type === 'im' || m.channel_type === 'mpim') return answer(deps, client, q)
    // A mention also arrives as app_mention, which answers it.
    if (mentionsBot(text, context.botUserId)) return
    if (threadTs === undefined || threadTs === m.ts) return
    // A thread it answered in, on any process sharing the store, before or after a restart.
    const thread = threadKey(m.channel, threadTs)
    if (!(await deps.memory.store.knowsThread('slack', thread, deps.memory.now()))) return
    await deps.memory.store.rememberThread('slack', thread, deps.memory.now())
    return answer(deps, client, q)
  })
}

async function answer(deps: SlackDeps, client: webApi.WebClient, q: Question): Promise<void> {
  // One answer per question message, however many events or deliveries bring it.
  if (!(await firstClaim(deps.memory, `msg:${q.channel}:${q.ts}`, deps.log))) return
  const question = questionFromSlack(q.text)
  // A thread is a conversation, and so is a DM's main view: a follow-up there is about the answer before it.
  const conversation = { key: q.threadTs === undefined ? q.channel : threadKey(q.channel, q.threadTs) }
  const ctx: ChatContext = { platform: 'slack', channelId: q.channel, conversation }
  let message: SlackMessage
  let map: SourceMapData | undefined
  try {
    const reply = await deps.service.handle(commandFromMessage(question), ctx)
    message = renderReplyBlocks(reply, { ref: { key: messageAnswerKey(q.channel, q.ts), question } })
    if (reply.kind === 'sources') map = reply.map
  } catch (error) {
    deps.log.error({ err: error, channel: q.channel }, 'could not answer a question')
    message = renderTextBlocks('Sorry, something went wrong while I looked that up. Please try again.')
  }
  const place = { channel: q.channel, threadTs: q.threadTs }
  const posted = await postOrApologize(deps, client, place, message, 'post the answer')
  // The map of the sources follows the list, in the same thread or DM.
  if (posted && map) await uploadSourceMap(deps, client, map, place)
}
