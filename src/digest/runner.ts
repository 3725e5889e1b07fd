import type { Knowledge } from '../answer/knowledge.js'
import type { Platform, Store, Subscription } from '../store/index.js'
import { buildDigest } from './build-digest.js'
import { goneCode } from './channel-gone.js'
import { localDateOf, serverTimeZone } from './local-time.js'
import type { DigestPoster } from './poster.js'
import { describeError, postWithRetry, type RetryOptions } from './retry.js'
import type { Digest } from './types.js'

/** Where the digest module logs; a pino logger fits. */
export interface DigestLog {
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

/** A logger that drops everything. */
export const SILENT_LOG: DigestLog = { info() {}, warn() {}, error() {} }

/** What a digest runner needs. */
export interface DigestRunnerOptions {
  /** The loaded index (`engine.kb`). */
  kb: Knowledge
  store: Store
  /** One poster per platform this process serves; subscriptions of other platforms are left to other processes. */
  posters: readonly DigestPoster[]
  /** The clock; tests pass a fake one. Default the real time. */
  now?: () => Date
  /** How a failing post is retried (and the sleep between tries). */
  retry?: RetryOptions
  /** The time zone of `/digest now` in a channel with no subscription. Default the server's. */
  defaultTimeZone?: string
  /** Default silent. */
  log?: DigestLog
}

/** How a scheduled run ended. */
export type RunResult =
  /** Not posted by this caller: the day's run was claimed already (here, in another process, or finished). */
  | { status: 'skipped'; reason: 'claimed' | 'no-poster' }
  | { status: 'posted'; runId: number; attempts: number }
  /** `gone`: the channel is gone, and the subscription was marked inactive. */
  | { status: 'failed'; runId: number; attempts: number; error: string; gone: boolean }

/** Builds, claims, posts and records digests. */
export class DigestRunner {
  private readonly posters: ReadonlyMap<Platform, DigestPoster>
  private readonly now: () => Date
  private readonly log: DigestLog

  constructor(private readonly options: DigestRunnerOptions) {
    this.posters = new Map(options.posters.map((p) => [p.platform, p]))
    this.now = options.now ?? (() => new Date())
    this.log = options.log ?? SILENT_LOG
  }

  /** The platforms this runner can post to. */
  get platforms(): Platform[] {
    return [...this.posters.keys()]
  }

  /**
   * Posts a channel's scheduled digest for `localDate`, at most once per channel and local day: claims the
   * (channel, day) run in the store first and posts only when the claim succeeds. A failing post is retried
   * with backoff; a channel that is gone is marked inactive and not retried. The run is completed as posted
   * or failed; only a posted digest counts its claim as shown and its sources as seen.
   */
  async runScheduled(sub: Subscription, localDate: string, now: Date = this.now()): Promise<RunResult> {
    const { store, kb } = this.options
    const { platform, channelId, timeZone } = sub
    const poster = this.posters.get(platform)
    if (!poster) return { status: 'skipped', reason: 'no-poster' }
    const runId = await store.claimDigestRun({ platform, channelId, localDate, kind: 'scheduled', now })
    if (runId === null) return { status: 'skipped', reason: 'claimed' }
    const where = { platform, channelId, localDate, runId }
    let built: Awaited<ReturnType<typeof buildDigest>>
    try {
      built = await buildDigest({ kb, store, platform, channelId, localDate, timeZone, kind: 'scheduled' })
    } catch (cause) {
      const error = `could not build the digest: ${describeError(cause)}`
      await store.completeDigestRun(runId, { status: 'failed', attempts: 0, error, postedAt: this.now() })
      this.log.error({ ...where, err: cause }, `Digest not posted: ${error}`)
      return { status: 'failed', runId, attempts: 0, error, gone: false }
    }
    const outcome = await postWithRetry(() => poster.post(channelId, built.digest), this.options.retry)
    const at = this.now()
    const lastError = outcome.lastError === null ? undefined : describeError(outcome.lastError)
    if (outcome.ok) {
      await store.completeDigestRun(runId, {
        status: 'posted',
        attempts: outcome.attempts,
        error: lastError,
        postedAt: at,
      })
      await built.commit(at)
      this.log.info({ ...where, attempts: outcome.attempts, claimId: built.claimId }, 'Digest posted')
      return { status: 'posted', runId, attempts: outcome.attempts }
    }
    const error = lastError ?? 'unknown error'
    await store.completeDigestRun(runId, {
      status: 'failed',
      attempts: outcome.attempts,
      error,
      postedAt: at,
    })
    if (outcome.gone) {
      await store.markInactive(platform, channelId, `channel gone: ${goneCode(outcome.lastError)}`)
      this.log.warn(
        { ...where, code: goneCode(outcome.lastError) },
        'The channel is gone or the bot was removed from it; its digest subscription is now inactive',
      )
    } else {
      this.log.error({ ...where, attempts: outcome.attempts, error }, 'Digest not posted after retries')
    }
    return { status: 'failed', runId, attempts: outcome.attempts, error, gone: outcome.gone }
  }

  /**
   * A digest on request (`/digest now`) for the channel to show at once: not the day's digest (the scheduled
   * one still comes), dated in the channel's subscription time zone (or the default one). It is recorded as a
   * posted manual run, and it moves the channel's rotation and sources snapshot on, since the channel sees it.
   */
  async manual(platform: Platform, channelId: string, now: Date = this.now()): Promise<Digest> {
    const { store, kb } = this.options
    const timeZone =
      (await store.getSubscription(platform, channelId))?.timeZone ??
      this.options.defaultTimeZone ??
      serverTimeZone()
    const localDate = localDateOf(now, timeZone)
    const built = await buildDigest({ kb, store, platform, channelId, localDate, timeZone, kind: 'manual' })
    const runId = await store.claimDigestRun({ platform, channelId, localDate, kind: 'manual', now })
    if (runId !== null) await store.completeDigestRun(runId, { status: 'posted', attempts: 1, postedAt: now })
    await built.commit(now)
    return built.digest
  }
}
