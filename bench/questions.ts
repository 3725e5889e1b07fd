import type { Knowledge } from '../src/answer/knowledge.js'
import { tokenize } from '../src/search/text.js'

/** Hand-written questions of the kinds people ask, in and out of scope. */
export const FIXED_QUESTIONS = [
  'is it mandatory?',
  'What score range does Sesame Credit use?',
  'Are Alibaba and Tencent behind the score?',
  'Does buying diapers raise your score?',
  'Has any other country had a system like this?',
  'What did Pence say about it?',
  'How many people are listed on Credit China?',
  'Can people opt out?',
  'Who runs Sesame Credit?',
  'What is the weather in Tokyo today?',
  'Give me a recipe for dumplings',
  'mandetory?',
  '<@U123> is it *compulsory*?',
]

/**
 * Questions made from the corpus itself, deterministically: for every claim, "What about" and
 * three of its statement's longer words; with the fixed ones, `count` questions in all.
 */
export function corpusQuestions(kb: Knowledge, count: number): string[] {
  const made: string[] = []
  for (const claim of kb.claims.values()) {
    const s = kb.sentences.get(claim.leader)
    if (!s) continue
    const text = kb.slice(kb.passageOf(s).sourceId, s.start, s.end)
    const words = tokenize(text)
      .filter((t) => t.term !== '' && t.word.length > 4)
      .map((t) => t.word)
    if (words.length >= 3) made.push(`What about ${words.slice(0, 3).join(' ')}?`)
  }
  const out: string[] = []
  for (let i = 0; out.length < count; i++) {
    out.push(
      i % 4 === 0
        ? (FIXED_QUESTIONS[i % FIXED_QUESTIONS.length] ?? '')
        : (made[i % Math.max(1, made.length)] ?? 'is it mandatory?'),
    )
  }
  return out
}
