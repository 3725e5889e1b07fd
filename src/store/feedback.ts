import type Database from 'better-sqlite3'
import { toStoredTime } from './time.js'
import type { FeedbackResult, Platform, SyncStore, Vote } from './types.js'
import { checkChannel, checkNonEmpty, checkOneOf, checkPlatform, checkString } from './validate.js'

interface VoteKey {
  platform: Platform
  answer_key: string
  user_key: string
}

/** The answer-feedback methods of a Store, on an open, migrated database. Voters are opaque keys, never ids. */
export function feedbackMethods(
  db: Database.Database,
): Pick<SyncStore, 'recordFeedback' | 'feedbackSummary'> {
  const selectVote = db
    .prepare<VoteKey, Vote>(
      'SELECT vote FROM feedback WHERE platform = @platform AND answer_key = @answer_key AND user_key = @user_key',
    )
    .pluck()
  const upsert = db.prepare<VoteKey & { channel_id: string; question: string; vote: Vote; at: string }>(`
    INSERT INTO feedback (platform, answer_key, user_key, channel_id, question, vote, created_at, updated_at)
    VALUES (@platform, @answer_key, @user_key, @channel_id, @question, @vote, @at, @at)
    ON CONFLICT (platform, answer_key, user_key) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`)
  const summarize = db.prepare<
    { platform: Platform | null; channel_id: string | null },
    { up: number; down: number }
  >(`
    SELECT coalesce(sum(vote = 'up'), 0) AS up, coalesce(sum(vote = 'down'), 0) AS down FROM feedback
    WHERE (@platform IS NULL OR platform = @platform) AND (@channel_id IS NULL OR channel_id = @channel_id)`)

  const record = db.transaction(
    (key: VoteKey, channelId: string, question: string, vote: Vote, at: string) => {
      const previous = selectVote.get(key) ?? null
      if (previous === vote) return { changed: false, previous } satisfies FeedbackResult
      upsert.run({ ...key, channel_id: channelId, question, vote, at })
      return { changed: true, previous } satisfies FeedbackResult
    },
  )

  return {
    recordFeedback({ platform, channelId, answerKey, question, vote, userKey, at }) {
      checkChannel(platform, channelId)
      checkNonEmpty(answerKey, 'answerKey')
      checkNonEmpty(userKey, 'userKey')
      checkString(question, 'question')
      checkOneOf(vote, ['up', 'down'], 'vote')
      const key = { platform, answer_key: answerKey, user_key: userKey }
      // IMMEDIATE: the read and the write must see the same vote even with another process clicking too.
      return record.immediate(key, channelId, question, vote, toStoredTime(at, 'at'))
    },
    feedbackSummary(platform, channelId) {
      if (platform !== undefined) checkPlatform(platform)
      if (channelId !== undefined) checkNonEmpty(channelId, 'channelId')
      const row = summarize.get({ platform: platform ?? null, channel_id: channelId ?? null })
      return { up: row?.up ?? 0, down: row?.down ?? 0 }
    },
  }
}
