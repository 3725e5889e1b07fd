import { FAKE_IDS, nextTs } from './slack-payloads.js'

/** One recorded request to the fake Web API (`/api/<method>`). */
export interface FakeCall {
  kind: 'call'
  method: string
  /** Parsed body (form or JSON); JSON-string form fields such as `blocks` are parsed. */
  body: Record<string, unknown>
  /** The bearer token from `Authorization`, or the `token` body field. */
  token: string | undefined
  headers: Record<string, string | string[] | undefined>
  /** Milliseconds since the epoch when the call arrived. */
  at: number
  /** HTTP status the fake answered with. */
  status: number
  /** Whether the answer was `{ ok: true }` with HTTP 200. */
  ok: boolean
  /** The JSON the fake answered with. */
  response: Record<string, unknown>
}

/** Computes the JSON answer for a Web API method. */
export type MethodHandler = (call: Pick<FakeCall, 'method' | 'body' | 'token'>) => Record<string, unknown>

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined
const fail = (error: string) => ({ ok: false, error })

/** The fake's built-in Web API methods; any other method answers `{ ok: true }`. */
export const defaultHandlers: Record<string, MethodHandler> = {
  'auth.test': ({ token }) =>
    token === undefined
      ? fail('not_authed')
      : {
          ok: true,
          url: `https://${FAKE_IDS.teamDomain}.slack.com/`,
          team: 'Citebot Test',
          user: 'citebot',
          team_id: FAKE_IDS.teamId,
          user_id: FAKE_IDS.botUserId,
          bot_id: FAKE_IDS.botId,
          bot_user_id: FAKE_IDS.botUserId,
          is_enterprise_install: false,
        },
  // apps.connections.open is answered by the fake itself, as it needs the socket URL.
  'chat.postMessage': ({ body }) => {
    const channel = str(body.channel)
    if (channel === undefined) return fail('channel_not_found')
    if (body.text === undefined && body.blocks === undefined && body.attachments === undefined)
      return fail('no_text')
    const ts = nextTs()
    return { ok: true, channel, ts, message: botMessage(body, ts) }
  },
  'chat.postEphemeral': ({ body }) => {
    if (str(body.channel) === undefined) return fail('channel_not_found')
    if (str(body.user) === undefined) return fail('user_not_in_channel')
    return { ok: true, message_ts: nextTs() }
  },
  'chat.update': ({ body }) => {
    const channel = str(body.channel)
    const ts = str(body.ts)
    if (channel === undefined) return fail('channel_not_found')
    if (ts === undefined) return fail('message_not_found')
    return { ok: true, channel, ts, text: body.text ?? '', message: botMessage(body, ts) }
  },
  'conversations.info': ({ body }) => {
    const id = str(body.channel)
    if (id === undefined) return fail('channel_not_found')
    const isIm = id.startsWith('D')
    return {
      ok: true,
      channel: {
        id,
        name: isIm ? undefined : 'general',
        is_channel: id.startsWith('C'),
        is_group: id.startsWith('G'),
        is_im: isIm,
        is_private: !id.startsWith('C'),
        is_archived: false,
        is_member: true,
        created: 1_700_000_000,
        ...(isIm ? { user: FAKE_IDS.userId } : {}),
      },
    }
  },
}

function botMessage(body: Record<string, unknown>, ts: string): Record<string, unknown> {
  const { channel: _channel, token: _token, ...rest } = body
  return { type: 'message', user: FAKE_IDS.botUserId, bot_id: FAKE_IDS.botId, ...rest, ts }
}
