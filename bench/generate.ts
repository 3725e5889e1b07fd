import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readCorpus } from '../src/corpus/read-seeds.js'
import { splitSentences } from '../src/corpus/sentences.js'
import { type Prng, prng } from './prng.js'

/** The seed text a generated corpus is recombined from. */
export interface SeedPools {
  /** Sentences of the articles, verbatim. */
  article: string[]
  /** Sentences of the authors' updates. */
  update: string[]
  /** Sentences of reader comments (spam left out). */
  comment: string[]
  /** Section headings. */
  headings: string[]
  /** Words of the titles. */
  titleWords: string[]
  /** Characters in the seed documents, all told. */
  chars: number
}

/** How big a corpus to make, and from which seed of the generator. */
export interface GenerateOptions {
  /** Size relative to the seeds, in characters (10 makes ten times the seeds' text). */
  scale: number
  /** The generator's seed: the same seed and scale give the same files, byte for byte. Default 1. */
  seed: number
}

/** What was written. */
export interface Generated {
  files: number
  chars: number
}

/** Reads the seeds with the real reader and pools their sentences by voice. */
export function seedPools(seedsDir: string): SeedPools {
  const corpus = readCorpus(seedsDir)
  const pools: SeedPools = { article: [], update: [], comment: [], headings: [], titleWords: [], chars: 0 }
  for (const d of corpus.documents) {
    pools.chars += d.text.length
    pools.titleWords.push(...d.source.title.split(/\s+/).filter((w) => /^\p{L}{3,}$/u.test(w)))
    for (const p of d.passages) {
      if (p.spam) continue
      if (p.section && !pools.headings.includes(p.section)) pools.headings.push(p.section)
      for (const s of splitSentences(p.text)) {
        // One line each: a sentence is laid out again in new paragraphs.
        const text = p.text.slice(s.start, s.end).replace(/\s+/g, ' ')
        pools[p.voice].push(text)
      }
    }
  }
  return pools
}

const SYLLABLES = [
  'ka',
  'ro',
  'ven',
  'mi',
  'tal',
  'sor',
  'dun',
  'bel',
  'ash',
  'quin',
  'lo',
  'mar',
  'te',
  'vik',
]
const SYLLABLES_2 = [
  'dra',
  'nel',
  'os',
  'ur',
  'ip',
  'zan',
  'cor',
  'il',
  'eth',
  'om',
  'ba',
  'rin',
  'gu',
  'sel',
]

/** A made-up capitalised word ("Kavenril"), so that a larger corpus also has a larger vocabulary. */
function madeUpWord(r: Prng): string {
  const parts = [r.pick(SYLLABLES), r.pick(SYLLABLES_2)]
  if (r.chance(0.6)) parts.push(r.pick(SYLLABLES))
  if (r.chance(0.3)) parts.push(r.pick(SYLLABLES_2))
  const w = parts.join('')
  return w.charAt(0).toUpperCase() + w.slice(1)
}

/** Names made up for a corpus: places and organisations, and people (first and last name). */
interface Names {
  proper: string[]
  people: string[]
  publishers: string[]
}

function madeUpNames(r: Prng, scale: number): Names {
  const proper = Array.from({ length: Math.ceil(30 * scale) }, () => madeUpWord(r))
  const people = Array.from({ length: Math.ceil(20 * scale) }, () => `${madeUpWord(r)} ${madeUpWord(r)}`)
  const publishers = Array.from(
    { length: Math.ceil(3 * scale) },
    () => `${madeUpWord(r)} ${r.pick(['Times', 'Post', 'Review', 'Journal', 'Herald', 'Daily', 'Weekly'])}`,
  )
  return { proper, people, publishers }
}

// A capitalised word after a lower-case word (so not the first of a sentence): likely a name.
const NAME_IN_SENTENCE = /(?<=[a-z,;] )[A-Z][a-z]{3,}\b/g
const NUMBER = /\b\d{3,}\b/g

