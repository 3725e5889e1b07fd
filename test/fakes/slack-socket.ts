import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { isRecord } from './slack-http.js'

/** The kinds of Socket Mode envelopes Slack sends to an app. */
export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive'

/** Options for {@link SocketModeServer.sendEnvelope}. */
export interface EnvelopeOptions {
  /** Reuse an envelope id, as Slack does when it redelivers. Default: a fresh UUID. */
  envelopeId?: string
  retryAttempt?: number
  retryReason?: string
  /** Default: false for `events_api`, true otherwise. */
  acceptsResponsePayload?: boolean
  /** Reject when no ack arrives within this many ms. Default 3000, Slack's own limit. */
  ackTimeoutMs?: number
}

/** A message the app sent back over the socket: `{ envelope_id, payload }`. */
export interface SocketAck {
  envelope_id: string
  payload?: Record<string, unknown>
  [key: string]: unknown
}

/** The app's ack for one envelope and how long it took. */
export interface EnvelopeAck {
  envelopeId: string
  ack: SocketAck
  ms: number
}

interface Waiter {
  resolve: (ack: SocketAck) => void
}

/**
 * The Socket Mode side of the fake: a `ws` server (no HTTP server of its own; it takes upgrades handed to it)
 * that greets each connection with `hello`, sends envelopes and matches the app's acks to them by envelope id.
 */
export class SocketModeServer {
  /** Every ack (or other message with an envelope id) the app sent, in order. */
  readonly acks: SocketAck[] = []
  /** How many connections were ever opened; more than one means the app reconnected. */
  connectionCount = 0
  private readonly wss = new WebSocketServer({ noServer: true })
  private readonly sockets = new Set<WebSocket>()
  private readonly waiters = new Map<string, Waiter[]>()

  constructor(private readonly appId: string) {
    this.wss.on('connection', (ws) => this.onConnection(ws))
  }

  /** Hands an HTTP upgrade request to the WebSocket server. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req))
  }

  /** How many sockets are open now. */
  get openSockets(): number {
    return [...this.sockets].filter((ws) => ws.readyState === ws.OPEN).length
  }

  /** Sends an envelope on the newest open socket and resolves with the app's ack; rejects on timeout. */
  sendEnvelope(type: EnvelopeType, payload: unknown, opts: EnvelopeOptions = {}): Promise<EnvelopeAck> {
    const ws = [...this.sockets].reverse().find((s) => s.readyState === s.OPEN)
    if (ws === undefined) return Promise.reject(new Error('fake Slack: no Socket Mode connection is open'))
    const envelopeId = opts.envelopeId ?? randomUUID()
    const timeoutMs = opts.ackTimeoutMs ?? 3000
    const started = performance.now()
    return new Promise<EnvelopeAck>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (ack) => {
          clearTimeout(timer)
          resolve({ envelopeId, ack, ms: performance.now() - started })
        },
      }
      const timer = setTimeout(() => {
        this.removeWaiter(envelopeId, waiter)
        reject(new Error(`fake Slack: no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiters.set(envelopeId, [...(this.waiters.get(envelopeId) ?? []), waiter])
      const envelope = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: opts.acceptsResponsePayload ?? type !== 'events_api',
        retry_attempt: opts.retryAttempt ?? 0,
        retry_reason: opts.retryReason ?? '',
      }
      ws.send(JSON.stringify(envelope))
    })
  }

  /**
   * Sends `frame` as it is (a text frame; any string, JSON or not) on every open socket, as a broken or hostile
   * Slack could: an envelope without its payload, text that is not JSON, a type no app knows. No ack is awaited.
   * Returns how many sockets it went to.
   */
  sendRaw(frame: string): number {
    const open = [...this.sockets].filter((ws) => ws.readyState === ws.OPEN)
    for (const ws of open) ws.send(frame)
    return open.length
  }

  /** Sends Slack's `disconnect` message (the app should reconnect, after its own delay of about 5 s). */
  sendDisconnect(reason = 'refresh_requested'): void {
    for (const ws of this.sockets) {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: {} }))
    }
  }

  /** Resolves once no socket is open (e.g. after `app.stop()`); rejects after `timeoutMs`. */
  async waitForSocketsClosed(timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (this.sockets.size > 0) {
      if (Date.now() > deadline) throw new Error(`fake Slack: ${this.sockets.size} socket(s) still open`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  /** Closes every socket (gracefully, then by force after 500 ms) and the server. */
  async close(): Promise<void> {
    await Promise.all([...this.sockets].map((ws) => closeSocket(ws)))
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
  }

  private onConnection(ws: WebSocket): void {
    this.connectionCount += 1
    this.sockets.add(ws)
    ws.on('close', () => this.sockets.delete(ws))
    ws.on('error', () => ws.terminate())
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onMessage(data.toString())
    })
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'fake-slack-127.0.0.1', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    )
  }

  private onMessage(text: string): void {
    let message: unknown
    try {
      message = JSON.parse(text)
    } catch {
      return
    }
    if (!isRecord(message) || typeof message.envelope_id !== 'string') return
    const ack = message as SocketAck
    this.acks.push(ack)
    const [first, ...rest] = this.waiters.get(ack.envelope_id) ?? []
    if (rest.length > 0) this.waiters.set(ack.envelope_id, rest)
    else this.waiters.delete(ack.envelope_id)
    first?.resolve(ack)
  }

  private removeWaiter(envelopeId: string, waiter: Waiter): void {
    const left = (this.waiters.get(envelopeId) ?? []).filter((w) => w !== waiter)
    if (left.length > 0) this.waiters.set(envelopeId, left)
    else this.waiters.delete(envelopeId)
  }
}

function closeSocket(ws: WebSocket): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => ws.terminate(), 500)
    ws.once('close', () => {
      clearTimeout(force)
      resolve()
    })
    if (ws.readyState === ws.OPEN) ws.close(1001, 'fake Slack closing')
  })
}
