import type { IncomingMessage } from 'node:http'
import type { GatewayGuildCreateDispatchData, GatewayIdentifyData } from 'discord.js'
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord.js'
import type { RawData, WebSocket, WebSocketServer } from 'ws'
import { sessionId } from './discord-ids.js'
import { type FakeWorld, makeReady } from './discord-payloads.js'

/** A packet a client sent to the fake gateway. */
export interface ReceivedGatewayPacket {
  /** Opcode: 1 heartbeat, 2 identify, 3 presence, 6 resume, 8 request members, ... */
  op: number
  d: unknown
  /** Date.now() when it arrived. */
  at: number
  /** The session it belongs to (after IDENTIFY/RESUME), if any. */
  sessionId?: string
}

/** One WebSocket connection opened to the fake gateway. */
export interface GatewayConnection {
  /** The query string the client connected with, e.g. `{ v: '10', encoding: 'json' }`. */
  query: Record<string, string>
  at: number
}

/** A gateway session: created by IDENTIFY, kept across reconnects so RESUME can find it. */
export interface GatewaySession {
  readonly id: string
  readonly identify: GatewayIdentifyData
  /** The open socket, or null while the client is disconnected. */
  socket: WebSocket | null
  /** Last sequence number sent (READY is 1). */
  seq: number
}

/** Options of the gateway half of the fake. */
export interface FakeGatewayOptions {
  world: FakeWorld
  heartbeatIntervalMs: number
  /** When set, IDENTIFY/RESUME with another token is closed with 4004 Authentication failed. */
  token: string | undefined
  /** The ws:// URL clients connect to (also sent as resume_gateway_url). */
  url: () => string
  /** The GUILD_CREATE to send after READY (built when needed, so it includes threads created so far). */
  guildCreate: () => GatewayGuildCreateDispatchData
}

/** Whether a session asked for an intent (GatewayIntentBits value). */
export function hasIntent(session: GatewaySession, intent: GatewayIntentBits): boolean {
  return (session.identify.intents & intent) === intent
}

/**
 * The gateway half of the fake Discord: HELLO, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, a minimal
 * RESUME (RESUMED, without replaying missed events) and dispatches. JSON only, no compression: what
 * discord.js sends by default when `zlib-sync` is not installed.
 */
export class FakeGateway {
  /** Every packet clients sent, oldest first. */
  readonly received: ReceivedGatewayPacket[] = []
  /** Every connection opened, oldest first. */
  readonly connections: GatewayConnection[] = []
  readonly #sessions = new Map<string, GatewaySession>()
  readonly #listeners = new Set<() => void>()
  readonly #options: FakeGatewayOptions

  constructor(wss: WebSocketServer, options: FakeGatewayOptions) {
    this.#options = options
    wss.on('connection', (socket, request) => this.#accept(socket, request))
  }

  /** Sessions that completed IDENTIFY (including ones whose socket is currently closed). */
  get sessions(): readonly GatewaySession[] {
    return [...this.#sessions.values()]
  }

  /** Calls `listener` after every packet received; returns a function that removes it. */
  onPacket(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * Sends dispatch `t` to every connected session; `build` may tailor `d` to the session (e.g. by its intents)
   * or return undefined to skip it. Returns how many sessions got it.
   */
  broadcast(t: string, build: (session: GatewaySession) => unknown): number {
    let sent = 0
    for (const session of this.#sessions.values()) {
      const socket = session.socket
      if (socket === null || socket.readyState !== socket.OPEN) continue
      const d = build(session)
      if (d === undefined) continue
      session.seq += 1
      socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: session.seq, d }))
      sent += 1
    }
    return sent
  }

  /** Sends `frame` as it is (any text, JSON or not) to every connected session; returns how many got it. */
  sendRaw(frame: string): number {
    let sent = 0
    for (const session of this.#sessions.values()) {
      const socket = session.socket
      if (socket === null || socket.readyState !== socket.OPEN) continue
      socket.send(frame)
      sent += 1
    }
    return sent
  }

