import MiniSearch from 'minisearch'
import type { Answer } from '../answer/types.js'

/**
 * The baseline every figure is read against: plain MiniSearch over the seeds' blank-line
 * paragraphs with its default options (no stemming, no synonyms, no claims), answering with its
 * first three paragraphs as three claims of one quote each, and never refusing.
 */
export function plainAnswers(texts: ReadonlyMap<string, string>, questions: readonly string[]): Answer[] {
  const docs: { id: number; file: string; text: string }[] = []
  for (const [file, text] of texts) {
    for (const p of text.split(/\n\s*\n/))
      if (p.trim() !== '') docs.push({ id: docs.length, file, text: p.trim() })
  }
  const index = new MiniSearch<{ id: number; file: string; text: string }>({
    fields: ['text'],
    storeFields: [],
  })
  index.addAll(docs)
  return questions.map((question) => {
    const found = index.search(question).slice(0, 3)
    const claims = found.map((r, i) => {
      const d = docs[r.id as number] as { id: number; file: string; text: string }
      const quote = {
        sourceId: d.file,
        file: d.file,
        title: d.file,
        url: null,
        voice: 'article' as const,
        author: null,
        passageId: String(d.id),
        quote: d.text,
        start: 0,
        end: d.text.length,
      }
      return { id: `p${i}`, statement: d.text, contested: false, note: '', support: [quote], disputes: [] }
    })
    return { question, answered: claims.length > 0, claims, caveats: [] }
  })
}
