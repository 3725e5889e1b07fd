import { typedText } from '../chat/typed-text.js'
import { tokenize } from '../search/text.js'
import type { LoggedQuestion } from '../store/index.js'
import type { Digest, DigestTopic } from './types.js'

/** How much of the questions a digest lists. */
export interface QuestionSummaryOptions {
  /** Most topics. Default 5. */
  maxTopics?: number
  /** Most unanswered questions. Default 5. */
  maxUnanswered?: number
  /** Longest unanswered question shown, in characters (longer ones end in `…`). Default 300. */
  maxQuestionLength?: number
}

/**
 * Summarizes a day's questions: how many, the topics asked about most (a topic is a search term, counted
 * once per question that has it, shown as the word people wrote most for it), and the questions the sources
 * could not answer, as asked (the first few distinct ones, oldest first).
 */
export function summarizeQuestions(
  questions: readonly LoggedQuestion[],
  options: QuestionSummaryOptions = {},
): Digest['questions'] {
  const maxTopics = options.maxTopics ?? 5
  const maxUnanswered = options.maxUnanswered ?? 5
  const maxLength = options.maxQuestionLength ?? 300
  return {
    total: questions.length,
    topics: topicsOf(questions).slice(0, maxTopics),
    unanswered: unansweredOf(questions, maxUnanswered, maxLength),
  }
}

function topicsOf(questions: readonly LoggedQuestion[]): DigestTopic[] {
  const asked = new Map<string, number>()
  // Stem → how often each written word stood for it, to show the stem as a word people use.
  const spellings = new Map<string, Map<string, number>>()
  for (const q of questions) {
    const seen = new Set<string>()
    for (const token of tokenize(q.question)) {
      if (token.term === '') continue
      const words = spellings.get(token.term) ?? new Map<string, number>()
      words.set(token.word, (words.get(token.word) ?? 0) + 1)
      spellings.set(token.term, words)
      if (seen.has(token.term)) continue
      seen.add(token.term)
      asked.set(token.term, (asked.get(token.term) ?? 0) + 1)
    }
  }
  return [...asked]
    .map(([stem, count]) => ({ term: wordFor(spellings.get(stem)) ?? stem, count }))
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
}

/** The most written spelling; on a tie the shorter, then the first alphabetically. */
function wordFor(words: Map<string, number> | undefined): string | undefined {
  if (!words) return undefined
  return [...words].sort(([a, na], [b, nb]) => nb - na || a.length - b.length || a.localeCompare(b))[0]?.[0]
}

function unansweredOf(questions: readonly LoggedQuestion[], max: number, maxLength: number): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const q of questions) {
    if (q.answered) continue
    // Questions logged before control characters were removed at the door are cleaned here too.
    const text = typedText(q.question).replace(/\s+/g, ' ').trim()
    const key = text.toLowerCase()
    if (text === '' || seen.has(key)) continue
    seen.add(key)
    out.push(text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text)
    if (out.length === max) break
  }
  return out
}
