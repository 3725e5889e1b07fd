import { existsSync, readFileSync } from 'node:fs'
import { Engine } from '../src/answer/engine.js'
import type { Knowledge } from '../src/answer/knowledge.js'
import { renderAnswerText } from '../src/render/plain-text.js'
import { quantile } from './stats.js'

/** How long an answer is to read: the characters of its plain-text rendering (what the console prints). */
export interface AnswerLength {
  /** In-scope questions of the evaluation set measured. */
  questions: number
  /** Median characters of an answer; the target is under 600. */
  medianChars: number
  /** The longest answer's characters. */
  maxChars: number
  /** Median number of claims. */
  medianClaims: number
}

/** The length of the answers to the in-scope questions of an evaluation set, or null when the file is missing. */
export function answerLength(kb: Knowledge, goldPath: string): AnswerLength | null {
  if (!existsSync(goldPath)) return null
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as {
    questions: { question: string; no_answer?: boolean }[]
  }
  const engine = new Engine(kb)
  const answers = gold.questions.filter((q) => !q.no_answer).map((q) => engine.ask(q.question))
  const chars = answers.map((a) => renderAnswerText(a).length)
  return {
    questions: answers.length,
    medianChars: quantile(chars, 0.5),
    maxChars: Math.max(...chars),
    medianClaims: quantile(
      answers.map((a) => a.claims.length),
      0.5,
    ),
  }
}
