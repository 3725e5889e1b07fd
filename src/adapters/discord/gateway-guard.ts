import { SimpleShardingStrategy, type WebSocketManager, type WebSocketShard } from '@discordjs/ws'
import { GatewayDispatchEvents, GatewayOpcodes } from 'discord.js'
import type { Logger } from '../../logger.js'
import { isObject, parseFrame } from '../json-frame.js'

const isData = (v: unknown): boolean => typeof v === 'object' && v !== null

// Opcodes the gateway sends that carry nothing to check (heartbeat request, reconnect, heartbeat ACK).
const BARE_OPS = new Set<number>([
  GatewayOpcodes.Heartbeat,
  GatewayOpcodes.Reconnect,
  GatewayOpcodes.HeartbeatAck,
])

/**
 * Why a gateway text frame is not one Discord documents, or null when it is: not JSON, no opcode, an opcode
 * the gateway never sends, a dispatch without its name, sequence or data (only RESUMED comes without data),
 * an Invalid Session without its `d` flag, a Hello without its heartbeat interval.
 */
export function gatewayFrameProblem(text: string): string | null {
  const parsed = parseFrame(text)
  if ('problem' in parsed) return parsed.problem
  const { op, d, t, s } = parsed.frame
  if (typeof op !== 'number') return 'no op'
  switch (op) {
    case GatewayOpcodes.Dispatch: {
      if (typeof t !== 'string' || t === '') return 'dispatch without t'
      if (typeof s !== 'number') return `dispatch ${t.slice(0, 40)} without s`
      // An array is data too (some undocumented dispatches carry one).
      if (!isData(d) && t !== GatewayDispatchEvents.Resumed) return `dispatch ${t.slice(0, 40)} without d`
      return null
    }
    case GatewayOpcodes.InvalidSession:
      return typeof d === 'boolean' ? null : 'invalid session without d'
    case GatewayOpcodes.Hello: {
      const interval = isObject(d) ? d.heartbeat_interval : undefined
      return typeof interval === 'number' && interval > 0 ? null : 'hello without heartbeat_interval'
    }
    default:
      return BARE_OPS.has(op) ? null : `unknown op ${op}`
  }
}

type FrameHandler = (data: string | ArrayBuffer, isBinary: boolean) => Promise<void>

/**
 * The sharding strategy discord.js uses by default, with a check in front of each shard's frame handler, so
 * that nothing the gateway sends can end the process: a frame that is not what Discord documents is logged and
 * dropped, and whatever a handler still throws on is logged. Without it, a dispatch whose `d` is null, or a
 * Hello without its interval, throws where nothing catches it (an unhandled rejection ends the process).
 */
export class GuardedShardingStrategy extends SimpleShardingStrategy {
  constructor(
    manager: WebSocketManager,
    private readonly log: Logger,
  ) {
    super(manager)
  }

  override async spawn(shardIds: number[]): Promise<void> {
    await super.spawn(shardIds)
    // The shards are private to the strategy, and each hands its socket's messages to its private onMessage:
    // there is no public hook before them.
    const { shards } = this as unknown as { shards: Map<number, WebSocketShard> }
    for (const shard of shards.values()) this.guard(shard)
  }

  private guard(shard: WebSocketShard): void {
    const inner = shard as unknown as { onMessage: FrameHandler }
    if (typeof inner.onMessage !== 'function') throw new Error('@discordjs/ws has no onMessage to guard')
    const handle = inner.onMessage.bind(shard)
    inner.onMessage = async (data, isBinary) => {
      if (!isBinary) {
        const text = typeof data === 'string' ? data : new TextDecoder().decode(data)
        const problem = gatewayFrameProblem(text)
        if (problem !== null) {
          this.log.warn(
            { problem, bytes: text.length },
            `dropped a malformed Discord gateway frame (${problem})`,
          )
          return
        }
      }
      try {
        await handle(data, isBinary)
      } catch (error) {
        this.log.error({ err: error }, 'a Discord gateway frame could not be handled')
      }
    }
  }
}
