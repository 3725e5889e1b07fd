import { buildClaimGraph } from '../claims/graph.js'
import { buildSourceGraph } from '../claims/lineage/build-graph.js'
import { isExtracted } from '../corpus/formats.js'
import { type ReadCorpusOptions, readCorpus } from '../corpus/read-seeds.js'
import type { Corpus, Document } from '../corpus/types.js'
import { buildLexicon } from '../search/lexicon.js'
import { metaNames, metaText } from '../search/meta.js'
import { type Name, namesOf } from '../search/names.js'
import { packSearch } from '../search/packed-search.js'
import { buildSearchIndex } from '../search/search-index.js'
import { tagsOf } from '../search/tags.js'
import { termOf, tokenize } from '../search/text.js'
import { dictionaryStems, readWordNet, type WordNet } from '../search/wordnet.js'
import { withCompactHeap } from './heap.js'
import { countTerms, type IndexData } from './index-data.js'
import type { ReusableParts } from './index-files.js'
import { lexiconInputs } from './lexicon-inputs.js'
import { currentManifest } from './manifest.js'

/** The steps of a build, reported as they finish (for a progress bar). */
export type BuildStep =
  | 'read seeds'
  | 'read WordNet'
  | 'build lexicon'
  | 'find claims'
  | 'build search index'
  | 'trace sources'
/** Steps in the order they run. */
export const BUILD_STEPS: readonly BuildStep[] = [
  'read seeds',
  'read WordNet',
  'build lexicon',
  'find claims',
  'build search index',
  'trace sources',
]

/**
 * The corpus's search terms, its capitalised words (candidate proper nouns), its names of several
 * words, each passage's names (in its text or of its writer and source) and its tags (read once:
 * the search index takes them from here).
 */
function vocabularyOf(documents: readonly Document[]): {
  vocab: Set<string>
  proper: Set<string>
  names: Map<string, Name>
  namesByPassage: Map<string, Name[]>
  tagsByPassage: Map<string, string[]>
} {
  const vocab = new Set<string>()
  const tagsByPassage = new Map<string, string[]>()
  const proper = new Set<string>()
  const names = new Map<string, Name>()
  const namesByPassage = new Map<string, Name[]>()
  for (const d of documents) {
    for (const p of d.passages) {
      if (p.spam) continue
      const tokens = tokenize(p.text)
      const capital = tokens.map((t) => /^\p{Lu}/u.test(p.text.slice(t.start, t.end)))
      // Next to another capitalised word, a word is part of a name ("Jay" of "Jay Stanley"): only
      // a capitalised word that stands alone is a proper noun of its own ("Chile" in "In Chile, …").
      const joined = (i: number, j: number) =>
        capital[j] === true &&
        tokens[j]?.term !== '' &&
        p.text.slice(tokens[Math.min(i, j)]?.end, tokens[Math.max(i, j)]?.start) === ' '
      tokens.forEach((t, i) => {
        if (t.term) vocab.add(t.term)
        if (capital[i] && !joined(i, i - 1) && !joined(i, i + 1)) proper.add(t.word)
      })
      const tags = tagsOf(p.text)
      tagsByPassage.set(p.id, tags)
      for (const tag of tags) vocab.add(tag)
      const own = [...namesOf(p.text), ...metaNames(p, d.source)]
      namesByPassage.set(p.id, own)
      for (const n of own) {
        names.set(n.key, n)
        vocab.add(n.term)
      }
    }
  }
  return { vocab, proper, names, namesByPassage, tagsByPassage }
}

/**
 * Builds everything `index/` holds from the seeds folder: passages, the WordNet lexicon for
 * the corpus's words, the claims with their disputes and caveats, and the search index.
 * `onStep` hears of each step as it ends, `onFile` of each seed file as it is read. With the
 * parts of the index built before (`previous`), its lexicon and dictionary are reused when the
 * corpus's words, proper nouns and names are the same as then (editing a page rarely adds a
 * word): WordNet is not read. The result is the same as a build without them.
 */
