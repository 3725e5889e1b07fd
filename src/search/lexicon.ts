import phrases from '../data/phrases.json' with { type: 'json' }
import { NAME_WORD_CREDIT, type Name } from './names.js'
import { TAG_WORDS } from './tags.js'
import { phraseKey, termOf } from './text.js'
import type { Synset, WordNet } from './wordnet.js'

/**
 * How an expansion relates to the word asked: `syn` a synonym or similar word, `der` a word
 * derived from the same root, `ant` an antonym, `cls` a named instance of a class ("country" →
 * "Chile", "scientist" → "Sakharov"), `phrase` from the supplement of phrases WordNet lacks.
 * `ant` is an antonym between adjectives ("optional" / "mandatory"), the kind that marks a
 * contradiction; `opp` any other antonym ("raise" / "lower"), used only to widen a search.
 * `hypo` a kind of the word asked ("list" → "blacklist"), `hyper` what the word asked is a kind
 * of ("supporter" → "proponent"), `part` a word tied to it as member or place ("American" →
 * "United States"); these three only widen a search, they never make two sentences alike.
 */
export type Relation = 'syn' | 'der' | 'ant' | 'opp' | 'cls' | 'phrase' | 'hypo' | 'hyper' | 'part'

/** One expansion: a search term, how much it counts (0–1) and why. */
export type Expansion = [term: string, weight: number, relation: Relation]

/**
 * Query expansions, built from WordNet for the corpus's vocabulary: a search term (a stem, or a
 * phrase of lower-case words such as `opt out`) → terms of the corpus it should also reach.
 */
export type Lexicon = Record<string, Expansion[]>

/** Weights of each relation, relative to the word asked (1). */
export const RELATION_WEIGHTS = {
  synonym: 0.7,
  similar: 0.6,
  derived: 0.6,
  inflection: 0.9,
  antonym: 0.4,
  instance: 0.8,
  phrase: 0.8,
  hyponym: 0.5,
  hypernym: 0.4,
  part: 0.5,
} as const

/** Levels of classes above a named instance that reach it ("Sakharov" → nuclear physicist → physicist → scientist). */
const INSTANCE_LEVELS = 3

/** WordNet senses looked at per part of speech for synonyms: the most frequent only, as rarer senses bring noise ("range" → "roam"). */
const SYNONYM_SENSES = 1
/** Senses looked at for derivations and antonyms, which are tied to a word rather than a sense. */
const SENSES = 2

/** Words of general English that WordNet lacks or that stop words would swallow, with WordNet lemmas they mean (data: src/data/phrases.json). */
export const PHRASES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(phrases).filter((e): e is [string, string[]] => Array.isArray(e[1])),
)

interface Builder {
  add(key: string, term: string, weight: number, rel: Relation): void
  done(): Lexicon
}

// The same order as `localeCompare`, without making a collator for every comparison.
const collator = new Intl.Collator()

function builder(vocab: ReadonlySet<string>): Builder {
  const map = new Map<string, Map<string, Expansion>>()
  return {
    add(key, term, weight, rel) {
      if (key === '' || term === '' || key === term || !vocab.has(term)) return
      const entry = map.get(key) ?? new Map<string, Expansion>()
      const old = entry.get(term)
      // A shared root ("mandate", "mandatory") is the closer tie: keep it when a synonym link also exists.
      const keep: Relation =
        old && (old[2] === 'der' || rel === 'der') && old[2] !== 'ant' && rel !== 'ant' ? 'der' : rel
      if (!old || old[1] < weight) entry.set(term, [term, weight, keep])
      else if (keep !== old[2]) entry.set(term, [term, old[1], keep])
      map.set(key, entry)
    },
    done() {
      const out: Lexicon = {}
      for (const [key, entry] of [...map].sort(([a], [b]) => collator.compare(a, b))) {
        out[key] = [...entry.values()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))
      }
      return out
    },
  }
}

