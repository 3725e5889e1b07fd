import type { Vote } from '../store/index.js'
import { escapeSlack, unescapeSlack } from './slack-escape.js'
import { BUTTON_VALUE_MAX, type SlackBlock } from './slack-fit.js'

/** The action ids of the buttons under an answer. */
export const ACTION_IDS = {
  /** 👍: the answer helped. */
  feedbackUp: 'feedback_up',
  /** 👎: it did not. */
  feedbackDown: 'feedback_down',
  /** Posts a privately shown `/ask` answer in the channel for everyone. */
  share: 'share_answer',
} as const

/** The block id of an answer's actions block. */
export const ANSWER_ACTIONS_BLOCK = 'citebot_answer_actions'

/** What an answer's buttons carry: which answer, and the question it answered (for the feedback log). */
export interface AnswerRef {
  /** The answer key feedback is stored under (see the Slack adapter for how it is made). */
  key: string
  /** The question as asked (cut to fit the button's 2000-character value). */
  question: string
}

/**
 * The button value for an answer: JSON `{ k, q }`, at most 2000 characters (the question is cut to fit). The
 * question is escaped like any text the bot posts, so that not even a button value holds a mention token.
 */
export function encodeAnswerRef(ref: AnswerRef): string {
  let question = escapeSlack(ref.question).slice(0, BUTTON_VALUE_MAX)
  let value = JSON.stringify({ k: ref.key, q: question })
  while (value.length > BUTTON_VALUE_MAX && question.length > 0) {
    question = question.slice(0, Math.max(0, question.length - (value.length - BUTTON_VALUE_MAX) - 1))
    value = JSON.stringify({ k: ref.key, q: question })
  }
  return value
}

/** Reads a button value made by {@link encodeAnswerRef}; null for anything else. */
export function decodeAnswerRef(value: string | undefined): AnswerRef | null {
  if (value === undefined) return null
  try {
    const parsed: unknown = JSON.parse(value)
    if (typeof parsed !== 'object' || parsed === null) return null
    const { k, q } = parsed as Record<string, unknown>
    return typeof k === 'string' && k !== '' && typeof q === 'string'
      ? { key: k, question: unescapeSlack(q) }
      : null
  } catch {
    return null
  }
}

/** The vote of a feedback button's action id, or null for any other action. */
export function voteOf(actionId: string): Vote | null {
  if (actionId === ACTION_IDS.feedbackUp) return 'up'
  if (actionId === ACTION_IDS.feedbackDown) return 'down'
  return null
}

/** The 👍 / 👎 buttons (and "Share in channel" when `share`) under an answer. */
export function answerActions(ref: AnswerRef, share: boolean): SlackBlock {
  const value = encodeAnswerRef(ref)
  const button = (actionId: string, text: string) => ({
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text, emoji: true },
    value,
  })
  return {
    type: 'actions',
    block_id: ANSWER_ACTIONS_BLOCK,
    elements: [
      button(ACTION_IDS.feedbackUp, '👍 Helpful'),
      button(ACTION_IDS.feedbackDown, '👎 Not helpful'),
      ...(share ? [{ ...button(ACTION_IDS.share, 'Share in channel'), style: 'primary' as const }] : []),
    ],
  }
}
