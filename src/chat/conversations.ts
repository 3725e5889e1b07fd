import type { Answer } from '../answer/types.js'
import type { Platform, Store } from '../store/index.js'

/** An answer remembered in a conversation. */
export interface Remembered {
  answer: Answer
  /**
   * The question the answer's claims answer: the answer's own question, or for a follow-up's answer ("who
   * disputes that?") the question it followed up. Follow-ups refer to it ("my last answer (to “…”)").
   */
  topic: string
}

/** A remembered answer with its conversation. */
export interface RememberedAnswer extends Remembered {
  /** The conversation it belongs to. */
  conversationKey: string
}

/**
 * The last answers of each conversation, so that a follow-up can be answered about them. On Slack and Discord
 * they are kept in the store (a restart keeps them), in the console in memory. Both are bounded: a few answers
 * per conversation, for a few days.
 */
export interface ConversationMemory {
  /** Remembers an answer in a conversation; resolves to the turn's id (for {@link link}). */
  record(platform: Platform, conversationKey: string, remembered: Remembered, at: Date): Promise<number>
  /** Names the bot message that showed turn `turn`, so that a reply to that message finds it. */
  link(platform: Platform, turn: number, messageKey: string): Promise<void>
  /** The conversation's remembered answers at `now`, newest first. */
  recent(platform: Platform, conversationKey: string, now: Date): Promise<Remembered[]>
  /** The answer a bot message showed, with its conversation, while it is remembered. */
  byMessage(platform: Platform, messageKey: string, now: Date): Promise<RememberedAnswer | null>
}

/** Bounds of the in-memory conversations. */
export interface MemoryConversationOptions {
  /** Answers kept per conversation (the newest). Default 3. */
  turns?: number
  /** How long an answer is kept, in ms. Default 7 days. */
  ttlMs?: number
  /** Conversations kept (the most recently used). Default 1000. */
  conversations?: number
}

const DAY = 86_400_000

/** Conversations kept in the store (Slack, Discord); the store bounds them (`conversationTurns`, `conversationDays`). */
export function storeConversations(store: Store): ConversationMemory {
  return {
    record: (platform, conversationKey, remembered, at) =>
      store.recordTurn({ platform, conversationKey, payload: JSON.stringify(remembered), at }),
    link: async (platform, turn, messageKey) => {
      await store.linkTurn(platform, turn, messageKey)
    },
    recent: async (platform, key, now) =>
      (await store.recentTurns(platform, key, now))
        .map((t) => rememberedFrom(t.payload))
        .filter((r): r is Remembered => r !== null),
    byMessage: async (platform, messageKey, now) => {
      const turn = await store.turnByMessage(platform, messageKey, now)
      const remembered = turn ? rememberedFrom(turn.payload) : null
      return turn && remembered ? { conversationKey: turn.conversationKey, ...remembered } : null
    },
  }
}

/** Conversations kept in memory (the console): empty after a restart. Its promises resolve at once. */
export function memoryConversations(options: MemoryConversationOptions = {}): ConversationMemory {
  const turns = options.turns ?? 3
  const ttlMs = options.ttlMs ?? 7 * DAY
  const most = options.conversations ?? 1000
  type Turn = { id: number; key: string; remembered: Remembered; at: number; message: string | null }
  const byKey = new Map<string, Turn[]>()
  let next = 1
  const live = (list: Turn[], now: Date) => list.filter((t) => now.getTime() - t.at <= ttlMs)
  const all = () => [...byKey.values()].flat()
  return {
    async record(platform, conversationKey, remembered, at) {
      const key = `${platform}:${conversationKey}`
      const turn: Turn = { id: next++, key: conversationKey, remembered, at: at.getTime(), message: null }
      const list = [turn, ...(byKey.get(key) ?? [])]
      byKey.delete(key)
      byKey.set(key, live(list, at).slice(0, turns))
      while (byKey.size > most) byKey.delete(byKey.keys().next().value as string)
      return next - 1
    },
    async link(_platform, turn, messageKey) {
      for (const t of all()) if (t.message === messageKey) t.message = null
      const found = all().find((t) => t.id === turn)
      if (found) found.message = messageKey
    },
    async recent(platform, conversationKey, now) {
      return live(byKey.get(`${platform}:${conversationKey}`) ?? [], now).map((t) => t.remembered)
    },
    async byMessage(platform, messageKey, now) {
      for (const [key, list] of byKey) {
        if (!key.startsWith(`${platform}:`)) continue
        const t = live(list, now).find((x) => x.message === messageKey)
        if (t) return { conversationKey: t.key, ...t.remembered }
      }
      return null
    },
  }
}

/** A stored answer read back, or null when the text is not one (written by other software, say). */
function rememberedFrom(payload: string): Remembered | null {
  try {
    const value = JSON.parse(payload) as { topic?: unknown; answer?: Partial<Answer> }
    const a = value?.answer
    const ok =
      typeof value?.topic === 'string' &&
      typeof a === 'object' &&
      a !== null &&
      typeof a.question === 'string' &&
      typeof a.answered === 'boolean' &&
      Array.isArray(a.claims) &&
      Array.isArray(a.caveats)
    return ok ? { topic: value.topic as string, answer: a as Answer } : null
  } catch {
    return null
  }
}
