import type { Answer, Caveat, Citation, Claim } from '../answer/types.js'
import { attributionOf, cutAtWord } from '../render/attribution.js'
import type { Remembered } from './conversations.js'
import type { FollowUpCue } from './follow-up-cues.js'
import { topicWords } from './follow-up-cues.js'
import type { SourceSummary } from './sources.js'
import { wordsOf } from './words.js'

/** What a follow-up is answered from. Only the public Answer shape and the engine's `ask` are used. */
export interface FollowUpContext {
  /** The answer the follow-up points back to: the one it replies to, or the conversation's last. */
  previous: Remembered
  /** The conversation's remembered answers, newest first (`previous` among them): their claims are "shown". */
  recent: readonly Remembered[]
  /** The engine's `ask`. */
  ask: (question: string) => Answer
  /** The sources, to tell which one a focus ("and the ACLU?") names. */
  sources: readonly SourceSummary[]
}

/** How a follow-up is answered: an answer with a line saying what it is about, or a short text. */
export type FollowUpReply = { answer: Answer; lead: string } | { text: string }

/** Most claims "what else?" brings. */
const MORE_CLAIMS = 5
/** Most quotes of the last answer asked again for "what else?" (each is one `ask`). */
const MORE_PROBES = 12

/**
 * Answers a follow-up from the answer before it: who disputes its claims, where they come from, what else the
 * sources say, or the same question about a new focus. Null when the message is better answered as a question
 * of its own (a contextual question the sources answer by itself, a focus that finds nothing).
 */
export function answerFollowUp(
  question: string,
  cue: FollowUpCue,
  context: FollowUpContext,
): FollowUpReply | null {
  switch (cue.kind) {
    case 'disputes':
      return disputesOf(question, context.previous)
    case 'sources':
      return sourcesOf(context.previous)
    case 'more':
      return moreThan(question, context)
    case 'focus':
      return focusOn(question, cue.focus, context)
    case 'contextual':
      return inContext(question, cue.anaphor, context)
  }
}

/** “my last answer (to “is it mandatory?”)”. */
function lastAnswer(previous: Remembered): string {
  return `my last answer (to “${squash(previous.topic)}”)`
}

function disputesOf(question: string, remembered: Remembered): FollowUpReply {
  const previous = remembered.answer
  const contested = previous.claims.filter((c) => c.contested)
  const n = previous.claims.length
  if (contested.length > 0) {
    const lead =
      n === 1
        ? `The claim in ${lastAnswer(remembered)} is disputed:`
        : `${contested.length} of the ${n} claims in ${lastAnswer(remembered)} ${contested.length === 1 ? 'is' : 'are'} disputed:`
    return { answer: derived(question, contested, previous.caveats), lead }
  }
  const claims = n === 1 ? 'the claim' : `any of the ${n} claims`
  const lines = [
    `No passage in the sources disputes ${claims} of ${lastAnswer(remembered)}: each is noted as not disputed.`,
  ]
  if (previous.caveats.length > 0) {
    lines.push(
      'Some of its sources are doubted as a whole, though:',
      ...previous.caveats.map((c) => `• ${squash(c.note)}`),
    )
  }
  return { text: lines.join('\n') }
}

/**
 * "Who says so?": for each claim of the answer before, who states it and who disputes it, by
 * name, kind of passage and source; not its quotes again (the answer above has them).
 */
function sourcesOf(remembered: Remembered): FollowUpReply {
  const previous = remembered.answer
  const sources = new Set(
    previous.claims.flatMap((c) => [...c.support, ...c.disputes].map((x) => x.sourceId)),
  )
  const lines = [
    `Who says what in ${lastAnswer(remembered)}, from ${sources.size === 1 ? 'one source' : `${sources.size} sources`}:`,
  ]
  previous.claims.forEach((claim, i) => {
    lines.push(`${i + 1}. “${cutAtWord(squash(claim.statement), STATEMENT_CHARS)}”`)
    lines.push(`   Stated by ${writers(claim.support)}.`)
    if (claim.disputes.length > 0) lines.push(`   Disputed by ${writers(claim.disputes)}.`)
  })
  if (previous.caveats.length > 0)
    lines.push(
      `Doubted as a whole: ${[...new Set(previous.caveats.map((c) => `“${cutAtWord(c.title, TITLE_CHARS)}”`))].join('; ')}.`,
    )
  lines.push('“Who disputes it?” shows the disputing quotes; /sources lists every document.')
  return { text: lines.join('\n') }
}

/** Each writer of some quotes once, with the kind of passage and the source: `Jay Stanley (article, “China’s…”)`. */
function writers(citations: readonly Citation[]): string {
  const seen = new Map<string, string>()
  for (const c of citations) {
    const a = attributionOf(c)
    const key = `${a.who}|${a.role}|${c.sourceId}`
    if (!seen.has(key)) seen.set(key, `${a.who} (${a.role}, “${cutAtWord(a.title, TITLE_CHARS)}”)`)
  }
  return [...seen.values()].join('; ')
}

