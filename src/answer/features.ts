import type { SentenceRecord } from '../claims/types.js'
import type { Passage } from '../corpus/types.js'
import type { Concept, QueryPlan } from '../search/query.js'
import { allowedEdits, editDistance } from '../search/spelling.js'
import { tokenize } from '../search/text.js'
import { holdsAnswer } from './answer-types.js'
import type { Knowledge } from './knowledge.js'
import { isFrameWord, type Pos, type QuestionAnalysis } from './question.js'
import { searchPassages } from './rank.js'
import { unitsOf } from './sentence-facts.js'

/**
 * The named features a sentence is ranked by for a question. Each is a number, most of them
 * 0–1; the ranking model (model.ts) weighs them with weights fitted on the evaluation set.
 */
export const FEATURES = [
  /** Share of the question's concept weight the sentence holds as written (or as a typo's correction). */
  'exact',
  /** …only through what is known of its passage: its writer, source, section. */
  'meta',
  /** 1 when the question names the sentence's source, by its author or publisher ("according to the ACLU post"). */
  'source',
  /** 1 when the question names a source and this sentence is from another. */
  'sourceOther',
  /** Share of the weight of the question's words for kinds of passage ("commenters", "article") the sentence holds. */
  'frame',
  /** Share of the question's concept weight it holds in nouns, names and numbers (any way). */
  'nouns',
  /** …in verbs. */
  'verbs',
  /** …in adjectives, adverbs and other words. */
  'modifiers',
  /** The share held by its whole passage. */
  'passage',
  /** The search index's score of its passage, relative to the best. */
  'search',
  /** The weight of the heaviest concept it lacks, relative to the heaviest concept (0 when it lacks none). */
  'missing',
  /** 1 when the question wants a kind of answer (a date, a number, a name, a reason) and the sentence holds one. */
  'type',
  /** 1 when the question asks for a kind of passage (readers, an update, the article) and this is one. */
  'voice',
  /** 1 when it asks for a kind of passage and this is another kind. */
  'voiceOther',
  /** 1 when the question asks whether something holds and the sentence doubts or denies. */
  'doubt',
  /** How close together the words it holds stand (matched words over the span they cover). */
  'proximity',
] as const

/** One feature's name. */
export type FeatureName = (typeof FEATURES)[number]

/** A sentence found for a question, with its features in `FEATURES` order. */
export interface Candidate {
  sentence: SentenceRecord
  passage: Passage
  features: Float64Array
  /** Weighted share of the question's concepts it holds in its text or its passage's meta, any way (0–1). */
  coverage: number
  /** Share of the weight of the question's focus it holds as words of their own (see `AnswerSignals.focus`). */
  focus: number
}

/**
 * How a concept is found, by the lexicon's relation of the term that finds it. Only the word as
 * written has a share of its own: a related word (of the same root, a synonym, a named instance)
 * or a broader or narrower one counts in the parts of speech, the focus and the passage's share
 * like any other match; the ablation of docs/quality.md found the ranking better, or no worse,
 * without their own shares.
 */
type Kind = 'exact' | 'related' | 'broader'
const KIND: Partial<Record<string, Kind>> = {
  word: 'exact',
  typo: 'exact',
  phrase: 'exact',
  der: 'related',
  syn: 'related',
  cls: 'related',
  hyper: 'broader',
  hypo: 'broader',
  part: 'broader',
}

const INDEX: Record<FeatureName, number> = Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<
  FeatureName,
  number
>

/** A concept's part of speech: its word's, or for a phrase a noun's or a verb's it holds ("stock market", "pass on"). */
function conceptPos(c: Concept, analysis: QuestionAnalysis): Pos {
  if (c.words.length === 1) return analysis.pos.get(c.words[0] ?? '') ?? 'other'
  const tags = c.words.map((w) => analysis.pos.get(w) ?? 'other')
  return (
    tags.find((p) => p === 'name') ??
    tags.find((p) => p === 'noun') ??
    tags.find((p) => p === 'verb') ??
    'other'
  )
}

