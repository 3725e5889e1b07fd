import { checkDate } from '../time.js'
import type { LoggedQuestion, Store } from '../types.js'
import { checkChannel, checkString } from '../validate.js'
import type { Queryable } from './db.js'

/** The question-log methods of a Postgres Store. The log holds no user ids. */
export function pgQuestionMethods(db: Queryable): Pick<Store, 'logQuestion' | 'questionsBetween'> {
  return {
    async logQuestion({ platform, channelId, question, answered, at }) {
      checkChannel(platform, channelId)
      checkString(question, 'question')
      checkDate(at, 'at')
      await db.changed(
        `INSERT INTO questions (platform, channel_id, question, answered, asked_at) VALUES ($1, $2, $3, $4, $5)`,
        [platform, channelId, question, answered === true, at],
      )
    },
    async questionsBetween(platform, channelId, from, to) {
      checkChannel(platform, channelId)
      checkDate(from, 'from')
      checkDate(to, 'to')
      return db.rows<LoggedQuestion>(
        `SELECT question, answered, asked_at AS at FROM questions
         WHERE platform = $1 AND channel_id = $2 AND asked_at >= $3 AND asked_at < $4 ORDER BY asked_at, id`,
        [platform, channelId, from, to],
      )
    },
  }
}