  /** Closes every client socket with `code` (4000 Unknown error lets discord.js RESUME). */
  disconnect(code: number = GatewayCloseCodes.UnknownError): void {
    for (const session of this.#sessions.values()) session.socket?.close(code, 'fake gateway disconnect')
  }

  #accept(socket: WebSocket, request: IncomingMessage): void {
    const query = Object.fromEntries(new URL(request.url ?? '/', 'ws://fake').searchParams)
    this.connections.push({ query, at: Date.now() })
    if ((query.encoding !== undefined && query.encoding !== 'json') || query.compress !== undefined) {
      // The fake speaks JSON without transport compression only.
      socket.close(GatewayCloseCodes.DecodeError, 'fake gateway: only encoding=json without compress')
      return
    }
    let session: GatewaySession | undefined
    const send = (payload: object) => socket.send(JSON.stringify(payload))
    send({
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.#options.heartbeatIntervalMs },
      s: null,
      t: null,
    })

    socket.on('message', (raw: RawData) => {
      let packet: { op?: unknown; d?: unknown }
      try {
        packet = JSON.parse(rawText(raw)) as { op?: unknown; d?: unknown }
      } catch {
        socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.')
        return
      }
      const op = typeof packet.op === 'number' ? packet.op : -1
      this.received.push({
        op,
        d: packet.d,
        at: Date.now(),
        ...(session === undefined ? {} : { sessionId: session.id }),
      })
      switch (op) {
        case GatewayOpcodes.Heartbeat:
          send({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null })
          break
        case GatewayOpcodes.Identify:
          session = this.#identify(socket, packet.d as GatewayIdentifyData, session)
          break
        case GatewayOpcodes.Resume:
          session = this.#resume(socket, packet.d as { token: string; session_id: string; seq: number })
          break
        case -1:
          socket.close(GatewayCloseCodes.UnknownOpcode, 'Invalid opcode.')
          break
        default:
          // Presence updates, voice state, member requests: recorded, not answered.
          break
      }
      for (const listener of this.#listeners) listener()
    })
    socket.on('close', () => {
      if (session !== undefined && session.socket === socket) session.socket = null
    })
  }

  #identify(socket: WebSocket, d: GatewayIdentifyData, current: GatewaySession | undefined) {
    if (current !== undefined) {
      socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.')
      return current
    }
    if (!this.#tokenOk(d?.token)) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.')
      return undefined
    }
    if (typeof d.intents !== 'number') {
      socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).')
      return undefined
    }
    const session: GatewaySession = { id: sessionId(), identify: d, socket, seq: 0 }
    this.#sessions.set(session.id, session)
    const send = (t: string, payload: unknown) => {
      session.seq += 1
      socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: session.seq, d: payload }))
    }
    send('READY', makeReady(this.#options.world, session.id, this.#options.url()))
    // Without the Guilds intent Discord sends no GUILD_CREATE, and discord.js then stops waiting for guilds.
    if (hasIntent(session, GatewayIntentBits.Guilds)) send('GUILD_CREATE', this.#options.guildCreate())
    return session
  }

  #resume(socket: WebSocket, d: { token: string; session_id: string; seq: number }) {
    const session = this.#sessions.get(d?.session_id)
    if (session === undefined || !this.#tokenOk(d.token)) {
      // d: false — not resumable: discord.js identifies anew.
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }))
      return undefined
    }
    session.socket = socket
    // Minimal RESUME: nothing sent while disconnected is replayed.
    session.seq += 1
    socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: 'RESUMED', s: session.seq, d: {} }))
    return session
  }

  #tokenOk(token: unknown): boolean {
    if (typeof token !== 'string' || token === '') return false
    return this.#options.token === undefined || token === this.#options.token
  }
}

function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8')
  if (raw instanceof ArrayBuffer) return Buffer.from(raw).toString('utf8')
  return raw.toString('utf8')
}
