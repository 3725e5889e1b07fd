import type { ChatContext, DigestHandler, Reply } from '../chat/service.js'
import type { Store, Subscription } from '../store/index.js'
import { type DigestArgDefaults, parseDigestArgs } from './args.js'
import { nextDigestAt } from './due.js'
import { describeInstant, serverTimeZone } from './local-time.js'
import type { DigestRunner } from './runner.js'
import type { DigestScheduler } from './scheduler.js'

/** What the `/digest` command needs. */
export interface DigestHandlerOptions {
  store: Store
  /** Builds `/digest now`. */
  runner: Pick<DigestRunner, 'manual'>
  /** Told when a subscription changes, to reschedule; omit where nothing is scheduled. */
  scheduler?: Pick<DigestScheduler, 'sync'>
  /** The clock; tests pass a fake one. Default the real time. */
  now?: () => Date
  /** Defaults of `/digest subscribe`: 09:00 in the server's time zone. */
  defaults?: DigestArgDefaults
}

const text = (t: string): Reply => ({ kind: 'text', text: t })

/**
 * The `/digest` command, the same on every platform: `subscribe [HH:MM] [time zone]`, `unsubscribe`,
 * `status`, and `now`, which returns a digest reply for the adapter to show in the channel (not the day's).
 * Bad arguments get usage and change nothing.
 */
export function createDigestHandler(options: DigestHandlerOptions): DigestHandler {
  const { store } = options
  const clock = options.now ?? (() => new Date())
  return async (args: string, ctx: ChatContext): Promise<Reply> => {
    const parsed = parseDigestArgs(args, options.defaults)
    const now = clock()
    switch (parsed.kind) {
      case 'usage':
        return text(parsed.message)
      case 'subscribe': {
        const before = await store.getSubscription(ctx.platform, ctx.channelId)
        const sub = await store.subscribe({ ...ctx, time: parsed.time, timeZone: parsed.timeZone })
        await options.scheduler?.sync()
        const verb = before?.active ? 'Updated' : 'Subscribed'
        return text(
          `${verb}: a digest every day at ${sub.time} ${sub.timeZone}, next ${await whenNext(store, sub, now)}.`,
        )
      }
      case 'unsubscribe': {
        const was = await store.unsubscribe(ctx.platform, ctx.channelId)
        await options.scheduler?.sync()
        return text(
          was
            ? 'Unsubscribed: no more daily digests here. /digest subscribe starts them again.'
            : 'This channel has no daily digest to stop.',
        )
      }
      case 'status':
        return text(await status(store, ctx, now, options.defaults?.timeZone ?? serverTimeZone()))
      case 'now':
        return { kind: 'digest', digest: await options.runner.manual(ctx.platform, ctx.channelId, now) }
    }
  }
}

async function whenNext(store: Store, sub: Subscription, now: Date): Promise<string> {
  const next = await nextDigestAt(store, sub, now)
  return next.getTime() === now.getTime() ? 'in a few minutes' : `on ${describeInstant(next, sub.timeZone)}`
}

async function status(store: Store, ctx: ChatContext, now: Date, defaultZone: string): Promise<string> {
  const sub = await store.getSubscription(ctx.platform, ctx.channelId)
  if (!sub) {
    return `This channel has no daily digest. /digest subscribe [HH:MM] [time zone] starts one (default 09:00 ${defaultZone}).`
  }
  if (!sub.active) {
    const why = sub.inactiveReason === 'unsubscribed' ? 'it was unsubscribed' : sub.inactiveReason
    return `This channel’s daily digest is off (${why}). /digest subscribe starts it again.`
  }
  const last = await store.lastPostedRun(ctx.platform, ctx.channelId)
  const lastText = last?.postedAt
    ? `${describeInstant(last.postedAt, sub.timeZone)}${last.kind === 'manual' ? ' (on request)' : ''}`
    : 'never'
  return [
    `Daily digest: every day at ${sub.time} ${sub.timeZone}.`,
    `Last posted: ${lastText}.`,
    `Next: ${(await whenNext(store, sub, now)).replace(/^on /, '')}.`,
  ].join('\n')
}
