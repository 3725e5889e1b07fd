import { nonSentence } from '../corpus/non-sentences.js'
import { splitSentences } from '../corpus/sentences.js'
import type { Document } from '../corpus/types.js'
import { tagsOf } from '../search/tags.js'
import { tokenize } from '../search/text.js'
import type { SentenceRecord } from './types.js'

/** Words a sentence needs to state a checkable claim. */
export const MIN_CLAIM_WORDS = 6
/** Distinct search terms a sentence needs to state a checkable claim. */
export const MIN_CLAIM_TERMS = 3

/** Splits every passage that is not spam into sentence records, in file order. */
export function sentenceRecords(documents: readonly Document[]): SentenceRecord[] {
  const out: SentenceRecord[] = []
  for (const doc of documents) {
    for (const p of doc.passages) {
      if (p.spam) continue
      splitSentences(p.text, p.start).forEach((span, i) => {
        const text = doc.text.slice(span.start, span.end)
        const tokens = tokenize(text)
        const terms = [...new Set([...tokens.map((t) => t.term).filter((t) => t !== ''), ...tagsOf(text)])]
        const worthy =
          tokens.length >= MIN_CLAIM_WORDS &&
          terms.length >= MIN_CLAIM_TERMS &&
          !isQuestion(text) &&
          nonSentence(text, lineAround(doc.text, span.start, span.end)) === null
        out.push({ id: `${p.id}.${i + 1}`, passageId: p.id, start: span.start, end: span.end, terms, worthy })
      })
    }
  }
  return out
}

/** The whole line a span is on. */
function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1
  const to = text.indexOf('\n', end)
  return text.slice(from, to < 0 ? text.length : to)
}

/** A question, not a statement; a statement with a question tag ("…, OK?", "…, right?") is a statement. */
export function isQuestion(text: string): boolean {
  return /\?\s*$/.test(text) && !QUESTION_TAG.test(text)
}

const QUESTION_TAG = /,\s*(?:ok|okay|right|no|eh|yes|isn['’]t it|don['’]t you|wouldn['’]t you)\s*\?+\s*$/i