/** The search term of a lemma: its stem for one word, '' for a phrase (phrases are keyed apart). */
const termOfLemma = (lemma: string) => (lemma.includes(' ') ? '' : termOf(lemma))

/** The key of a lemma: its term for one word, its phrase key for several ('' for neither). */
const keyOfLemma = (lemma: string) => {
  if (!lemma.includes(' ')) return termOf(lemma)
  // "the States", "the Hague": a name WordNet files with its article, which a question writes
  // before common nouns too ("the state's own system").
  if (lemma.startsWith('the ')) return ''
  const words = lemma.split(/[ -]/).filter(Boolean)
  return words.length > 1 && words.length <= 4 && words.every((w) => /^[a-z]+$/.test(w))
    ? phraseKey(words)
    : ''
}

const isAdjective = (s: Synset) => s.pos === 'a' || s.pos === 's'

function wordsOf(synset: Synset, wordNumber: number): string[] {
  if (wordNumber === 0) return synset.words
  const w = synset.words[wordNumber - 1]
  return w ? [w] : []
}

/**
 * Builds the query-expansion lexicon for a corpus from WordNet: for every WordNet lemma, the
 * corpus terms it reaches through synonyms, similar-to links, derivations and antonyms (also the
 * antonyms of a satellite's head), and for the corpus's proper nouns, the classes they are
 * instances of. `vocab` is the corpus's set of search terms; `properNouns` its capitalised words.
 */
export function buildLexicon(
  wn: WordNet,
  vocab: ReadonlySet<string>,
  properNouns: Iterable<string>,
  names: Iterable<Name> = [],
): Lexicon {
  const b = builder(vocab)
  const W = RELATION_WEIGHTS
  const nameList = [...names]
  const synset = (key: string) => wn.synsets.get(key)
  // A lemma of several words reaches the corpus as a name the corpus has ("Soviet Union").
  const termIn = (word: string) => (word.includes(' ') ? word.replace(/[ -]/g, '_') : termOfLemma(word))
  // Most synsets hold no word of the corpus: each synset's words in the corpus are worked out
  // once, not again for every lemma that reaches it (the loop below visits synsets millions of times).
  const inCorpus = new Map<Synset, string[]>()
  const corpusWords = (t: Synset) => {
    let found = inCorpus.get(t)
    if (!found) {
      found = t.words.filter((w) => vocab.has(termIn(w)))
      inCorpus.set(t, found)
    }
    return found
  }
  const add = (key: string, word: string, weight: number, rel: Relation) => {
    b.add(key, termIn(word), weight, rel)
  }
  for (const [lemma, lists] of wn.senses) {
    const key = keyOfLemma(lemma)
    if (key === '') continue
    for (const keys of lists) {
      keys.slice(0, SENSES).forEach((sk, sense) => {
        const s = synset(sk)
        if (!s) return
        const self = s.words.indexOf(lemma) + 1
        const synonyms = sense < SYNONYM_SENSES
        if (synonyms) for (const w of corpusWords(s)) add(key, w, W.synonym, 'syn')
        for (const p of s.pointers) {
          if (p.source !== 0 && p.source !== self) continue
          const t = synset(p.target)
          if (!t) continue
          if (p.symbol === '&' && synonyms) {
            for (const w of corpusWords(t)) add(key, w, W.similar, 'syn')
            // A satellite's head carries the antonyms: "mandatory" → "obligatory" ↔ "optional".
            for (const q of t.pointers) {
              const u = q.symbol === '!' ? synset(q.target) : undefined
              if (u) for (const w of wordsOf(u, q.targetWord)) add(key, w, W.antonym, 'ant')
            }
          } else if (p.symbol === '+') {
            for (const w of wordsOf(t, p.targetWord)) add(key, w, W.derived, 'der')
          } else if (p.symbol === '!') {
            const rel = isAdjective(s) && isAdjective(t) ? 'ant' : 'opp'
            for (const w of wordsOf(t, p.targetWord)) add(key, w, W.antonym, rel)
            // The antonym's satellites are antonyms too: "optional" ↔ "compulsory", "mandatory".
            for (const q of t.pointers) {
              const u = q.symbol === '&' ? synset(q.target) : undefined
              if (u) for (const w of corpusWords(u)) add(key, w, W.antonym, rel)
            }
          } else if (synonyms && s.pos === 'n' && p.symbol === '~') {
            // Kinds of the thing asked ("list" → "blacklist"), in its most frequent sense only; a
            // verb's or an adjective's are too many and too loose ("change" → "accelerate").
            for (const w of corpusWords(t)) add(key, w, W.hyponym, 'hypo')
          } else if (synonyms && s.pos === 'n' && (p.symbol === '@' || p.symbol === '@i')) {
            for (const w of corpusWords(t)) add(key, w, W.hypernym, 'hyper')
          } else if (synonyms && (p.symbol === '#m' || p.symbol === '%m' || p.symbol === '\\')) {
            // Members and pertainyms: "American" → "United States" (parts are too loose:
            // "United States" → "North America").
            for (const w of wordsOf(t, p.targetWord)) add(key, w, W.part, 'part')
          }
        }
      })
    }
  }
  addInstances(b, wn, [...properNouns, ...nameList.map((n) => n.term.replace(/_/g, ' '))])
  addCompounds(b, wn, vocab)
  addComparisons(b, wn)
  addPhrases(b, vocab)
  // A name asked for is found as the name, or a little by each of its words.
  for (const n of nameList) {
    b.add(n.key, n.term, 1, 'phrase')
    for (const w of n.words) b.add(n.key, w, NAME_WORD_CREDIT, 'phrase')
  }
  for (const [word, [tag, credit]] of Object.entries(TAG_WORDS)) b.add(termOf(word), tag, credit, 'phrase')
  return b.done()
}