/** Whether a unit of a sentence ("git cherri pick") is, or holds, one the question asks ("cherri pick"). */
function holdsUnit(unit: string, asked: ReadonlySet<string>): boolean {
  for (const a of asked) if (` ${unit} `.includes(` ${a} `)) return true
  return false
}

/** Parts of speech of the words a question asks about. */
const FOCUS_POS: ReadonlySet<Pos> = new Set(['noun', 'name', 'number', 'verb'])
/** Share of the heaviest focal concept's weight from which a concept is part of the focus. */
const FOCUS_SHARE = 0.5

/** Credit of a prefix or typo match found by the search index, relative to the word asked. */
const LOOSE_CLOSENESS = 0.8

/** A term that finds a concept: which, how closely, and as which feature. */
interface Finder {
  concept: number
  closeness: number
  kind: Kind
}

/** Every term that finds a concept of the question, with how (a term may find several). */
class Finders {
  private readonly byTerm = new Map<string, Finder[]>()
  private readonly checked = new Set<string>()

  constructor(private readonly plan: QueryPlan) {
    plan.concepts.forEach((c, concept) => {
      for (const a of c.alternatives) {
        // An antonym widens the search ("optional" for "compulsory") but is no evidence of the word.
        const kind = KIND[a.relation]
        if (kind) this.add(a.term, { concept, closeness: Math.min(1, a.closeness), kind })
      }
    })
  }

  private add(term: string, f: Finder): void {
    const list = this.byTerm.get(term)
    if (!list) this.byTerm.set(term, [f])
    else {
      const old = list.find((x) => x.concept === f.concept)
      if (!old) list.push(f)
      else if (old.closeness < f.closeness) Object.assign(old, f)
    }
  }

  /** Adds the prefix and typo matches the search index made of a word the corpus lacks ("surveil" → "surveillance"). */
  learn(matched: readonly string[]): void {
    for (const t of matched) {
      if (this.checked.has(t)) continue
      this.checked.add(t)
      this.plan.concepts.forEach((c, concept) => {
        const own = c.alternatives[0]
        if (!own || !this.plan.loose.has(own.term) || this.byTerm.get(t)?.some((f) => f.concept === concept))
          return
        const edits = allowedEdits(own.term.length)
        if (t.startsWith(own.term) || editDistance(t, own.term, edits) <= edits)
          this.add(t, { concept, closeness: LOOSE_CLOSENESS, kind: 'exact' })
      })
    }
  }

  /** What a list of terms holds of each concept: its best finder, each term answering one concept at most. */
  find(concepts: readonly Concept[], terms: Iterable<string>): Found {
    const pairs: { term: string; value: number; f: Finder }[] = []
    for (const t of terms) {
      for (const f of this.byTerm.get(t) ?? []) {
        pairs.push({ term: t, value: (concepts[f.concept]?.weight ?? 0) * f.closeness, f })
      }
    }
    const closeness = new Float64Array(concepts.length)
    const kinds: (Kind | null)[] = new Array(concepts.length).fill(null)
    const via: (string | null)[] = new Array(concepts.length).fill(null)
    // Each word of the text answers one concept at most ("dynamics" is no answer to both
    // "changed" and "drive"): the heaviest concepts pick first.
    pairs.sort((a, b) => b.value - a.value)
    const used = new Set<string>()
    for (const p of pairs) {
      if (kinds[p.f.concept] !== null || used.has(p.term)) continue
      kinds[p.f.concept] = p.f.kind
      closeness[p.f.concept] = p.f.closeness
      via[p.f.concept] = p.term
      used.add(p.term)
    }
    return { closeness, kinds, via, terms: used }
  }
}

