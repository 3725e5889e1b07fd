import type { SocketModeReceiver } from '@slack/bolt'
import type { Logger } from '../../logger.js'
import { isObject, parseFrame } from '../json-frame.js'

type SocketModeClient = SocketModeReceiver['client']

/** The envelope types an app is sent (`hello` and `disconnect` manage the connection). */
const ENVELOPES = new Set(['events_api', 'slash_commands', 'interactive'])

/**
 * Why a Socket Mode frame is not one Slack documents, or null when it is: text that is not JSON, a message
 * without a `type`, an unknown type, an envelope without its `envelope_id` or `payload`, an `events_api`
 * payload without its `event` and the event's `type`.
 */
export function socketFrameProblem(text: string): string | null {
  const parsed = parseFrame(text)
  if ('problem' in parsed) return parsed.problem
  const { frame } = parsed
  const type = frame.type
  if (typeof type !== 'string') return 'no type'
  if (type === 'hello' || type === 'disconnect') return null
  if (!ENVELOPES.has(type)) return `unknown type ${JSON.stringify(type.slice(0, 40))}`
  if (typeof frame.envelope_id !== 'string' || frame.envelope_id === '') return `${type} without envelope_id`
  if (!isObject(frame.payload)) return `${type} without payload`
  if (type === 'events_api') {
    const event = frame.payload.event
    if (!isObject(event) || typeof event.type !== 'string') return 'events_api without payload.event.type'
  }
  return null
}

type FrameListener = (data: string | ArrayBuffer, isBinary: boolean) => unknown

/**
 * Puts a check in front of the Socket Mode client's frame handler, so that nothing Slack sends can end the
 * process: a frame that is not what Slack documents is logged and dropped (not acked, so Slack redelivers it
 * a few times, each dropped again), and whatever the handler still throws is logged. Without this, an
 * `events_api` envelope without a `payload` throws inside `@slack/socket-mode`, where nothing catches it.
 */
export function guardSocketFrames(client: SocketModeClient, log: Logger): void {
  // The client hands each WebSocket message to its own `ws_message` listener; there is no other hook before it.
  const handlers = client.listeners('ws_message') as FrameListener[]
  if (handlers.length === 0) throw new Error('@slack/socket-mode has no ws_message listener to guard')
  client.removeAllListeners('ws_message')
  client.on('ws_message', (data: string | ArrayBuffer, isBinary: boolean) => {
    if (!isBinary) {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data)
      const problem = socketFrameProblem(text)
      if (problem !== null) {
        log.warn({ problem, bytes: text.length }, `dropped a malformed Socket Mode frame (${problem})`)
        return
      }
    }
    for (const handler of handlers) {
      Promise.resolve()
        .then(() => handler(data, isBinary))
        .catch((error: unknown) => log.error({ err: error }, 'a Socket Mode frame could not be handled'))
    }
  })
}
