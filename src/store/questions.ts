import type Database from 'better-sqlite3'
import { fromStoredTime, toStoredTime } from './time.js'
import type { Platform, SyncStore } from './types.js'
import { checkChannel, checkString } from './validate.js'

interface QuestionRow {
  question: string
  answered: number
  asked_at: string
}

/** The question-log methods of a Store, on an open, migrated database. The log holds no user ids. */
export function questionMethods(db: Database.Database): Pick<SyncStore, 'logQuestion' | 'questionsBetween'> {
  const insert = db.prepare<{
    platform: Platform
    channel_id: string
    question: string
    answered: 0 | 1
    asked_at: string
  }>(`
    INSERT INTO questions (platform, channel_id, question, answered, asked_at)
    VALUES (@platform, @channel_id, @question, @answered, @asked_at)`)
  const selectBetween = db.prepare<
    { platform: Platform; channel_id: string; from: string; to: string },
    QuestionRow
  >(`
    SELECT question, answered, asked_at FROM questions
    WHERE platform = @platform AND channel_id = @channel_id AND asked_at >= @from AND asked_at < @to
    ORDER BY asked_at, id`)

  return {
    logQuestion({ platform, channelId, question, answered, at }) {
      checkChannel(platform, channelId)
      checkString(question, 'question')
      const askedAt = toStoredTime(at, 'at')
      insert.run({ platform, channel_id: channelId, question, answered: answered ? 1 : 0, asked_at: askedAt })
    },
    questionsBetween(platform, channelId, from, to) {
      checkChannel(platform, channelId)
      const range = { from: toStoredTime(from, 'from'), to: toStoredTime(to, 'to') }
      return selectBetween.all({ platform, channel_id: channelId, ...range }).map((row) => ({
        question: row.question,
        answered: row.answered === 1,
        at: fromStoredTime(row.asked_at),
      }))
    },
  }
}
