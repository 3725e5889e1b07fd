import type { Answer } from '../answer/types.js'
import type { SourceSummary } from './sources.js'

/** Most example questions shown in a greeting. */
export const EXAMPLE_COUNT = 2

/**
 * Example questions for a greeting, taken from the corpus: "What does <writer> say?" for the sources with the
 * most claims, by their author (or, without one, their publisher), each kept only if the engine answers it
 * with a claim of that source first, one per writer. So they fit whatever documents are in seeds/; a
 * deployment can set its own with `CITEBOT_EXAMPLES`.
 */
export function examplesFromCorpus(
  sources: readonly SourceSummary[],
  ask: (question: string) => Answer,
  count = EXAMPLE_COUNT,
): string[] {
  const found: string[] = []
  const byClaims = [...sources].sort((a, b) => b.claims - a.claims)
  for (const source of byClaims) {
    if (found.length >= count) break
    const writer = source.author ?? source.publisher
    if (!writer) continue
    const question = `What does ${writer} say?`
    if (found.includes(question)) continue
    const answer = ask(question)
    const first = answer.claims[0]
    if (answer.answered && first?.support.some((c) => c.sourceId === source.id)) found.push(question)
  }
  return found
}
