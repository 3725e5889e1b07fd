import { afterEach, describe, expect, it } from 'vitest'
import { gatewayFrameProblem } from '../../../src/adapters/discord/gateway-guard.js'
import { checkAndClose, type Running, startBot } from './harness.js'

let running: Running | undefined

afterEach(async () => {
  const r = running
  running = undefined
  await checkAndClose(r)
})

const frame = (fields: Record<string, unknown>) => JSON.stringify(fields)

/** Frames a broken or hostile gateway could send, each with the reason the guard gives. */
const MALFORMED: { frame: string; problem: string }[] = [
  { frame: frame({ op: 0, t: 'MESSAGE_CREATE', s: 90 }), problem: 'dispatch MESSAGE_CREATE without d' },
  {
    frame: frame({ op: 0, t: 'MESSAGE_CREATE', s: 91, d: null }),
    problem: 'dispatch MESSAGE_CREATE without d',
  },
  {
    frame: frame({ op: 0, t: 'INTERACTION_CREATE', s: 92, d: 'x' }),
    problem: 'dispatch INTERACTION_CREATE without d',
  },
  { frame: frame({ op: 0, t: 'GUILD_CREATE', s: 93, d: null }), problem: 'dispatch GUILD_CREATE without d' },
  { frame: frame({ op: 0, s: 94, d: {} }), problem: 'dispatch without t' },
  { frame: frame({ op: 0, t: 'MESSAGE_CREATE', d: {} }), problem: 'dispatch MESSAGE_CREATE without s' },
  { frame: frame({ op: 9 }), problem: 'invalid session without d' },
  { frame: frame({ op: 10 }), problem: 'hello without heartbeat_interval' },
  {
    frame: frame({ op: 10, d: { heartbeat_interval: 'soon' } }),
    problem: 'hello without heartbeat_interval',
  },
  { frame: frame({ op: 99, d: {} }), problem: 'unknown op 99' },
  { frame: frame({ t: 'MESSAGE_CREATE', d: {} }), problem: 'no op' },
  { frame: '{"op": 0, "t": "MESSAGE_CRE', problem: 'not JSON' },
  { frame: 'null', problem: 'not a JSON object' },
  { frame: '[0]', problem: 'not a JSON object' },
]

describe('malformed Discord gateway frames', () => {
  it.each(MALFORMED)('names what is wrong with a frame: $problem', ({ frame, problem }) => {
    expect(gatewayFrameProblem(frame)).toBe(problem)
  })

  it('reads what Discord documents as well formed, RESUMED without data included', () => {
    expect(gatewayFrameProblem(frame({ op: 0, t: 'MESSAGE_CREATE', s: 3, d: { id: '1' } }))).toBeNull()
    expect(gatewayFrameProblem(frame({ op: 0, t: 'RESUMED', s: 4, d: null }))).toBeNull()
    expect(gatewayFrameProblem(frame({ op: 9, d: false }))).toBeNull()
    expect(gatewayFrameProblem(frame({ op: 10, d: { heartbeat_interval: 41250 } }))).toBeNull()
    expect(gatewayFrameProblem(frame({ op: 11, d: null }))).toBeNull()
    expect(gatewayFrameProblem(frame({ op: 1, d: 5 }))).toBeNull()
    expect(gatewayFrameProblem(frame({ op: 7, d: null }))).toBeNull()
  })

  it('logs and drops each malformed frame, keeps its session, and answers the next mention', async () => {
    running = await startBot()
    const { fake } = running
    for (const { frame } of MALFORMED) expect(fake.sendGatewayFrame(frame)).toBe(1)
    // A dispatch of the right shape whose data lacks what discord.js reads is logged, not fatal, too.
    const chunk = { op: 0, t: 'GUILD_MEMBERS_CHUNK', s: 95, d: { guild_id: fake.guildId } }
    expect(fake.sendGatewayFrame(frame(chunk))).toBe(1)
    const asked = fake.messageCreate({ content: `${fake.botMention} is it mandatory?` })
    const reply = await fake.waitFor(
      (q) =>
        q.method === 'POST' &&
        (q.body as { message_reference?: { message_id?: string } }).message_reference?.message_id ===
          asked.id,
    )
    expect(reply.status).toBe(200)
    expect(JSON.stringify(reply.body)).toContain('Contested')
    const dropped = running.logs.filter((l) => l.msg.startsWith('dropped a malformed Discord gateway frame'))
    expect(dropped.map((l) => l.problem)).toEqual(MALFORMED.map((m) => m.problem))
    const failed = running.logs.filter((l) => l.msg === 'a Discord gateway frame could not be handled')
    expect(failed).toHaveLength(1)
    expect(fake.gatewayConnections).toHaveLength(1)
  })
})
