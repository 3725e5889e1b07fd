import type { SentenceRecord } from '../claims/types.js'
import { disputePhrase } from '../claims/cues.js'
import type { Passage } from '../corpus/types.js'
import type { Concept, QueryPlan } from '../search/query.js'
import { allowedEdits, editDistance } from '../search/spelling.js'
import { type Token, tokenize } from '../search/text.js'
import { holdsAnswer } from './answer-types.js'
import type { Knowledge } from './knowledge.js'
import { isFrameWord, type Pos, type QuestionAnalysis } from './question.js'
import { searchPassages } from './rank.js'

/**
 * The named features a sentence is ranked by for a question. Each is a number, most of them
 * 0–1; the ranking model (model.ts) weighs them with weights fitted on the evaluation set.
 */
export const FEATURES = [
  /** Share of the question's concept weight the sentence holds as written (or as a typo's correction). */
  'exact',
  /** …through a word of the same root ("mandated" for "mandatory"). */
  'derived',
  /** …through a synonym. */
  'synonym',
  /** …through a broader or narrower word, a member or a part ("blacklist" for "list"). */
  'broader',
  /** …through a named instance ("Sakharov" for "scientist"). */
  'instance',
  /** …through an antonym. */
  'opposite',
  /** …only through what is known of its passage: its writer, source, section. */
  'meta',
  /** Share of the question's concept weight that names who wrote the passage ("What did Edward Lin say?"). */
  'writer',
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
  /** Share of the concept weight it holds only as part of a larger unit: a name ("President" of "Vice President Pence") or a hyphenated word ("founded" of "well-founded"). */
  'partOnly',
  /** The share held by its whole passage. */
  'passage',
  /** What the sentences either side add to it. */
  'context',
  /** The search index's score of its passage, relative to the best. */
  'search',
  /** The weight of the heaviest concept it lacks, relative to the heaviest concept (0 when it lacks none). */
  'missing',
  /** 1 when the question asks which thing of a kind ("Which scientist…", "any other country") and the sentence names one: an instance or a kind of it. */
  'whInstance',
  /** 1 when the question wants a kind of answer (a date, a number, a name, a reason) and the sentence holds one. */
  'type',
  /** 1 when the question asks for a kind of passage (readers, an update, the article) and this is one. */
  'voice',
  /** 1 when it asks for a kind of passage and this is another kind. */
  'voiceOther',
  /** 1 when the question asks whether something holds and the sentence doubts or denies. */
  'doubt',
  /** 1 when the sentence states a checkable claim. */
  'claim',
  /** 1 when the sentence is short (under 8 words). */
  'short',
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

/** How each kind of lexicon relation counts as a feature. */
const KIND: Record<string, FeatureName> = {
  word: 'exact',
  typo: 'exact',
  phrase: 'exact',
  der: 'derived',
  syn: 'synonym',
  hyper: 'broader',
  hypo: 'broader',
  part: 'broader',
  cls: 'instance',
  ant: 'opposite',
  opp: 'opposite',
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

/** Parts of speech of the words a question asks about. */
const FOCUS_POS: ReadonlySet<Pos> = new Set(['noun', 'name', 'number', 'verb'])
/** Share of the heaviest focal concept's weight from which a concept is part of the focus. */
const FOCUS_SHARE = 0.5

/** Credit of a prefix or typo match found by the search index, relative to the word asked. */
const LOOSE_CLOSENESS = 0.8
/** Words under which a sentence is short. */
const SHORT_WORDS = 8

/** For one concept: each term that finds it, how closely, and as which feature. */
type Finders = Map<string, { closeness: number; kind: FeatureName }>

function findersOf(plan: QueryPlan, matched: ReadonlySet<string>): Finders[] {
  return plan.concepts.map((c) => {
    const m: Finders = new Map()
    for (const a of c.alternatives) {
      const kind = KIND[a.relation] ?? 'synonym'
      const old = m.get(a.term)
      if (!old || old.closeness < a.closeness) m.set(a.term, { closeness: Math.min(1, a.closeness), kind })
    }
    const own = c.alternatives[0]
    if (own && plan.loose.has(own.term)) {
      const edits = allowedEdits(own.term.length)
      for (const t of matched) {
        if (m.has(t)) continue
        if (t.startsWith(own.term) || editDistance(t, own.term, edits) <= edits)
          m.set(t, { closeness: LOOSE_CLOSENESS, kind: 'exact' })
      }
    }
    return m
  })
}

/** What a term set holds of each concept: its best finder, each term answering one concept at most. */
interface Found {
  /** Per concept: closeness found (0 when not found) and how. */
  closeness: Float64Array
  kinds: (FeatureName | null)[]
  /** Terms that found a concept. */
  terms: Set<string>
}

function find(concepts: readonly Concept[], finders: readonly Finders[], terms: ReadonlySet<string>): Found {
  const pairs: { concept: number; term: string; value: number; closeness: number; kind: FeatureName }[] = []
  concepts.forEach((c, i) => {
    for (const [t, f] of finders[i] ?? []) {
      if (terms.has(t)) pairs.push({ concept: i, term: t, value: c.weight * f.closeness, ...f })
    }
  })
  // Each word of the text answers one concept at most ("dynamics" is no answer to both
  // "changed" and "drive"): the heaviest concepts pick first.
  pairs.sort((a, b) => b.value - a.value)
  const closeness = new Float64Array(concepts.length)
  const kinds: (FeatureName | null)[] = concepts.map(() => null)
  const used = new Set<string>()
  for (const p of pairs) {
    if (kinds[p.concept] !== null || used.has(p.term)) continue
    kinds[p.concept] = p.kind
    closeness[p.concept] = p.closeness
    used.add(p.term)
  }
  return { closeness, kinds, terms: used }
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
  // Words that ask for a kind of passage count apart: the voice feature says whether the passage is one.
  const frame = concepts.map((c) => isFrameWord(c.word))
  const content = frame.every(Boolean) ? frame.map(() => true) : frame.map((f) => !f)
  const weightSum = concepts.reduce((acc, c, k) => acc + (content[k] ? c.weight : 0), 0) || 1
  const frameSum = concepts.reduce((acc, c, k) => acc + (frame[k] ? c.weight : 0), 0)
  const heaviest = Math.max(...concepts.map((c, k) => (content[k] ? c.weight : 0)), 1e-9)
  const posOf = concepts.map((c) => POS_FEATURE[conceptPos(c, analysis)])
  const asked = new Set(tokenize(analysis.text).map((t) => t.word))
  const asName = concepts.map((c) => analysis.names.has(c.word) || analysis.pos.get(c.word) === 'name')
  // The focus: the heaviest nouns, names, numbers and verbs (what the question asks about), the
  // noun a "which" asks about, or the heaviest concepts when the question has none of these.
  const posOfConcept = concepts.map((c) => conceptPos(c, analysis))
  const focal = concepts.map((c, k) => content[k] && FOCUS_POS.has(posOfConcept[k] ?? 'other'))
  const pool = focal.some(Boolean) ? focal : content
  const focalTop = Math.max(...concepts.map((c, k) => (pool[k] ? c.weight : 0)))
  const focus = concepts.map(
    (c, k) => pool[k] === true && (c.weight >= FOCUS_SHARE * focalTop || c.word === analysis.whNoun),
  )
  const focusSum = concepts.reduce((acc, c, k) => acc + (focus[k] ? c.weight : 0), 0)
  const asksKind = analysis.whNoun ? concepts.findIndex((c) => c.word === analysis.whNoun) : -1
  const NONE: ReadonlySet<string> = new Set()
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
    const finders = findersOf(plan, new Set(r.terms))
    const sentences = kb.sentencesByPassage.get(passage.id) ?? []
    const meta = kb.meta.get(passage.id) ?? NONE
    const termSets = sentences.map((s) => new Set(s.terms))
    const share = (found: Found) => total(concepts, found.closeness, content) / weightSum
    const passageShare = share(
      find(concepts, finders, new Set([...termSets.flatMap((t) => [...t]), ...meta])),
    )
    const metaFound = find(concepts, finders, meta)
    sentences.forEach((s, i) => {
      const terms = termSets[i] as Set<string>
      const found = find(concepts, finders, terms)
      const f = new Float64Array(FEATURES.length)
      let any = 0
      let lacking = 0
      concepts.forEach((c, k) => {
        const kind = found.kinds[k]
        const text = c.weight * (found.closeness[k] ?? 0)
        const value = kind ? text : c.weight * (metaFound.closeness[k] ?? 0)
        if (frame[k] && !content[k]) {
          if (frameSum > 0) f[INDEX.frame] = (f[INDEX.frame] ?? 0) + value / frameSum
          return
        }
        if (kind) f[INDEX[kind]] = (f[INDEX[kind]] ?? 0) + value / weightSum
        else if (value > 0) f[INDEX.meta] = (f[INDEX.meta] ?? 0) + value / weightSum
        else lacking = Math.max(lacking, c.weight)
        const pos = posOf[k] ?? 'modifiers'
        f[INDEX[pos]] = (f[INDEX[pos]] ?? 0) + value / weightSum
        any += value
      })
      const around = new Set([...terms, ...(termSets[i - 1] ?? []), ...(termSets[i + 1] ?? [])])
      const aroundShare = share(find(concepts, finders, around))
      const ownShare = share(found)
      const text = kb.slice(passage.sourceId, s.start, s.end)
      f[INDEX.writer] = names(kb.writers.get(passage.id)) / weightSum
      f[INDEX.source] = named.has(passage.sourceId) ? 1 : 0
      f[INDEX.sourceOther] = named.size > 0 && !named.has(passage.sourceId) ? 1 : 0
      f[INDEX.passage] = passageShare
      f[INDEX.context] = Math.max(0, aroundShare - ownShare)
      f[INDEX.search] = r.score / top
      f[INDEX.missing] = lacking / heaviest
      f[INDEX.whInstance] =
        asksKind >= 0 && (found.kinds[asksKind] === 'instance' || found.kinds[asksKind] === 'broader') ? 1 : 0
      f[INDEX.type] = analysis.expects && holdsAnswer(analysis.expects, text, asked) ? 1 : 0
      f[INDEX.voice] = analysis.voice !== null && passage.voice === analysis.voice ? 1 : 0
      f[INDEX.voiceOther] = analysis.voice !== null && passage.voice !== analysis.voice ? 1 : 0
      f[INDEX.doubt] =
        analysis.doubt && (disputePhrase(text) !== null || (kb.disputesBy.get(s.id)?.length ?? 0) > 0) ? 1 : 0
      f[INDEX.claim] = s.worthy ? 1 : 0
      const tokens = tokenize(text)
      const parts = partOnlyTerms(text, tokens)
      let focusFound = 0
      concepts.forEach((c, k) => {
        if (!found.kinds[k]) {
          // Who wrote it or where it stands ("What did Edward Lin say?") holds a focus too.
          if (focus[k]) focusFound += c.weight * (metaFound.closeness[k] ?? 0)
          return
        }
        // A word asked as a name ("What did Pence say?") may well be found inside one.
        const term =
          parts.size > 0 && !asName[k]
            ? [...(finders[k]?.keys() ?? [])].find((t) => found.terms.has(t) && terms.has(t))
            : undefined
        const part = term !== undefined && parts.has(term)
        if (part && content[k])
          f[INDEX.partOnly] = (f[INDEX.partOnly] ?? 0) + (c.weight * (found.closeness[k] ?? 0)) / weightSum
        if (!part && focus[k]) focusFound += c.weight * (found.closeness[k] ?? 0)
      })
      f[INDEX.short] = tokens.length < SHORT_WORDS ? 1 : 0
      f[INDEX.proximity] = proximity(tokens, found.terms)
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

/**
 * The terms a sentence holds only as part of a larger unit: inside a name of several capitalised
 * words ("Vice President Pence") or a hyphenated word ("well-founded").
 */
function partOnlyTerms(text: string, tokens: readonly Token[]): Set<string> {
  const capital = tokens.map((t) => /^\p{Lu}/u.test(text.slice(t.start, t.end)) && t.term !== '')
  const alone = new Set<string>()
  const within = new Set<string>()
  tokens.forEach((t, i) => {
    if (!t.term) return
    const gap = (a: number, b: number) => text.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0)
    const hyphen = (i > 0 && gap(i - 1, i) === '-') || (i + 1 < tokens.length && gap(i, i + 1) === '-')
    const named =
      capital[i] === true &&
      ((i > 0 && capital[i - 1] === true && gap(i - 1, i) === ' ') ||
        (i + 1 < tokens.length && capital[i + 1] === true && gap(i, i + 1) === ' '))
    if (hyphen || named) within.add(t.term)
    else alone.add(t.term)
  })
  for (const t of alone) within.delete(t)
  return within
}

/** Matched words over the span of words they cover (0 with fewer than two). */
function proximity(tokens: readonly { term: string }[], matched: ReadonlySet<string>): number {
  let first = -1
  let last = -1
  let count = 0
  const seen = new Set<string>()
  tokens.forEach((t, i) => {
    if (!matched.has(t.term) || seen.has(t.term)) return
    seen.add(t.term)
    if (first < 0) first = i
    last = i
    count += 1
  })
  return count < 2 ? 0 : count / (last - first + 1)
}
