import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import type { DigestPoster } from '../../src/digest/poster.js'
import { DigestRunner, type DigestRunnerOptions } from '../../src/digest/runner.js'
import { DigestScheduler } from '../../src/digest/scheduler.js'
import type { Digest } from '../../src/digest/types.js'
import { openStore } from '../../src/store/open-store.js'
import type { Platform, Store } from '../../src/store/types.js'
import { seedEngine } from '../helpers/built.js'

/** A clock that moves only when told. */
export interface FakeClock {
  now: () => Date
  set(at: string | Date): void
  advance(ms: number): void
}

export function fakeClock(start: string | Date): FakeClock {
  let t = new Date(start).getTime()
  return {
    now: () => new Date(t),
    set(at) {
      t = new Date(at).getTime()
    },
    advance(ms) {
      t += ms
    },
  }
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/** A post as a recording poster saw it. */
export interface Post {
  platform: Platform
  channelId: string
  digest: Digest
  at: Date
}

/** A poster that records posts; `fail` decides, per call (1-based), whether to throw instead. */
export function recordingPoster(
  platform: Platform,
  clock: FakeClock,
  posts: Post[] = [],
  fail?: (channelId: string, call: number) => unknown,
): DigestPoster & { posts: Post[]; calls: number } {
  const poster = {
    platform,
    posts,
    calls: 0,
    async post(channelId: string, digest: Digest) {
      poster.calls += 1
      const error = fail?.(channelId, poster.calls)
      if (error) throw error
      posts.push({ platform, channelId, digest, at: clock.now() })
    },
  }
  return poster
}

/** A fresh directory under the OS temp dir, removed after the calling test file's tests. */
export function useTempDir(prefix: string): () => string {
  const dir = mkdtempSync(join(tmpdir(), `citebot-digest-${prefix}-`))
  let files = 0
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return () => join(dir, `citebot-${++files}.db`)
}

/** A store on the fake clock. */
export function clockedStore(path: string, clock: FakeClock): Promise<Store> {
  return openStore(path, { now: clock.now })
}

/** A runner (real seeds, no waiting between retries) and a scheduler without a sweep, on one store. */
export function digestRig(
  store: Store,
  clock: FakeClock,
  posters: DigestPoster[],
  options: Partial<DigestRunnerOptions> = {},
): { runner: DigestRunner; scheduler: DigestScheduler; sleeps: number[] } {
  const sleeps: number[] = []
  const runner = new DigestRunner({
    kb: seedEngine().kb,
    store,
    posters,
    now: clock.now,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms)
      },
    },
    ...options,
  })
  const scheduler = new DigestScheduler({ store, runner, now: clock.now, sweepMinutes: 0 })
  return { runner, scheduler, sleeps }
}

/** The instant a wall-clock time in a zone stands for, checked with Intl (tests only; no DST gaps). */
export function zoned(localDateTime: string, timeZone: string): Date {
  const guess = new Date(`${localDateTime}:00Z`)
  const shown = new Date(
    new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .format(guess)
      .replace(' ', 'T')
      .concat('Z'),
  )
  const offset = shown.getTime() - guess.getTime()
  return new Date(guess.getTime() - offset)
}
