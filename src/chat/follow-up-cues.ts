import { eng as englishStopWords } from 'stopword'
import {
  ANAPHORA,
  DISPUTE_CUES,
  FOCUS_OPENERS,
  MORE_CUES,
  NO_TOPIC,
  QUESTION_STARTS,
  SOURCE_CUES,
} from './phrases.js'
import { wordsOf } from './words.js'

/** What a follow-up asks of the answer before it. */
export type FollowUpAsk =
  /** Who disputes its claims, or whether they hold ("who disputes that?", "is that true?", "really?"). */
  | 'disputes'
  /** Where its claims come from ("why?", "who said that?", "source?", "tell me about that"). */
  | 'sources'
  /** Other claims on the same topic ("what else?", "anything more?"). */
  | 'more'

/** How a message relates to the answer before it, read from general cues (never from known questions). */
export type FollowUpCue =
  /** It points back and has no topic of its own: answered from the last answer. */
  | { kind: FollowUpAsk }
  /** "and X?", "what about X?": the last question again, about X. `focus` is X as written. */
  | { kind: 'focus'; focus: string }
  /** It points back ("it", "they") but has topic words too: asked alone first, with the last question if need be. */
  | { kind: 'contextual'; anaphor: string }

const anaphora = new Set(ANAPHORA)
const disputeCues = new Set(DISPUTE_CUES)
const sourceCues = new Set(SOURCE_CUES)
const moreCues = new Set(MORE_CUES)
const questionStarts = new Set(QUESTION_STARTS)
const notTopic = new Set([
  ...NO_TOPIC,
  ...englishStopWords,
  ...ANAPHORA,
  ...DISPUTE_CUES,
  ...SOURCE_CUES,
  ...MORE_CUES,
])
// Longest first, so that "and what about" wins over "and".
const openers = [...FOCUS_OPENERS].sort((a, b) => b.split(' ').length - a.split(' ').length)

/** The words of a message that name a topic: what is left without function words, anaphora and cues. */
export function topicWords(text: string): string[] {
  return wordsOf(text).filter((w) => !notTopic.has(w) && !/^\d{1,2}$/.test(w))
}

/** Most words X of "and X?" may have; a longer tail is a question of its own. */
const MAX_FOCUS_WORDS = 6

/**
 * Reads a message as a follow-up, or null when it is a question of its own. Cues are general: an opener with
 * a short new focus ("and the ACLU?"), pronouns that point back ("that", "it", "they"), and words asking who
 * disputes, where from, or what else. A message with topic words of its own and nothing pointing back is a new
 * question, whatever it asks.
 */
export function readFollowUp(question: string): FollowUpCue | null {
  const words = wordsOf(question)
  if (words.length === 0) return null
  const focus = focusOf(question, words)
  if (focus !== null) return { kind: 'focus', focus }
  const topic = topicWords(question)
  const anaphor = words.find((w) => anaphora.has(w))
  const ask: FollowUpAsk | null = words.some((w) => disputeCues.has(w))
    ? 'disputes'
    : words.some((w) => moreCues.has(w))
      ? 'more'
      : words.some((w) => sourceCues.has(w))
        ? 'sources'
        : null
  if (topic.length === 0) {
    if (ask !== null) return { kind: ask }
    return anaphor === undefined ? null : { kind: 'sources' }
  }
  return anaphor === undefined ? null : { kind: 'contextual', anaphor }
}

function focusOf(question: string, words: string[]): string | null {
  for (const opener of openers) {
    const n = opener.split(' ').length
    if (words.slice(0, n).join(' ') !== opener) continue
    const rest = words.slice(n)
    if (rest.length === 0 || rest.length > MAX_FOCUS_WORDS || questionStarts.has(rest[0] ?? '')) return null
    if (rest.some((w) => anaphora.has(w)) || topicWords(rest.join(' ')).length === 0) return null
    // X as written, without the opener and the closing punctuation.
    const written = question
      .trim()
      .replace(new RegExp(`^${opener.split(' ').join('\\W+')}\\W+`, 'iu'), '')
      .replace(/[\s?!.…]+$/u, '')
    return written === '' ? null : written
  }
  return null
}
