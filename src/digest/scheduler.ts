import { Cron } from 'croner'
import type { Platform, Store, Subscription } from '../store/index.js'
import { cronPattern, dueDate } from './due.js'
import { type DigestLog, type DigestRunner, type RunResult, SILENT_LOG } from './runner.js'

/** What the scheduler needs. */
export interface DigestSchedulerOptions {
  store: Store
  /** Posts the digests; its platforms decide which subscriptions this process serves. */
  runner: DigestRunner
  /** The clock; tests pass a fake one. Default the real time. */
  now?: () => Date
  /**
   * Minutes between safety passes (1–59), each re-reading the subscriptions (another process may have
   * changed them) and posting whatever is due (a claim left by a process that died, a time missed while
   * the machine slept); 0 for none. Default 10.
   */
  sweepMinutes?: number
  /** Default silent. */
  log?: DigestLog
}

/** What one pass did, per channel it tried (channels not due are not listed). */
export interface PassReport {
  results: { platform: Platform; channelId: string; localDate: string; result: RunResult }[]
}

interface Job {
  pattern: string
  timeZone: string
  cron: Cron
}

/**
 * Posts each channel's daily digest at its hour, in its time zone. `runDue(now)` does the work: every active
 * subscription whose hour has come today (local time ≥ its HH:MM) gets that day's digest, claimed in the
 * store first, so each channel gets at most one per local day across restarts and processes. Croner only
 * decides when `runDue` runs: one job per subscription at its hour, in its zone (daylight-saving changes
 * included), plus a periodic sweep; `start()` also runs it once, which posts a digest missed while the bot
 * was down earlier that day. Passes run one at a time.
 */
export class DigestScheduler {
  private readonly now: () => Date
  private readonly log: DigestLog
  private readonly jobs = new Map<string, Job>()
  private sweep: Cron | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private syncing: Promise<void> = Promise.resolve()
  private started = false

  constructor(private readonly options: DigestSchedulerOptions) {
    this.now = options.now ?? (() => new Date())
    this.log = options.log ?? SILENT_LOG
    const sweep = options.sweepMinutes ?? 10
    if (!Number.isInteger(sweep) || sweep < 0 || sweep > 59) {
      throw new RangeError(`sweepMinutes must be an integer from 0 (no sweep) to 59; got ${sweep}.`)
    }
  }

  /** Schedules the jobs and runs one pass at once (posting a digest missed earlier today); resolves after it. */
  async start(): Promise<PassReport> {
    this.started = true
    await this.sync()
    const minutes = this.options.sweepMinutes ?? 10
    if (minutes > 0 && this.sweep === null) {
      this.sweep = new Cron(`*/${minutes} * * * *`, { catch: this.onJobError }, async () => {
        await this.sync()
        await this.runDue()
      })
    }
    return this.runDue()
  }

  /** Stops every job; resolves when a pass under way has finished (then the store may be closed). */
  async stop(): Promise<void> {
    this.started = false
    for (const job of this.jobs.values()) job.cron.stop()
    this.jobs.clear()
    this.sweep?.stop()
    this.sweep = null
    await Promise.all([this.queue.catch(() => undefined), this.syncing])
  }

  /**
   * Makes the jobs match the active subscriptions of the served platforms: one per channel at its HH:MM in its
   * zone; new ones added, changed ones rescheduled, gone ones stopped. Call it after a subscription changes
   * (the digest command handler does). Does nothing before `start()`. Calls run one after the other, so a
   * slow read of the subscriptions never undoes a later one.
   */
  sync(): Promise<void> {
    const run = this.syncing.then(async () => {
      if (!this.started) return
      const subscriptions = await this.subscriptions()
      // Stopped while reading: no job may be left behind.
      if (this.started) this.reschedule(subscriptions)
    })
    this.syncing = run.catch((error: unknown) => this.onJobError(error))
    return run
  }

  private reschedule(subscriptions: Subscription[]): void {
    const wanted = new Map(subscriptions.map((s) => [`${s.platform}:${s.channelId}`, s]))
    for (const [key, job] of this.jobs) {
      const sub = wanted.get(key)
      if (!sub || cronPattern(sub.time) !== job.pattern || sub.timeZone !== job.timeZone) {
        job.cron.stop()
        this.jobs.delete(key)
      }
    }
    for (const [key, sub] of wanted) {
      if (this.jobs.has(key)) continue
      const pattern = cronPattern(sub.time)
      try {
        const cron = new Cron(pattern, { timezone: sub.timeZone, catch: this.onJobError }, () =>
          this.runDue().then(() => undefined),
        )
        this.jobs.set(key, { pattern, timeZone: sub.timeZone, cron })
      } catch (error) {
        // A zone this runtime's time-zone data does not know (the subscription came from another runtime).
        this.log.error({ key, timeZone: sub.timeZone, err: error }, 'Could not schedule a digest')
      }
    }
  }

  /** The scheduled jobs: channel key (`platform:channelId`), pattern, zone and next run (for status and tests). */
  scheduled(): { key: string; pattern: string; timeZone: string; nextRun: Date | null }[] {
    return [...this.jobs].map(([key, job]) => ({
      key,
      pattern: job.pattern,
      timeZone: job.timeZone,
      nextRun: job.cron.nextRun(this.now()),
    }))
  }

  /**
   * Posts the digest of every subscription that is due at `now` and not posted today (by anyone). Safe to call
   * at any time and any number of times, from any number of processes on one database: the store's claim
   * decides who posts. Errors of one channel are logged and do not stop the others.
   */
  runDue(now?: Date): Promise<PassReport> {
    const pass = this.queue.then(() => this.pass(now))
    this.queue = pass.catch(() => undefined)
    return pass
  }

  private async pass(at: Date | undefined): Promise<PassReport> {
    const report: PassReport = { results: [] }
    let changed = false
    for (const sub of await this.subscriptions()) {
      // The clock is read per channel: a slow post (with its retries) must not age the next channel's claim.
      const now = at ?? this.now()
      const where = { platform: sub.platform, channelId: sub.channelId }
      try {
        const localDate = dueDate(sub, now)
        if (localDate === null) continue
        // Cheap check before the claim (a write): most passes find the day's digest done.
        const run = await this.options.store.getRun(sub.platform, sub.channelId, localDate)
        if (run && run.status !== 'claimed') continue
        const result = await this.options.runner.runScheduled(sub, localDate, now)
        if (result.status === 'skipped' && result.reason === 'claimed') continue
        report.results.push({ ...where, localDate, result })
        if (result.status === 'failed' && result.gone) changed = true
      } catch (error) {
        this.log.error({ ...where, err: error }, 'Digest run failed')
      }
    }
    if (changed) await this.sync()
    return report
  }

  private async subscriptions(): Promise<Subscription[]> {
    const platforms = new Set(this.options.runner.platforms)
    return (await this.options.store.listActiveSubscriptions()).filter((s) => platforms.has(s.platform))
  }

  private readonly onJobError = (error: unknown) => {
    this.log.error({ err: error }, 'Digest scheduler job failed')
  }
}
