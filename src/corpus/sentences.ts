import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'

/** A sentence of a passage: a verbatim span of the file. */
export interface SentenceSpan {
  /** Offset of the first character in the file. */
  start: number
  /** Offset one past the last character. */
  end: number
}

// wink-nlp's sentence boundary detection knows abbreviations ("St. Louis", "the U.S. Army",
// "Dr. Smith"), initials ("J. R. R. Tolkien"), times ("5 p.m.") and decimals ("$3.5 million");
// Intl.Segmenter's Unicode rules break after every one of them. Only the tokenizer and the
// sentence detector run (no tagging): the index build reads every passage once.
let nlp: ReturnType<typeof winkNLP> | null = null
const detector = () => {
  nlp ??= winkNLP(model, ['sbd'])
  return nlp
}
// Part-of-speech tags, only for the short pieces that may be fragments rather than sentences.
let tagger: ReturnType<typeof winkNLP> | null = null

/** Words a piece needs to be a sentence even without a verb. */
export const MIN_SENTENCE_WORDS = 5

/** Words in a span, roughly. */
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length

/** A word with its part of speech (a Universal tag: `ADJ`, `VERB`, `NOUN`, …) and its lemma, lower-cased. */
export interface TaggedWord {
  word: string
  pos: string
  /** The dictionary form ("made" → "make", "got" → "get"). */
  lemma: string
}

/** Texts tagged lately: claim building asks again for the same sentence's tags. */
const tagged = new Map<string, TaggedWord[]>()
/** Most texts kept (a long-running bot rebuilds its index; the cache must not grow with it). */
const TAGGED_KEPT = 20000

/** The words of a text with their part of speech and lemma (wink-nlp's tagger). */
export function tagWords(text: string): TaggedWord[] {
  let words = tagged.get(text)
  if (!words) {
    words = tagNow(text)
    if (tagged.size >= TAGGED_KEPT) tagged.clear()
    tagged.set(text, words)
  }
  return words
}

function tagNow(text: string): TaggedWord[] {
  tagger ??= winkNLP(model, ['pos'])
  // A word in capitals ("totally OPTIONAL", a headline) is tagged as the word, not as a name.
  const doc = tagger.readDoc(text.replace(/\b\p{Lu}{2,}\b/gu, (w) => w.toLowerCase()))
  const words = doc.tokens().out(tagger.its.normal) as string[]
  const tags = doc.tokens().out(tagger.its.pos) as string[]
  const lemmas = doc.tokens().out(tagger.its.lemma as unknown as typeof tagger.its.value) as string[]
  return words.map((word, i) => ({ word, pos: tags[i] ?? 'X', lemma: (lemmas[i] ?? word).toLowerCase() }))
}

/**
 * True when a short piece has no verb: a fragment that goes with the sentence before it ("All
 * 869,582 of them.", "So far.", "— Quote from China Daily Asia", "What a ridiculous article."),
 * not a sentence of its own ("I am!", "They got nowhere.").
 */
export function isFragment(text: string): boolean {
  if (wordCount(text) >= MIN_SENTENCE_WORDS) return false
  // "For the time being": a gerund of "be" is no verb of a sentence.
  return !tagWords(text).some((w) => w.pos === 'VERB' || (w.pos === 'AUX' && w.word !== 'being'))
}

// "nonsense.Sesame", "Alibaba.And": a sentence end written without the space after it.
// "OPTIONAL!If": after an exclamation or a question mark, whatever the case of the word before.
const GLUED_END = /(?:\p{Ll}{2}[.!?]|\p{Lu}{2}[!?])(?=[\p{Lu}][\p{Ll}])/gu

/**
 * The sentences of a text as offsets into it, from wink-nlp's tokens: each token is found in the
 * text after the one before (the detector keeps tokens verbatim, but not every kind of white space
 * between them), so a sentence runs from its first token's first character to its last token's last.
 */
function detect(text: string): SentenceSpan[] {
  const nlp = detector()
  const doc = nlp.readDoc(text)
  const values = doc.tokens().out(nlp.its.value) as string[]
  const starts = new Array<number>(values.length)
  let at = 0
  values.forEach((v, i) => {
    const found = text.indexOf(v, at)
    starts[i] = found < 0 ? at : found
    at = found < 0 ? at : found + v.length
  })
  const spans = doc.sentences().out(nlp.its.span) as unknown as [number, number][]
  return spans.map(([first, last]) => ({
    start: starts[first] ?? 0,
    end: (starts[last] ?? 0) + (values[last]?.length ?? 0),
  }))
}