export function buildIndex(
  seedsDir: string,
  onStep: (step: BuildStep) => void = () => {},
  onFile?: ReadCorpusOptions['onFile'],
  previous: ReusableParts | null = null,
): { data: IndexData; corpus: Corpus; reused: boolean } {
  return withCompactHeap(() => buildIndexNow(seedsDir, onStep, onFile, previous))
}

/** `buildIndex` itself, in the heap it sets. */
function buildIndexNow(
  seedsDir: string,
  onStep: (step: BuildStep) => void = () => {},
  onFile?: ReadCorpusOptions['onFile'],
  previous: ReusableParts | null = null,
): { data: IndexData; corpus: Corpus; reused: boolean } {
  const manifest = currentManifest(seedsDir)
  const corpus = readCorpus(seedsDir, onFile ? { onFile } : {})
  onStep('read seeds')
  const { vocab, proper, names, namesByPassage, tagsByPassage } = vocabularyOf(corpus.documents)
  manifest.lexicon = lexiconInputs(vocab, proper, names.values())
  let lexicon: IndexData['lexicon']
  let dictionary: string[]
  let reused = false
  if (
    previous &&
    previous.manifest.lexicon === manifest.lexicon &&
    previous.manifest.format === manifest.format
  ) {
    lexicon = previous.lexicon
    dictionary = previous.dictionary
    reused = true
    onStep('read WordNet')
  } else {
    // WordNet is some 300 MB of objects: only the lexicon and the dictionary are kept of it, and
    // it is let go before claims are built (the build's peak).
    let wordnet: WordNet | null = readWordNet()
    onStep('read WordNet')
    lexicon = buildLexicon(wordnet, vocab, proper, names.values())
    dictionary = dictionaryStems(wordnet, termOf)
    wordnet = null
  }
  onStep('build lexicon')
  const graph = buildClaimGraph(corpus.documents, lexicon)
  // A sentence's names are search terms of it, but not words that make two sentences alike
  // (claims are grouped by their words above): they are added once claims are built.
  const texts = new Map(corpus.documents.flatMap((d) => d.passages.map((p) => [p.id, d.text] as const)))
  for (const s of graph.sentences) {
    const named = namesOf(texts.get(s.passageId)?.slice(s.start, s.end) ?? '').map((n) => n.term)
    if (named.length > 0) s.terms = [...new Set([...s.terms, ...named])]
  }
  onStep('find claims')
  const search = buildSearchIndex(
    corpus.documents.flatMap((d) =>
      d.passages
        .filter((p) => !p.spam)
        .map((p) => ({
          id: p.id,
          text: p.text,
          section: p.section ?? '',
          title: d.source.title,
          tags: [
            ...(tagsByPassage.get(p.id) ?? []),
            ...new Set((namesByPassage.get(p.id) ?? []).map((n) => n.term)),
          ].join(' '),
          who: metaText(p, d.source),
        })),
    ),
  )
  onStep('build search index')
  // Which source draws on which: the names they cite and the claims they repeat.
  const sourceGraph = buildSourceGraph(corpus.documents, graph.sentences, graph.claims)
  onStep('trace sources')
  const data: IndexData = {
    manifest,
    sources: corpus.documents.map((d) => d.source),
    passages: corpus.documents.flatMap((d) => d.passages.map(({ text: _text, ...rest }) => rest)),
    sentences: graph.sentences,
    claims: graph.claims,
    caveats: graph.caveats,
    sourceGraph,
    lexicon,
    vocabulary: countTerms(graph.sentences),
    search: packSearch(search.toJSON()),
    dictionary,
    extracted: Object.fromEntries(
      corpus.documents.filter((d) => isExtracted(d.source.file)).map((d) => [d.source.file, d.text]),
    ),
  }
  return { data, corpus, reused }
}
