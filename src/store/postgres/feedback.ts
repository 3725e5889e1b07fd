import { checkDate } from '../time.js'
import type { FeedbackResult, FeedbackSummary, Store, Vote } from '../types.js'
import { checkChannel, checkNonEmpty, checkOneOf, checkPlatform, checkString } from '../validate.js'
import type { PgDb } from './db.js'

const KEY = 'platform = $1 AND answer_key = $2 AND user_key = $3'

/** The answer-feedback methods of a Postgres Store. Voters are opaque keys, never ids. */
export function pgFeedbackMethods(db: PgDb): Pick<Store, 'recordFeedback' | 'feedbackSummary'> {
  return {
    async recordFeedback({ platform, channelId, answerKey, question, vote, userKey, at }) {
      checkChannel(platform, channelId)
      checkNonEmpty(answerKey, 'answerKey')
      checkNonEmpty(userKey, 'userKey')
      checkString(question, 'question')
      checkOneOf(vote, ['up', 'down'], 'vote')
      checkDate(at, 'at')
      const key = [platform, answerKey, userKey]
      return db.transaction(async (q): Promise<FeedbackResult> => {
        const inserted = await q.changed(
          `INSERT INTO feedback (platform, answer_key, user_key, channel_id, question, vote, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING`,
          [...key, channelId, question, vote, at],
        )
        if (inserted > 0) return { changed: true, previous: null }
        // The vote exists: lock it, so that a click on another process waits and then sees this one's vote.
        const [row] = await q.rows<{ vote: Vote }>(`SELECT vote FROM feedback WHERE ${KEY} FOR UPDATE`, key)
        const previous = row?.vote ?? null
        if (previous === vote) return { changed: false, previous }
        await q.changed(`UPDATE feedback SET vote = $4, updated_at = $5 WHERE ${KEY}`, [...key, vote, at])
        return { changed: true, previous }
      })
    },
    async feedbackSummary(platform, channelId) {
      if (platform !== undefined) checkPlatform(platform)
      if (channelId !== undefined) checkNonEmpty(channelId, 'channelId')
      const [row] = await db.rows<FeedbackSummary>(
        `SELECT count(*) FILTER (WHERE vote = 'up')::int AS up, count(*) FILTER (WHERE vote = 'down')::int AS down
         FROM feedback WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR channel_id = $2)`,
        [platform ?? null, channelId ?? null],
      )
      return { up: row?.up ?? 0, down: row?.down ?? 0 }
    },
  }
}
