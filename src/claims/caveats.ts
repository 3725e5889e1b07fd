import type { Source } from '../corpus/types.js'
import type { CorpusContext } from './context.js'
import { disputePhrase, isCorrectionHeading, refersToSource } from './cues.js'
import type { CaveatRecord, SentenceRecord } from './types.js'

/** Characters of a name that the index of names is keyed by. */
const NAME_KEY = 8

/**
 * The names by which a sentence can name a source: a person's full name, or a title long enough
 * not to be a common phrase ("Harbor Bridge"), lower-cased and indexed by their first characters,
 * so that finding the sources a text names costs a look-up per character, not a scan of every source.
 */
interface SourceNames {
  keyed: Map<string, { name: string; order: number }[]>
  /** Names shorter than the key, looked for one by one. */
  short: { name: string; order: number }[]
  sources: Source[]
}

function sourceNames(ctx: CorpusContext): SourceNames {
  const index: SourceNames = { keyed: new Map(), short: [], sources: [...ctx.sources.values()] }
  index.sources.forEach((source, order) => {
    const names = [source.author, source.title].filter(
      (n): n is string => n !== null && n.trim().split(/\s+/).length >= (n === source.title ? 4 : 2),
    )
    for (const n of names) {
      const name = n.toLowerCase()
      if (name.length < NAME_KEY) index.short.push({ name, order })
      else {
        const key = name.slice(0, NAME_KEY)
        const list = index.keyed.get(key)
        if (list) list.push({ name, order })
        else index.keyed.set(key, [{ name, order }])
      }
    }
  })
  return index
}

/** The first other source (in file order) that a sentence names (by author or title), if any. */
function namedSource(names: SourceNames, text: string, except: string): Source | null {
  const lower = text.toLowerCase()
  let best = Number.POSITIVE_INFINITY
  const offer = (order: number) => {
    if (order < best && names.sources[order]?.id !== except) best = order
  }
  for (const n of names.short) if (lower.includes(n.name)) offer(n.order)
  for (let at = 0; at + NAME_KEY <= lower.length; at++) {
    for (const n of names.keyed.get(lower.slice(at, at + NAME_KEY)) ?? []) {
      if (lower.startsWith(n.name, at)) offer(n.order)
    }
  }
  return names.sources[best] ?? null
}

/**
 * Finds doubts cast on whole sources: a reader calling the article nonsense or source-free, an
 * author's update questioning his own source, a correction section naming the article it
 * corrects. Each is a caveat on that source, not a dispute of every claim it makes.
 */
export function findCaveats(ctx: CorpusContext): CaveatRecord[] {
  const out: CaveatRecord[] = []
  const seen = new Set<string>()
  const names = sourceNames(ctx)
  const add = (sourceId: string, s: SentenceRecord, detail: string, group: string) => {
    const key = `${sourceId}|${group}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({ sourceId, sentenceId: s.id, start: s.start, end: s.end, detail })
  }
  for (const [passageId, list] of ctx.byPassage) {
    const p = ctx.passages.get(passageId)
    if (!p || p.spam) continue
    const correction = p.section !== null && isCorrectionHeading(p.section)
    list.forEach((s, i) => {
      const text = ctx.textOf(s)
      const phrase = disputePhrase(text)
      if (!phrase) return
      if (correction) {
        // "Much of this stemmed from false information… The first article… was published by Jay Stanley."
        const around = [list[i - 1], s, list[i + 1]].filter((x): x is SentenceRecord => x !== undefined)
        const named = around.map((x) => namedSource(names, ctx.textOf(x), p.sourceId)).find((x) => x !== null)
        if (named) add(named.id, s, phrase, p.id)
        return
      }
      if (p.voice === 'article') return
      const other = namedSource(names, text, p.sourceId)
      if (other) add(other.id, s, phrase, p.commentId ?? p.id)
      else if (p.voice === 'update' || refersToSource(text) || (p.replyTo === null && refersToSource(p.text)))
        add(p.sourceId, s, phrase, p.commentId ?? p.id)
    })
  }
  return out
}
