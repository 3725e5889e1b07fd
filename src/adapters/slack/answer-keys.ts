import { randomBytes } from 'node:crypto'

/**
 * The key feedback on an answer is stored under. An answer to a message is keyed by the question message
 * (`C123:1712345678.000100`): known before the answer is posted, so the buttons can carry it, and the same for
 * a redelivered question. An `/ask` answer has no message, so it gets a fresh id (`C123:ask-3f9a…`); its
 * shared copy keeps that key, so a vote on either counts once per person.
 */
export function messageAnswerKey(channel: string, ts: string): string {
  return `${channel}:${ts}`
}

/** A fresh key for an `/ask` answer in `channel`. */
export function askAnswerKey(channel: string): string {
  return `${channel}:ask-${randomBytes(6).toString('hex')}`
}