// "Chile" is an instance of "South American country", a kind of "country": asking about a
// country should reach the passages about Chile.
function addInstances(b: Builder, wn: WordNet, properNouns: Iterable<string>): void {
  for (const noun of properNouns) {
    const term = noun.includes(' ') ? noun.replace(/ /g, '_') : termOf(noun)
    const nounSenses = wn.senses.get(noun)?.[0] ?? []
    for (const sk of nounSenses.slice(0, SENSES)) {
      const s = wn.synsets.get(sk)
      if (s?.pos !== 'n') continue
      // The classes it is an instance of, then theirs, a few levels up, each a little weaker.
      let level = s.pointers.filter((x) => x.symbol === '@i').map((x) => x.target)
      const seen = new Set<string>()
      for (let depth = 0; depth < INSTANCE_LEVELS && level.length > 0; depth++) {
        const next: string[] = []
        for (const key of level) {
          const cls = wn.synsets.get(key)
          if (!cls || seen.has(key)) continue
          seen.add(key)
          for (const w of cls.words) {
            const k = keyOfLemma(w)
            if (k) b.add(k, term, RELATION_WEIGHTS.instance * 0.85 ** depth, 'cls')
          }
          next.push(...cls.pointers.filter((x) => x.symbol === '@').map((x) => x.target))
        }
        level = next
      }
    }
  }
}

/** Shortest part of a compound word ("white" + "list"). */
const COMPOUND_PART = 3