/** What a term set holds of each concept. */
interface Found {
  /** Per concept: closeness found (0 when not found) and how. */
  closeness: Float64Array
  kinds: (Kind | null)[]
  /** Per concept: the term that found it, or null. */
  via: (string | null)[]
  /** Terms that found a concept. */
  terms: Set<string>
}

const total = (concepts: readonly Concept[], closeness: Float64Array, counted: readonly boolean[]) =>
  concepts.reduce((acc, c, i) => acc + (counted[i] ? c.weight * (closeness[i] ?? 0) : 0), 0)

/** The part-of-speech share a concept's weight counts in. */
const POS_FEATURE: Record<Pos, 'nouns' | 'verbs' | 'modifiers'> = {
  noun: 'nouns',
  name: 'nouns',
  number: 'nouns',
  verb: 'verbs',
  adjective: 'modifiers',
  adverb: 'modifiers',
  other: 'modifiers',
}

/**
 * The sentences of the passages the search index finds for a question, each with its features.
 * `asked` holds the question's own lower-case words (an answer's name or number must be other words).
 */
export function candidatesFor(kb: Knowledge, plan: QueryPlan, analysis: QuestionAnalysis): Candidate[] {
  const out: Candidate[] = []
  if (plan.terms.size === 0) return out
  const results = searchPassages(kb, plan)
  const top = results[0]?.score ?? 1
  const concepts = plan.concepts
  const finders = new Finders(plan)
  for (const r of results) finders.learn(r.terms)
  // Words that ask for a kind of passage count apart: the voice feature says whether the passage is one.
  const frame = concepts.map((c) => isFrameWord(c.word))
  const content = frame.every(Boolean) ? frame.map(() => true) : frame.map((f) => !f)
  const weightSum = concepts.reduce((acc, c, k) => acc + (content[k] ? c.weight : 0), 0) || 1
  const frameSum = concepts.reduce((acc, c, k) => acc + (frame[k] ? c.weight : 0), 0)
  const heaviest = Math.max(...concepts.map((c, k) => (content[k] ? c.weight : 0)), 1e-9)
  const pos = concepts.map((c) => conceptPos(c, analysis))
  const posFeature = pos.map((p) => POS_FEATURE[p])
  const asked = new Set(tokenize(analysis.text).map((t) => t.word))
  // A word inside a larger unit holds the focus when the question asks that unit ("cherry-pick").
  const askedUnits = unitsOf(analysis.text)
  const asName = concepts.map((c) => analysis.names.has(c.word) || analysis.pos.get(c.word) === 'name')
  // The focus: the heaviest nouns, names, numbers and verbs (what the question asks about), the
  // noun a "which" asks about, or the heaviest concepts when the question has none of these.
  const focal = concepts.map((_, k) => content[k] === true && FOCUS_POS.has(pos[k] ?? 'other'))
  const pool = focal.some(Boolean) ? focal : content
  const focalTop = Math.max(...concepts.map((c, k) => (pool[k] ? c.weight : 0)))
  const focus = concepts.map(
    (c, k) => pool[k] === true && (c.weight >= FOCUS_SHARE * focalTop || c.word === analysis.whNoun),
  )
  const focusSum = concepts.reduce((acc, c, k) => acc + (focus[k] ? c.weight : 0), 0)
  // Only a concept's own word names a writer or a source, never its synonyms.
  const own = concepts.map((c) =>
    c.alternatives
      .filter((a) => a.relation === 'word' || a.relation === 'typo' || a.relation === 'phrase')
      .map((a) => a.term),
  )
  const names = (terms: ReadonlySet<string> | undefined) =>
    terms
      ? concepts.reduce((acc, c, k) => acc + ((own[k] ?? []).some((t) => terms.has(t)) ? c.weight : 0), 0)
      : 0
  const named = new Set([...kb.sourceNames].filter(([, terms]) => names(terms) > 0).map(([id]) => id))
  for (const r of results) {
    const passage = kb.passages.get(r.id as string)
    if (!passage) continue
    const sentences = kb.sentencesByPassage.get(passage.id) ?? []
    const meta = kb.meta.get(passage.id) ?? NONE
    const metaFound = finders.find(concepts, meta)
    const founds = sentences.map((s) => finders.find(concepts, s.terms))
    // What the passage holds, and what each sentence with its neighbours holds, of each concept:
    // the best of its sentences' (each sentence's words answer one concept each).
    const best = (list: readonly (Found | undefined)[]) => {
      const out = new Float64Array(concepts.length)
      for (const f of list)
        if (f) for (let k = 0; k < out.length; k++) out[k] = Math.max(out[k] ?? 0, f.closeness[k] ?? 0)
      return out
    }
    const passageShare = total(concepts, best([...founds, metaFound]), content) / weightSum
    const voice = analysis.voice === null ? 0 : passage.voice === analysis.voice ? 1 : -1
    const source = named.has(passage.sourceId) ? 1 : named.size > 0 ? -1 : 0
    sentences.forEach((s, i) => {
      const found = founds[i] as Found
      const facts = kb.facts.get(s)
      const f = new Float64Array(FEATURES.length)
      let any = 0
      let lacking = 0
      let focusFound = 0
      concepts.forEach((c, k) => {
        const kind = found.kinds[k]
        const value = c.weight * (kind ? (found.closeness[k] ?? 0) : (metaFound.closeness[k] ?? 0))
        if (frame[k] && !content[k]) {
          if (frameSum > 0) f[INDEX.frame] = (f[INDEX.frame] ?? 0) + value / frameSum
          return
        }
        // A word asked as a name ("What did Pence say?") may well be found inside one.
        const term = found.via[k] ?? null
        const units = term !== null ? facts.parts.get(term) : undefined
        const part =
          kind !== null &&
          !asName[k] &&
          units !== undefined &&
          ![...units].some((u) => holdsUnit(u, askedUnits))
        if (focus[k] && !part) focusFound += value
        if (kind === 'exact') f[INDEX.exact] = (f[INDEX.exact] ?? 0) + value / weightSum
        else if (kind === null && value > 0) f[INDEX.meta] = (f[INDEX.meta] ?? 0) + value / weightSum
        else if (kind === null) lacking = Math.max(lacking, c.weight)
        const p = posFeature[k] ?? 'modifiers'
        f[INDEX[p]] = (f[INDEX[p]] ?? 0) + value / weightSum
        any += value
      })
      f[INDEX.source] = source > 0 ? 1 : 0
      f[INDEX.sourceOther] = source < 0 ? 1 : 0
      f[INDEX.passage] = passageShare
      f[INDEX.search] = r.score / top
      f[INDEX.missing] = lacking / heaviest
      f[INDEX.type] = analysis.expects && holdsAnswer(facts.answers(analysis.expects), asked) ? 1 : 0
      f[INDEX.voice] = voice > 0 ? 1 : 0
      f[INDEX.voiceOther] = voice < 0 ? 1 : 0
      f[INDEX.doubt] = analysis.doubt && (facts.doubt || (kb.disputesBy.get(s.id)?.length ?? 0) > 0) ? 1 : 0
      f[INDEX.proximity] = proximity(facts.order, found.terms)
      out.push({
        sentence: s,
        passage,
        features: f,
        coverage: any / weightSum,
        focus: focusSum > 0 ? focusFound / focusSum : 1,
      })
    })
  }
  return out
}

const NONE: ReadonlySet<string> = new Set()

/** Matched words over the span of words they cover (0 with fewer than two). */
function proximity(order: readonly string[], matched: ReadonlySet<string>): number {
  if (matched.size < 2) return 0
  let first = -1
  let last = -1
  let count = 0
  const seen = new Set<string>()
  order.forEach((t, i) => {
    if (!matched.has(t) || seen.has(t)) return
    seen.add(t)
    if (first < 0) first = i
    last = i
    count += 1
  })
  return count < 2 ? 0 : count / (last - first + 1)
}
