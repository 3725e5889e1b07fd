import type Database from 'better-sqlite3'
import { StoreError } from './errors.js'
import { fromStoredTime, toStoredTime } from './time.js'
import type { ConversationTurn, Platform, SyncStore } from './types.js'
import { checkChannel, checkInteger, checkNonEmpty, checkString } from './validate.js'

/** How many answers a conversation keeps and for how long. */
export interface TurnPolicy {
  /** Newest turns kept per conversation. */
  keep: number
  /** A turn older than this, in ms, is forgotten. */
  ttlMs: number
}

interface TurnRow {
  id: number
  platform: string
  conversation_key: string
  message_key: string | null
  payload: string
  created_at: string
}

/**
 * The conversation-memory methods of a Store, on an open, migrated database: the last `policy.keep` answers of
 * each conversation, for `policy.ttlMs`. Every write also forgets what has expired, so the table stays bounded.
 */
export function conversationMethods(
  db: Database.Database,
  policy: TurnPolicy,
): Pick<SyncStore, 'recordTurn' | 'linkTurn' | 'recentTurns' | 'turnByMessage'> {
  const insert = db.prepare<
    { platform: Platform; key: string; payload: string; at: string },
    { id: number }
  >(`
    INSERT INTO conversation_turns (platform, conversation_key, payload, created_at)
    VALUES (@platform, @key, @payload, @at) RETURNING id`)
  const trim = db.prepare<{ platform: Platform; key: string; keep: number }>(`
    DELETE FROM conversation_turns WHERE platform = @platform AND conversation_key = @key AND id NOT IN (
      SELECT id FROM conversation_turns WHERE platform = @platform AND conversation_key = @key
      ORDER BY id DESC LIMIT @keep)`)
  const expire = db.prepare<[string]>('DELETE FROM conversation_turns WHERE created_at < ?')
  const unlink = db.prepare<[Platform, string]>(
    'UPDATE conversation_turns SET message_key = NULL WHERE platform = ? AND message_key = ?',
  )
  const link = db.prepare<[string, number]>('UPDATE conversation_turns SET message_key = ? WHERE id = ?')
  const selectRecent = db.prepare<{ platform: Platform; key: string; since: string; keep: number }, TurnRow>(`
    SELECT * FROM conversation_turns
    WHERE platform = @platform AND conversation_key = @key AND created_at >= @since
    ORDER BY id DESC LIMIT @keep`)
  const selectByMessage = db.prepare<{ platform: Platform; message: string; since: string }, TurnRow>(`
    SELECT * FROM conversation_turns WHERE platform = @platform AND message_key = @message AND created_at >= @since`)

  // The oldest time still remembered at `now`.
  const since = (now: Date) => {
    toStoredTime(now, 'now')
    return new Date(now.getTime() - policy.ttlMs).toISOString()
  }
  const record = db.transaction((platform: Platform, key: string, payload: string, at: Date): number => {
    const row = insert.get({ platform, key, payload, at: at.toISOString() })
    if (!row) throw new Error('INSERT … RETURNING returned no row')
    trim.run({ platform, key, keep: policy.keep })
    expire.run(since(at))
    return row.id
  })
  const relink = db.transaction((platform: Platform, id: number, messageKey: string) => {
    unlink.run(platform, messageKey)
    return link.run(messageKey, id).changes
  })

  return {
    recordTurn({ platform, conversationKey, payload, at }) {
      checkChannel(platform, conversationKey)
      checkPayload(payload)
      toStoredTime(at, 'at')
      return record.immediate(platform, conversationKey, payload, at)
    },
    linkTurn(platform, id, messageKey) {
      checkInteger(id, 'id', 1)
      checkChannel(platform, messageKey)
      return relink.immediate(platform, id, messageKey) > 0
    },
    recentTurns(platform, conversationKey, now) {
      checkChannel(platform, conversationKey)
      return selectRecent
        .all({ platform, key: conversationKey, since: since(now), keep: policy.keep })
        .map(toTurn)
    },
    turnByMessage(platform, messageKey, now) {
      checkChannel(platform, messageKey)
      const row = selectByMessage.get({ platform, message: messageKey, since: since(now) })
      return row ? toTurn(row) : null
    },
  }
}

/** Throws `STORE_INVALID_INPUT` unless `payload` is non-empty JSON text. */
export function checkPayload(payload: unknown): asserts payload is string {
  checkString(payload, 'payload')
  checkNonEmpty(payload, 'payload')
  try {
    JSON.parse(payload)
  } catch {
    throw new StoreError('STORE_INVALID_INPUT', 'payload must be JSON text, e.g. JSON.stringify(answer).', {
      context: { field: 'payload' },
    })
  }
}

function toTurn(row: TurnRow): ConversationTurn {
  return {
    id: row.id,
    // The CHECK constraint admits only the Platform values.
    platform: row.platform as Platform,
    conversationKey: row.conversation_key,
    messageKey: row.message_key,
    payload: row.payload,
    at: fromStoredTime(row.created_at),
  }
}
