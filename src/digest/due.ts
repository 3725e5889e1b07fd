import { Cron } from 'croner'
import type { Store, Subscription } from '../store/index.js'
import { localDateOf, localTimeOf } from './local-time.js'

/** The croner pattern of a subscription's daily time: `MM HH * * *` (read in its time zone). */
export function cronPattern(time: string): string {
  const [hh, mm] = time.split(':')
  return `${Number(mm)} ${Number(hh)} * * *`
}

/**
 * The channel's local date at `now` when its digest hour has come that day, else null: the local time is at or
 * past `time`, and the subscription was set before that hour (one made or changed after the hour starts the
 * next day). On a day when daylight saving skips the hour, the first time after the gap counts; when a time
 * occurs twice, the first. Whether the day's digest was already posted is for the store's claim to say.
 */
export function dueDate(sub: Subscription, now: Date): string | null {
  const today = localDateOf(now, sub.timeZone)
  if (localTimeOf(now, sub.timeZone) < sub.time) return null
  const setOn = localDateOf(sub.updatedAt, sub.timeZone)
  if (setOn > today) return null
  if (setOn === today && localTimeOf(sub.updatedAt, sub.timeZone) > sub.time) return null
  return today
}

/**
 * When the channel's next scheduled digest is due, from `now`: now, when today's is due and not posted
 * yet (the scheduler posts it at its next pass), else the next daily hour (with croner, in the zone) on a day
 * that has no run yet.
 */
export async function nextDigestAt(store: Store, sub: Subscription, now: Date): Promise<Date> {
  const today = dueDate(sub, now)
  if (today !== null && (await isOpen(store, sub, today))) return now
  const cron = new Cron(cronPattern(sub.time), { timezone: sub.timeZone })
  let from = now
  // A day with a run already (the time was moved later after today's digest) is skipped: at most two days.
  for (let i = 0; i < 3; i++) {
    const next = cron.nextRun(from)
    if (next === null) break
    if (await isOpen(store, sub, localDateOf(next, sub.timeZone))) return next
    from = next
  }
  return from
}

// True while a day's scheduled run may still be posted: none yet, or one still claimed.
async function isOpen(store: Store, sub: Subscription, localDate: string): Promise<boolean> {
  const run = await store.getRun(sub.platform, sub.channelId, localDate)
  return run === null || run.status === 'claimed'
}