/**
 * Splits a passage into sentences (wink-nlp's sentence boundary detection), also at sentence ends
 * written without a space and at line breaks (not at one that only wraps a sentence, see
 * `wrapped`), keeping footnote marks with the sentence they
 * annotate. Sentences are never joined; a fragment (a short piece without a verb, see
 * `isFragment`) goes with the sentence before it. Offsets are relative to the file: `offset` is
 * the passage's start.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const raw: SentenceSpan[] = []
  // The detector reads the passage once; its sentences are then cut at line breaks and at
  // sentence ends written without a space.
  for (const seg of joinUnspaced(text, detect(text))) {
    const piece = text.slice(seg.start, seg.end)
    const cuts = [0]
    for (const m of piece.matchAll(GLUED_END)) cuts.push(m.index + 3)
    for (const m of piece.matchAll(/\r?\n/g))
      if (!wrapped(piece, m.index, m.index + m[0].length)) cuts.push(m.index + m[0].length)
    cuts.push(piece.length)
    cuts.sort((x, y) => x - y)
    for (let i = 0; i + 1 < cuts.length; i++) {
      const span = tightenSpan(text, seg.start + (cuts[i] ?? 0), seg.start + (cuts[i + 1] ?? 0))
      if (span) raw.push(span)
    }
  }
  // Footnote marks ("[1][2]") after a full stop belong to the sentence they annotate.
  for (let i = 1; i < raw.length; i++) {
    const cur = raw[i] as SentenceSpan
    const prev = raw[i - 1] as SentenceSpan
    const opened = text[prev.end - 1] === '[' ? '[' : ''
    const marks = new RegExp(`^${opened ? '\\d+\\]' : ''}(\\[\\d+\\])*\\s*`).exec(
      text.slice(cur.start, cur.end),
    )
    if (!marks || marks[0] === '') continue
    prev.end = cur.start + marks[0].trimEnd().length
    cur.start += marks[0].length
  }
  const out: SentenceSpan[] = []
  for (const s of raw) {
    if (s.end <= s.start) continue
    const prev = out[out.length - 1]
    if (prev && (continues(text, prev, s) || isFragment(text.slice(s.start, s.end)))) prev.end = s.end
    else out.push({ ...s })
  }
  // A fragment that opens a passage ("Yeah.") goes with the sentence after it; alone, it stays.
  const first = out[0]
  const second = out[1]
  if (first && second && isFragment(text.slice(first.start, first.end)))
    out.splice(0, 2, { start: first.start, end: second.end })
  return out.map((s) => ({ start: s.start + offset, end: s.end + offset }))
}

/**
 * Joins detected sentences with no space between them: a full stop inside a word is a domain or a
 * file name ("Metro.co.uk", "www.attendance.gov.in"), or an ellipsis ("aired...yet"); sentence
 * ends written without a space are cut afterwards, by `GLUED_END`.
 */
function joinUnspaced(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  const out: SentenceSpan[] = []
  for (const s of spans) {
    const prev = out[out.length - 1]
    if (prev && s.start === prev.end && !/\s/.test(text[s.start] ?? ' ')) prev.end = s.end
    else out.push({ ...s })
  }
  return out
}

/**
 * True when `next` goes on with `prev` rather than starting a sentence: it holds no letter or
 * digit (a closing bracket, a lone quote mark), it opens with the closing quote mark of `prev`'s
 * quotation, it names after a dash who said the quotation that `prev` ends with, or it starts in lower case after a full stop or a closing quote (an abbreviation the
 * detector did not know, "Warner Bros. but the studio…"; an attribution, "“Really?” he asked").
 */
function continues(text: string, prev: SentenceSpan, next: SentenceSpan): boolean {
  const body = text.slice(next.start, next.end)
  if (!/[\p{L}\p{N}]/u.test(body)) return true
  if (/^[”’»]/u.test(body)) return true
  const end = text.slice(Math.max(prev.start, prev.end - 2), prev.end)
  // "…lifestyle.” — Quote from China Daily Asia": who is quoted.
  if (/^[—–]/u.test(body) && /[”"’']$/u.test(end)) return true
  // "iCloud", "eBay": a name written with a small first letter starts a sentence all the same.
  return /^\p{Ll}(?!\p{L}*\p{Lu})/u.test(body) && /(?:\.\)?|[.!?,]?[”"’'])$/u.test(end)
}

/**
 * True when the line break at `from`–`to` of `text` only wraps a sentence (a manual's lines are
 * cut at 70 characters): the line before ends without a sentence's closing punctuation and the
 * next goes on in lower case, or with a code span, a link or a number ("…the revision which" /
 * "last modified the line.").
 */
function wrapped(text: string, from: number, to: number): boolean {
  const before = text.slice(0, from).trimEnd()
  const after = text.slice(to).trimStart()
  return (
    /[^.!?:;”"’)\]]$/u.test(before) && /^[\p{Ll}`'(<{\d]/u.test(after) && !/^\s*[-*•]\s/.test(text.slice(to))
  )
}

function tightenSpan(text: string, a: number, b: number): SentenceSpan | null {
  let s = a
  let e = b
  while (s < e && /\s/.test(text[s] ?? '')) s += 1
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1
  return e > s ? { start: s, end: e } : null
}
