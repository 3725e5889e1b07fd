import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Name } from '../search/names.js'
import { wordnetDir } from '../search/wordnet.js'

/** The code and data a lexicon is made with: a change to any of them makes a new one. */
const MAKERS = [
  '../search/lexicon.ts',
  '../search/wordnet.ts',
  '../search/text.ts',
  '../search/names.ts',
  '../search/tags.ts',
  '../data/phrases.json',
].map((path) => fileURLToPath(new URL(path, import.meta.url)))

/**
 * SHA-256 of what `buildLexicon` makes a corpus's lexicon from: its terms, its proper nouns and
 * names, and the code, word lists and WordNet release that turn them into one.
 */
export function lexiconInputs(
  vocab: ReadonlySet<string>,
  proper: ReadonlySet<string>,
  names: Iterable<Name>,
): string {
  const hash = createHash('sha256')
  for (const file of MAKERS) hash.update(existsSync(file) ? readFileSync(file) : file)
  hash.update(readFileSync(`${wordnetDir()}/../package.json`))
  const sorted = (xs: Iterable<string>) => [...xs].sort().join('\n')
  hash.update(`\0${sorted(vocab)}\0${sorted(proper)}\0`)
  hash.update(sorted([...names].map((n) => `${n.key}\t${n.term}\t${n.words.join(' ')}`)))
  return hash.digest('hex')
}
