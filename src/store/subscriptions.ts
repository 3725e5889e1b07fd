import type Database from 'better-sqlite3'
import { fromStoredTime, toStoredTime } from './time.js'
import type { Platform, Subscription, SyncStore } from './types.js'
import { checkChannel, checkNonEmpty, checkPlatform, checkTimeOfDay, checkTimeZone } from './validate.js'

interface SubscriptionRow {
  platform: string
  channel_id: string
  time: string
  time_zone: string
  active: number
  inactive_reason: string | null
  created_at: string
  updated_at: string
}

interface ChannelKey {
  platform: Platform
  channel_id: string
}

/** The subscription methods of a Store, on an open, migrated database; `clock` stamps createdAt/updatedAt. */
export function subscriptionMethods(
  db: Database.Database,
  clock: () => Date,
): Pick<
  SyncStore,
  'subscribe' | 'unsubscribe' | 'getSubscription' | 'listActiveSubscriptions' | 'markInactive'
> {
  const upsert = db.prepare<ChannelKey & { time: string; time_zone: string; now: string }, SubscriptionRow>(`
    INSERT INTO subscriptions (platform, channel_id, time, time_zone, active, inactive_reason, created_at, updated_at)
    VALUES (@platform, @channel_id, @time, @time_zone, 1, NULL, @now, @now)
    ON CONFLICT (platform, channel_id) DO UPDATE SET
      time = excluded.time, time_zone = excluded.time_zone, active = 1, inactive_reason = NULL,
      updated_at = excluded.updated_at
    RETURNING *`)
  const deactivate = db.prepare<ChannelKey & { reason: string; now: string }>(`
    UPDATE subscriptions SET active = 0, inactive_reason = @reason, updated_at = @now
    WHERE platform = @platform AND channel_id = @channel_id AND active = 1`)
  const select = db.prepare<ChannelKey, SubscriptionRow>(
    'SELECT * FROM subscriptions WHERE platform = @platform AND channel_id = @channel_id',
  )
  const selectActive = db.prepare<{ platform: Platform | null }, SubscriptionRow>(`
    SELECT * FROM subscriptions WHERE active = 1 AND (@platform IS NULL OR platform = @platform)
    ORDER BY platform, channel_id`)

  const setInactive = (platform: Platform, channelId: string, reason: string): boolean => {
    checkChannel(platform, channelId)
    checkNonEmpty(reason, 'reason')
    const now = toStoredTime(clock(), 'clock()')
    return deactivate.run({ platform, channel_id: channelId, reason, now }).changes > 0
  }

  return {
    subscribe({ platform, channelId, time, timeZone }) {
      checkChannel(platform, channelId)
      checkTimeOfDay(time)
      checkTimeZone(timeZone)
      const now = toStoredTime(clock(), 'clock()')
      const row = upsert.get({ platform, channel_id: channelId, time, time_zone: timeZone, now })
      if (!row) throw new Error('INSERT … RETURNING returned no row')
      return toSubscription(row)
    },
    unsubscribe(platform, channelId) {
      return setInactive(platform, channelId, 'unsubscribed')
    },
    getSubscription(platform, channelId) {
      checkChannel(platform, channelId)
      const row = select.get({ platform, channel_id: channelId })
      return row ? toSubscription(row) : null
    },
    listActiveSubscriptions(platform) {
      if (platform !== undefined) checkPlatform(platform)
      return selectActive.all({ platform: platform ?? null }).map(toSubscription)
    },
    markInactive: setInactive,
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    // The CHECK constraint on the column admits only Platform values.
    platform: row.platform as Platform,
    channelId: row.channel_id,
    time: row.time,
    timeZone: row.time_zone,
    active: row.active === 1,
    inactiveReason: row.inactive_reason,
    createdAt: fromStoredTime(row.created_at),
    updatedAt: fromStoredTime(row.updated_at),
  }
}