/**
 * A seed sentence, varied a little as a new document would say it: some names and numbers
 * replaced by made-up ones, so that the corpus is not the seeds copied over and over.
 */
function vary(r: Prng, names: Names, sentence: string): string {
  return sentence
    .replace(NAME_IN_SENTENCE, (w) => (r.chance(0.3) ? r.zipf(names.proper) : w))
    .replace(NUMBER, (n) => {
      if (!r.chance(0.3)) return n
      if (n.length === 4 && /^(19|20)/.test(n)) return String(r.int(1990, 2030))
      return String(r.int(10 ** (n.length - 1), 10 ** n.length - 1))
    })
}

function paragraph(r: Prng, names: Names, pool: readonly string[], min: number, max: number): string {
  const n = r.int(min, max)
  return Array.from({ length: n }, () => vary(r, names, r.pick(pool))).join(' ')
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function title(r: Prng, pools: SeedPools, names: Names): string {
  const words = Array.from({ length: r.int(4, 8) }, () => r.pick(pools.titleWords))
  words.splice(r.int(0, words.length), 0, r.zipf(names.proper))
  return words.join(' ')
}

/** A reader comment: its author (or none), its paragraphs, and sometimes a quoted sentence it answers. */
interface Comment {
  author: string | null
  paragraphs: string[]
  replies: Comment[]
}

function comment(r: Prng, pools: SeedPools, names: Names, depth: number): Comment {
  const paragraphs = Array.from({ length: r.int(1, 3) }, () => paragraph(r, names, pools.comment, 1, 3))
  // A reader quoting the article and answering it, as seed readers do.
  if (r.chance(0.04)) {
    paragraphs[0] = `“${vary(r, names, r.pick(pools.article))}” ${paragraphs[0] ?? ''}`
  }
  const replies =
    depth < 3 && r.chance(0.35)
      ? Array.from({ length: r.int(1, 2) }, () => comment(r, pools, names, depth + 1))
      : []
  return { author: r.chance(0.85) ? r.zipf(names.people) : null, paragraphs, replies }
}

/** Numbered comments nested by indentation, name first and age last ("Comments are closed." layout). */
function numberedComments(r: Prng, comments: readonly Comment[], indent: number): string[] {
  const out: string[] = []
  const pad = ' '.repeat(indent)
  comments.forEach((c, i) => {
    out.push(`${pad}${i + 1}. ${c.author ?? 'Anonymous'}`, '')
    for (const p of c.paragraphs) out.push(`${pad}  ${p}`, '')
    out.push(`${pad}  ${r.int(1, 9)} years ago`)
    out.push(...numberedComments(r, c.replies, indent + 2))
  })
  return out
}

/** Comments separated by two blank lines, a name line before the text ("View comments" layout). */
function blockComments(comments: readonly Comment[]): string[] {
  const out: string[] = []
  const flat = (list: readonly Comment[]): Comment[] => list.flatMap((c) => [c, ...flat(c.replies)])
  for (const c of flat(comments)) {
    out.push('', '')
    if (c.author) out.push(c.author, '')
    out.push(c.paragraphs.join('\n\n'))
  }
  return out
}

function articleParagraphs(r: Prng, pools: SeedPools, names: Names, chars: number, headings: boolean) {
  const out: string[] = []
  let size = 0
  while (size < chars) {
    if (headings && r.chance(0.2)) out.push(r.pick(pools.headings))
    const p = paragraph(r, names, pools.article, 1, 5)
    out.push(p)
    size += p.length
  }
  return out
}

function date(r: Prng): { y: number; m: number; d: number } {
  return { y: r.int(2012, 2024), m: r.int(1, 12), d: r.int(1, 28) }
}

/** One document in one of the three layouts the reader understands; returns its file name and text. */
function document(r: Prng, pools: SeedPools, names: Names, n: number): { file: string; text: string } {
  const size = r.int(2000, 24000)
  const author = r.zipf(names.people)
  const when = date(r)
  const heading = title(r, pools, names)
  const comments = Array.from({ length: r.int(0, Math.ceil(size / 1500)) }, () => comment(r, pools, names, 0))
  const layout = n % 3
  const base = String(n).padStart(6, '0')
  const update = r.chance(0.2) ? paragraph(r, names, pools.update, 1, 3) : null
  if (layout === 0) {
    // A blog post: "Posted on … by …", an optional UPDATE, "Comments are closed." and numbered comments.
    const lines = [
      heading,
      '',
      `Posted on ${MONTH_NAMES[when.m - 1]} ${when.d}, ${when.y} by ${author}`,
      'Share Tweet',
      '',
      ...articleParagraphs(r, pools, names, size * 0.6, false).flatMap((p) => [p, '']),
      ...(update ? [`UPDATE: ${update}`, ''] : []),
      'Comments are closed.',
      '',
      '',
      ...numberedComments(r, comments, 2),
    ]
    return { file: `${base}_post.txt`, text: `${lines.join('\n')}\n` }
  }
  if (layout === 1) {
    // A news page: "By …", an optional dated update, "View comments (N)" and comments in blocks.
    const lines = [
      heading,
      '',
      `By ${author}`,
      '',
      ...articleParagraphs(r, pools, names, size * 0.6, false).flatMap((p) => [p, '']),
      ...(update ? [`Update (${when.m}/${when.d}/${when.y % 100}):`, update, ''] : []),
      `View comments (${comments.length})`,
      ...blockComments(comments),
    ]
    return { file: `${base}_news.txt`, text: `${lines.join('\n')}\n` }
  }
  // A Markdown page with front matter and section headings.
  const iso = `${when.y}-${String(when.m).padStart(2, '0')}-${String(when.d).padStart(2, '0')}`
  const lines = [
    '---',
    `title: "${heading}"`,
    `author: ${author}`,
    `publisher: ${r.zipf(names.publishers)}`,
    `date: ${iso}`,
    `url: https://example.org/${base}`,
    '---',
    '',
    ...articleParagraphs(r, pools, names, size * 0.6, true).flatMap((p) => [p, '']),
    'Comments are closed.',
    '',
    '',
    ...numberedComments(r, comments, 2),
  ]
  return { file: `${base}_page.md`, text: `${lines.join('\n')}\n` }
}

/**
 * Writes a corpus `scale` times the seeds' size into `outDir` (emptied first): new documents
 * recombined from the seeds' sentences (articles from article sentences, comments from comment
 * sentences, with nested replies), laid out as the seeds are, so that the real reader parses them.
 */
export function generateCorpus(seedsDir: string, outDir: string, options: Partial<GenerateOptions> = {}) {
  const { scale = 10, seed = 1 } = options
  const pools = seedPools(seedsDir)
  const r = prng(seed * 1_000_003 + Math.round(scale * 1000))
  const names = madeUpNames(r, scale)
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const target = pools.chars * scale
  let chars = 0
  let files = 0
  while (chars < target) {
    const doc = document(r, pools, names, files)
    writeFileSync(join(outDir, doc.file), doc.text)
    chars += doc.text.length
    files += 1
  }
  return { files, chars } satisfies Generated
}

// `npx tsx bench/generate.ts <scale> <outDir> [seed] [--json]`: writes one corpus and says how big it is.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [scale = '10', out = 'tmp-corpus', seed = '1'] = process.argv.slice(2)
  const made = generateCorpus(join(import.meta.dirname, '..', 'seeds'), out, {
    scale: Number(scale),
    seed: Number(seed),
  })
  console.log(
    process.argv.includes('--json')
      ? JSON.stringify(made)
      : `${made.files} files, ${(made.chars / 1e6).toFixed(1)} M characters in ${out}`,
  )
}
