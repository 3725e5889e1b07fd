import { readFileSync } from 'node:fs'
import { create, insertMultiple, search as oramaSearch } from '@orama/orama'
import { Charset, Document, Encoder } from 'flexsearch'
import EnglishPreset from 'flexsearch/lang/en'
import lunr from 'lunr'
import { eng } from 'stopword'
import { cleanQuestion } from '../src/answer/input.js'
import type { Knowledge } from '../src/answer/knowledge.js'
import { searchPassages } from '../src/answer/rank.js'
import { metaText } from '../src/search/meta.js'
import { planQuery } from '../src/search/query.js'
import { FIELD_BOOST } from '../src/search/search-index.js'
import { termOf, tokenize } from '../src/search/text.js'
import { quantile, round, since } from './stats.js'

/** One passage as every library indexes it: the same fields our index has (tags are ours alone). */
interface Doc {
  id: string
  text: string
  section: string
  title: string
  who: string
}

/** A retrieval step under test: a question in, passage ids out, best first. */
interface Retriever {
  name: string
  /** How it is set up, for the report. */
  config: string
  buildMs: number
  top(question: string, k: number): string[]
}

/** Figures for one library on the same passages and questions. */
export interface LibraryFigures {
  name: string
  config: string
  buildMs: number
  queryP50Ms: number
  queryP99Ms: number
  /** Share of the evaluation's answerable questions with a cited fragment in the top 3 passages. */
  hitAt3: number
  hits: number
  questions: number
}

/** An evaluation question: what a careful reader expects to be cited (see ../shared/eval/README.md). */
interface EvalQuestion {
  question: string
  cite_any?: string[]
  no_answer?: boolean
}

// Case-insensitive, curly and straight quotes alike, runs of white space as one.
const fold = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')

const timed = <T>(make: () => T): { value: T; ms: number } => {
  const start = performance.now()
  const value = make()
  return { value, ms: round(since(start), 1) }
}

/** MiniSearch as citebot builds it (src/search/search-index.ts), asked the question's own stems. */
function miniSearchRaw(kb: Knowledge): Retriever {
  return {
    name: 'MiniSearch (our index, question stems)',
    config:
      'our built index: our tokenizer, Porter stems (stemmer), stop words, tag terms; fields text 1, section 0.6, title 0.3, tags 0.8, who 0.4; the question tokenized and stemmed the same way, terms OR-ed, BM25+',
    buildMs: Number.NaN,
    top(question, k) {
      const words = tokenize(question)
        .map((t) => termOf(t.word))
        .filter(Boolean)
      return kb.search
        .search(words.join(' '))
        .slice(0, k)
        .map((r) => String(r.id))
    },
  }
}

/** Our whole retrieval step: planQuery (typos, WordNet expansion, concept weights) and the search it makes. */
function miniSearchPipeline(kb: Knowledge): Retriever {
  return {
    name: 'MiniSearch (our pipeline: planQuery + search)',
    config:
      'as above, with the question planned as the engine does: spelling correction, WordNet synonyms, antonyms and derivations as weighted terms, prefix and fuzzy search for unknown words',
    buildMs: Number.NaN,
    top(question, k) {
      const clean = cleanQuestion(question)
      if (!clean.ok) return []
      return searchPassages(kb, planQuery(clean.text, kb))
        .slice(0, k)
        .map((r) => String(r.id))
    },
  }
}

function orama(docs: readonly Doc[]): Retriever {
  const { value: db, ms } = timed(() => {
    const db = create({
      schema: { text: 'string', section: 'string', title: 'string', who: 'string' } as const,
      // Orama 3 ships no stop words of its own: it is given the same English list as our index (stopword's).
      components: { tokenizer: { language: 'english', stemming: true, stopWords: [...eng] } },
    })
    void insertMultiple(db, [...docs])
    return db
  })
  const boost = {
    text: FIELD_BOOST.text,
    section: FIELD_BOOST.section,
    title: FIELD_BOOST.title,
    who: FIELD_BOOST.who,
  }
  return {
    name: 'Orama',
    config:
      "@orama/orama create(): English tokenizer with stemming: true (Orama's English stemmer) and the stopword package's English stop words (Orama 3 has none built in); fields text, section, title, who with the same boosts; search({ term, properties, boost, limit }), BM25, threshold left at 1",
    buildMs: ms,
    top(question, k) {
      const result = oramaSearch(db, {
        term: question,
        properties: ['text', 'section', 'title', 'who'],
        boost,
        limit: k,
      })
      if (result instanceof Promise)
        throw new Error('Orama answered asynchronously; expected a synchronous search')
      return result.hits.map((h) => String(h.document.id ?? h.id))
    },
  }
}

