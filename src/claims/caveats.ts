import type { Source } from '../corpus/types.js'
import type { CorpusContext } from './context.js'
import { CORRECTION_HEADING, disputePhrase, refersToSource } from './cues.js'
import type { CaveatRecord, SentenceRecord } from './types.js'

/** The other source a sentence names (by author, publisher or title), if any. */
function namedSource(ctx: CorpusContext, text: string, except: string): Source | null {
  for (const source of ctx.sources.values()) {
    if (source.id === except) continue
    // A person's full name, or a title long enough not to be a common phrase ("Harbor Bridge").
    const names = [source.author, source.title].filter(
      (n): n is string => n !== null && n.trim().split(/\s+/).length >= (n === source.title ? 4 : 2),
    )
    if (names.some((n) => text.toLowerCase().includes(n.toLowerCase()))) return source
  }
  return null
}

/**
 * Finds doubts cast on whole sources: a reader calling the article nonsense or source-free, an
 * author's update questioning his own source, a correction section naming the article it
 * corrects. Each is a caveat on that source, not a dispute of every claim it makes.
 */
export function findCaveats(ctx: CorpusContext): CaveatRecord[] {
  const out: CaveatRecord[] = []
  const seen = new Set<string>()
  const add = (sourceId: string, s: SentenceRecord, detail: string, group: string) => {
    const key = `${sourceId}|${group}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({ sourceId, sentenceId: s.id, start: s.start, end: s.end, detail })
  }
  for (const [passageId, list] of ctx.byPassage) {
    const p = ctx.passages.get(passageId)
    if (!p || p.spam) continue
    const correction = p.section !== null && CORRECTION_HEADING.test(p.section)
    list.forEach((s, i) => {
      const text = ctx.textOf(s)
      const phrase = disputePhrase(text)
      if (!phrase) return
      if (correction) {
        // "Much of this stemmed from false information… The first article… was published by Jay Stanley."
        const around = [list[i - 1], s, list[i + 1]].filter((x): x is SentenceRecord => x !== undefined)
        const named = around.map((x) => namedSource(ctx, ctx.textOf(x), p.sourceId)).find((x) => x !== null)
        if (named) add(named.id, s, phrase, p.id)
        return
      }
      if (p.voice === 'article') return
      const other = namedSource(ctx, text, p.sourceId)
      if (other) add(other.id, s, phrase, p.commentId ?? p.id)
      else if (p.voice === 'update' || refersToSource(text) || (p.replyTo === null && refersToSource(p.text)))
        add(p.sourceId, s, phrase, p.commentId ?? p.id)
    })
  }
  return out
}
