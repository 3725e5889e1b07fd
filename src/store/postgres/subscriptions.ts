import type { Platform, Store, Subscription } from '../types.js'
import { checkChannel, checkNonEmpty, checkPlatform, checkTimeOfDay, checkTimeZone } from '../validate.js'
import type { Queryable } from './db.js'

// Every query returns the columns under the Subscription's own names.
const COLUMNS = `platform, channel_id AS "channelId", time, time_zone AS "timeZone", active,
  inactive_reason AS "inactiveReason", created_at AS "createdAt", updated_at AS "updatedAt"`

/** The subscription methods of a Postgres Store; `clock` stamps createdAt/updatedAt. */
export function pgSubscriptionMethods(
  db: Queryable,
  clock: () => Date,
): Pick<Store, 'subscribe' | 'unsubscribe' | 'getSubscription' | 'listActiveSubscriptions' | 'markInactive'> {
  const setInactive = async (platform: Platform, channelId: string, reason: string): Promise<boolean> => {
    checkChannel(platform, channelId)
    checkNonEmpty(reason, 'reason')
    const changed = await db.changed(
      `UPDATE subscriptions SET active = false, inactive_reason = $3, updated_at = $4
       WHERE platform = $1 AND channel_id = $2 AND active`,
      [platform, channelId, reason, clock()],
    )
    return changed > 0
  }

  return {
    async subscribe({ platform, channelId, time, timeZone }) {
      checkChannel(platform, channelId)
      checkTimeOfDay(time)
      checkTimeZone(timeZone)
      const [row] = await db.rows<Subscription>(
        `INSERT INTO subscriptions AS s
           (platform, channel_id, time, time_zone, active, inactive_reason, created_at, updated_at)
         VALUES ($1, $2, $3, $4, true, NULL, $5, $5)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           time = excluded.time, time_zone = excluded.time_zone, active = true, inactive_reason = NULL,
           updated_at = excluded.updated_at
         RETURNING ${COLUMNS}`,
        [platform, channelId, time, timeZone, clock()],
      )
      if (!row) throw new Error('INSERT … RETURNING returned no row')
      return row
    },
    unsubscribe(platform, channelId) {
      return setInactive(platform, channelId, 'unsubscribed')
    },
    async getSubscription(platform, channelId) {
      checkChannel(platform, channelId)
      const [row] = await db.rows<Subscription>(
        `SELECT ${COLUMNS} FROM subscriptions WHERE platform = $1 AND channel_id = $2`,
        [platform, channelId],
      )
      return row ?? null
    },
    async listActiveSubscriptions(platform) {
      if (platform !== undefined) checkPlatform(platform)
      return db.rows<Subscription>(
        `SELECT ${COLUMNS} FROM subscriptions WHERE active AND ($1::text IS NULL OR platform = $1)
         ORDER BY platform COLLATE "C", channel_id COLLATE "C"`,
        [platform ?? null],
      )
    },
    markInactive: setInactive,
  }
}
