import type { TurnPolicy } from '../conversations.js'
import { checkPayload } from '../conversations.js'
import { checkDate } from '../time.js'
import type { ConversationTurn, Store } from '../types.js'
import { checkChannel, checkInteger } from '../validate.js'
import type { PgDb } from './db.js'

// The payload is `json`, which keeps the JSON text as the caller gave it (jsonb would re-serialize it).
const COLUMNS = `id, platform, conversation_key AS "conversationKey", message_key AS "messageKey",
  payload::text AS payload, created_at AS at`

/** The conversation-memory methods of a Postgres Store, bounded as the SQLite store bounds them (../conversations.ts). */
export function pgConversationMethods(
  db: PgDb,
  policy: TurnPolicy,
): Pick<Store, 'recordTurn' | 'linkTurn' | 'recentTurns' | 'turnByMessage'> {
  const since = (now: Date) => {
    checkDate(now, 'now')
    return new Date(now.getTime() - policy.ttlMs)
  }
  return {
    async recordTurn({ platform, conversationKey, payload, at }) {
      checkChannel(platform, conversationKey)
      checkPayload(payload)
      checkDate(at, 'at')
      return db.transaction(async (q) => {
        const [row] = await q.rows<{ id: number }>(
          `INSERT INTO conversation_turns (platform, conversation_key, payload, created_at)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [platform, conversationKey, payload, at],
        )
        if (!row) throw new Error('INSERT … RETURNING returned no row')
        await q.changed(
          `DELETE FROM conversation_turns WHERE platform = $1 AND conversation_key = $2 AND id NOT IN (
             SELECT id FROM conversation_turns WHERE platform = $1 AND conversation_key = $2
             ORDER BY id DESC LIMIT $3)`,
          [platform, conversationKey, policy.keep],
        )
        await q.changed('DELETE FROM conversation_turns WHERE created_at < $1', [since(at)])
        return row.id
      })
    },
    async linkTurn(platform, id, messageKey) {
      checkInteger(id, 'id', 1)
      checkChannel(platform, messageKey)
      return db.transaction(async (q) => {
        await q.changed(
          'UPDATE conversation_turns SET message_key = NULL WHERE platform = $1 AND message_key = $2',
          [platform, messageKey],
        )
        return (
          (await q.changed('UPDATE conversation_turns SET message_key = $1 WHERE id = $2', [
            messageKey,
            id,
          ])) > 0
        )
      })
    },
    async recentTurns(platform, conversationKey, now) {
      checkChannel(platform, conversationKey)
      return db.rows<ConversationTurn>(
        `SELECT ${COLUMNS} FROM conversation_turns
         WHERE platform = $1 AND conversation_key = $2 AND created_at >= $3 ORDER BY id DESC LIMIT $4`,
        [platform, conversationKey, since(now), policy.keep],
      )
    },
    async turnByMessage(platform, messageKey, now) {
      checkChannel(platform, messageKey)
      const [row] = await db.rows<ConversationTurn>(
        `SELECT ${COLUMNS} FROM conversation_turns WHERE platform = $1 AND message_key = $2 AND created_at >= $3`,
        [platform, messageKey, since(now)],
      )
      return row ?? null
    },
  }
}