function flexSearch(docs: readonly Doc[]): Retriever {
  const { value: index, ms } = timed(() => {
    const index = new Document({
      document: { id: 'id', index: ['text', 'section', 'title', 'who'] },
      encoder: new Encoder(Charset.LatinBalance).assign(EnglishPreset),
      tokenize: 'strict',
      resolution: 9,
    })
    for (const d of docs) index.add({ ...d })
    return index
  })
  return {
    name: 'FlexSearch',
    config:
      "flexsearch Document over text, section, title, who; Encoder(Charset.LatinBalance).assign(flexsearch/lang/en: English stop words and suffix stemmer); tokenize 'strict', resolution 9; search with suggest: true (so that not every word must match) and merge: true (no field boosts in FlexSearch)",
    buildMs: ms,
    top(question, k) {
      const found = index.search(question, { limit: k, suggest: true, merge: true }) as unknown as {
        id: string | number
      }[]
      return found.slice(0, k).map((r) => String(r.id))
    },
  }
}

function lunrIndex(docs: readonly Doc[]): Retriever {
  const { value: index, ms } = timed(() =>
    lunr(function () {
      this.ref('id')
      this.field('text', { boost: FIELD_BOOST.text })
      this.field('section', { boost: FIELD_BOOST.section })
      this.field('title', { boost: FIELD_BOOST.title })
      this.field('who', { boost: FIELD_BOOST.who })
      for (const d of docs) this.add(d)
    }),
  )
  return {
    name: 'Lunr',
    config:
      'lunr 2 default pipeline (trimmer, English stop word filter, Porter stemmer); fields text, section, title, who with the same boosts; the question split by lunr.tokenizer and each token added as an optional term through the search pipeline (no query syntax to trip on "?" or ":"), BM25',
    buildMs: ms,
    top(question, k) {
      const tokens = lunr.tokenizer(question)
      return index
        .query((q) => {
          for (const t of tokens) q.term(t.toString(), {})
        })
        .slice(0, k)
        .map((r) => r.ref)
    },
  }
}

/** The passages (spam left out) as the libraries index them, from a loaded knowledge base. */
export function passageDocs(kb: Knowledge): Doc[] {
  return [...kb.passages.values()]
    .filter((p) => !p.spam)
    .map((p) => ({
      id: p.id,
      text: p.text,
      section: p.section ?? '',
      title: kb.sourceOf(p).title,
      who: metaText(p, kb.sourceOf(p)),
    }))
}

/**
 * Runs the retrieval step of each library on the same passages: query time over `timing`
 * questions (each asked alone, after a warm-up), and hit@3 on the evaluation's answerable
 * questions (a passage among the top 3 holds one of the question's `cite_any` fragments).
 */
export function compareLibraries(
  kb: Knowledge,
  evalPath: string,
  timing: readonly string[],
): LibraryFigures[] {
  const docs = passageDocs(kb)
  const texts = new Map(docs.map((d) => [d.id, fold(d.text)]))
  const gold = (JSON.parse(readFileSync(evalPath, 'utf8')) as { questions: EvalQuestion[] }).questions.filter(
    (q) => !q.no_answer && (q.cite_any?.length ?? 0) > 0,
  )
  const retrievers = [
    miniSearchRaw(kb),
    miniSearchPipeline(kb),
    orama(docs),
    flexSearch(docs),
    lunrIndex(docs),
  ]
  return retrievers.map((r) => {
    for (const q of timing.slice(0, 50)) r.top(q, 3)
    const times = timing.map((q) => {
      const start = performance.now()
      r.top(q, 3)
      return since(start)
    })
    const hits = gold.filter((q) =>
      r.top(q.question, 3).some((id) => (q.cite_any ?? []).some((f) => texts.get(id)?.includes(fold(f)))),
    ).length
    return {
      name: r.name,
      config: r.config,
      buildMs: r.buildMs,
      queryP50Ms: round(quantile(times, 0.5), 3),
      queryP99Ms: round(quantile(times, 0.99), 3),
      hitAt3: round(hits / Math.max(1, gold.length), 2),
      hits,
      questions: gold.length,
    }
  })
}