// "whitelist" is a kind of list and "screenshot" a kind of shot: a word of the corpus that
// WordNet lacks but that is two of its words written together is a kind of its last part, as
// English compounds are. A compound WordNet knows ("understand") means what WordNet says.
function addCompounds(b: Builder, wn: WordNet, vocab: ReadonlySet<string>): void {
  const nouns = new Set<string>()
  const words = new Set<string>()
  // Words with several meanings as nouns: "number" is no one who numbs.
  const polysemous = new Set<string>()
  for (const [lemma, lists] of wn.senses) {
    if (!/^[a-z]+$/.test(lemma)) continue
    const t = termOf(lemma)
    if (!t) continue
    words.add(t)
    const asNoun = lists.find((keys) => keys[0]?.startsWith('n'))
    if (asNoun) nouns.add(t)
    if ((asNoun?.length ?? 0) > 1) polysemous.add(t)
  }
  for (const t of vocab) {
    if (t.length < 2 * COMPOUND_PART || words.has(t) || !/^[a-z]+$/.test(t)) continue
    // The first part is a word of its own, not a syllable ("Alipay" is no kind of pay).
    for (let i = COMPOUND_PART + 1; i <= t.length - COMPOUND_PART; i++) {
      const head = t.slice(i)
      if (nouns.has(head) && words.has(t.slice(0, i))) b.add(head, t, RELATION_WEIGHTS.hyponym, 'hypo')
    }
  }
  // An agent noun and its root: a debtor owes a debt, a lender lends, a borrower borrows. The
  // stemmer keeps them apart, and WordNet does not always link them.
  for (const t of vocab) {
    const m = /^([a-z]{4,})(?:or|er)$/.exec(t)
    const root = m?.[1]
    if (!root || polysemous.has(t) || !(vocab.has(root) && words.has(root))) continue
    b.add(root, t, RELATION_WEIGHTS.derived, 'der')
    b.add(t, root, RELATION_WEIGHTS.derived, 'der')
  }
}

/** Irregular comparatives and superlatives of English adjectives. */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  good: ['better', 'best'],
  bad: ['worse', 'worst'],
  far: ['farther', 'farthest', 'further', 'furthest'],
}

/** The regular comparative and superlative of a one-word adjective ("low" → "lower", "lowest"). */
export function comparisons(adjective: string): string[] {
  if (IRREGULAR[adjective]) return [...(IRREGULAR[adjective] ?? [])]
  const a = adjective
  if (a.endsWith('e')) return [`${a}r`, `${a}st`]
  if (/[^aeiou]y$/.test(a)) return [`${a.slice(0, -1)}ier`, `${a.slice(0, -1)}iest`]
  // One short syllable ending in a consonant doubles it: "big" → "bigger".
  const stem = /^[^aeiou]*[aeiou][bdgmnpt]$/.test(a) ? a + a.slice(-1) : a
  return [`${stem}er`, `${stem}est`]
}

// "lower scores" answers a question about a "low" score, and "the lowest" one about "lower"
// scores: an adjective and its comparative and superlative are one word (the stemmer keeps them
// apart). A form that is a common noun of its own, with several senses ("number" is no
// comparative of "numb", nor "liver" of "live"), is left out; "lower" (a berth) is kept.
function addComparisons(b: Builder, wn: WordNet): void {
  const senses = (lemma: string, pos: string) =>
    (wn.senses.get(lemma) ?? []).find((keys) => keys[0]?.startsWith(pos))?.length ?? 0
  for (const adjective of wn.senses.keys()) {
    if (!/^[a-z]{3,}$/.test(adjective) || senses(adjective, 'a') === 0) continue
    const forms = comparisons(adjective).filter((f) => senses(f, 'n') < 2)
    const group = [adjective, ...forms].map(termOf).filter(Boolean)
    for (const x of group) {
      for (const y of group) if (x !== y) b.add(x, y, RELATION_WEIGHTS.inflection, 'der')
    }
  }
}

function addPhrases(b: Builder, vocab: ReadonlySet<string>): void {
  for (const [phrase, lemmas] of Object.entries(PHRASES)) {
    const key = phrase.includes(' ') ? phraseKey(phrase.split(' ')) : termOf(phrase) || phrase
    // The lemmas are listed closest first: each next one counts a little less.
    lemmas.forEach((l, i) => {
      const t = termOf(l)
      if (vocab.has(t)) b.add(key, t, RELATION_WEIGHTS.phrase * 0.95 ** i, 'phrase')
    })
  }
}