/** Longest claim statement a "who says so?" reply repeats, and source title it names, in characters. */
const STATEMENT_CHARS = 100
const TITLE_CHARS = 48

function moreThan(question: string, context: FollowUpContext): FollowUpReply {
  const remembered = context.previous
  const previous = remembered.answer
  const shown = new Set(context.recent.flatMap((r) => r.answer.claims.map((c) => c.id)))
  const probes = [
    remembered.topic,
    ...previous.claims.flatMap((c) => [...c.support, ...c.disputes].map((q) => q.quote)),
  ].slice(0, MORE_PROBES + 1)
  const found = new Map<string, Claim>()
  const caveats: Caveat[] = []
  for (const probe of probes) {
    if (found.size >= MORE_CLAIMS) break
    const answer = context.ask(probe)
    if (!answer.answered) continue
    for (const claim of answer.claims) {
      if (shown.has(claim.id) || found.has(claim.id) || found.size >= MORE_CLAIMS) continue
      found.set(claim.id, claim)
    }
    caveats.push(...answer.caveats)
  }
  if (found.size === 0) {
    return {
      text: `That is all I found on it: ${lastAnswer(remembered)} already has every claim the sources make about it. /sources lists the documents; ask about another part of them.`,
    }
  }
  const claims = [...found.values()]
  return {
    answer: derived(question, claims, caveats),
    lead: `More from the sources, on what you asked before (“${squash(remembered.topic)}”):`,
  }
}

function focusOn(question: string, focus: string, context: FollowUpContext): FollowUpReply | null {
  const remembered = context.previous
  const previous = remembered.answer
  const named = namedBy(focus, context.sources)
  const matches = (c: Citation) => named.has(c.sourceId) || namesWriter(focus, c.author)
  const claims = previous.claims
    .filter((c) => [...c.support, ...c.disputes].some(matches))
    // Their quotes first, so that they are the ones shown when a platform has room for only a few.
    .map((c) => ({ ...c, support: first(c.support, matches), disputes: first(c.disputes, matches) }))
  if (claims.length > 0) {
    return {
      answer: derived(question, claims, previous.caveats),
      lead: `From ${lastAnswer(remembered)}, the ${claims.length === 1 ? 'claim' : 'claims'} where ${focus} is quoted:`,
    }
  }
  const together = context.ask(`${remembered.topic} ${focus}`)
  if (together.answered) {
    return {
      answer: { ...together, question },
      lead: `On what you asked before (“${squash(remembered.topic)}”), about ${focus}:`,
    }
  }
  return null
}

function inContext(question: string, anaphor: string, context: FollowUpContext): FollowUpReply | null {
  // A question the sources answer by itself is a new question, even with an "it" in it.
  if (context.ask(question).answered) return null
  const topic = context.previous.topic
  const together = context.ask(`${topic} ${question}`)
  if (!together.answered) return null
  return {
    answer: { ...together, question },
    lead: `Reading “${anaphor}” as what you asked before (“${squash(topic)}”):`,
  }
}

/** The sources a focus names: by a word of their author, publisher or title that the focus has as a topic word. */
function namedBy(focus: string, sources: readonly SourceSummary[]): Set<string> {
  const wanted = new Set(topicWords(focus))
  const ids = new Set<string>()
  for (const s of sources) {
    const named = [s.author, s.publisher].filter((x): x is string => typeof x === 'string')
    if (named.some((name) => wordsOf(name).some((w) => wanted.has(w)))) ids.add(s.id)
  }
  return ids
}

/** Whether a focus names a quote's writer (a reader: "and Edward Lin?"), by all the focus's topic words. */
function namesWriter(focus: string, author: string | null): boolean {
  if (author === null) return false
  const wanted = topicWords(focus)
  const words = new Set(wordsOf(author))
  return wanted.length > 0 && wanted.every((w) => words.has(w))
}

function first<T>(items: readonly T[], matches: (item: T) => boolean): T[] {
  return [...items.filter(matches), ...items.filter((i) => !matches(i))]
}

/** An answer made of claims already found, with the caveats on the sources they cite. */
function derived(question: string, claims: readonly Claim[], caveats: readonly Caveat[]): Answer {
  const cited = new Set(claims.flatMap((c) => c.support.map((s) => s.sourceId)))
  const seen = new Set<string>()
  const kept = caveats.filter((c) => {
    const key = `${c.citation.passageId}:${c.citation.start}`
    if (!cited.has(c.sourceId) || seen.has(key)) return false
    seen.add(key)
    return true
  })
  return { question, answered: true, claims: [...claims], caveats: kept.slice(0, 3) }
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
