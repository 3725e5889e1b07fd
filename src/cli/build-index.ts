import { watch } from 'node:fs'
import { buildIndex } from '../build/build-index.js'
import { readReusable, writeIndex } from '../build/index-files.js'
import { currentManifest, manifestChanges } from '../build/manifest.js'
import { countByFormat } from '../corpus/format-counts.js'
import { type CommandSpec, commandLine } from './args.js'
import { CORPUS_FLAGS, corpusPaths } from './corpus-args.js'
import { formatReport } from './format-report.js'
import { fileProgress } from './progress.js'

const SPEC: CommandSpec = {
  name: 'index',
  usage: '[--seeds DIR] [--index DIR] [--watch]',
  description:
    'Builds index/ from the documents in seeds/ (or the folders --seeds and --index, SEEDS_DIR and INDEX_DIR name) (.txt, .md, .adoc, .rst, .html, .pdf, .docx and Disqus .xml exports: passages, sentences, claims, disputes, caveats, the search index and the texts extracted from HTML, PDF and Word files), and reports what it read of each format. A running bot swaps the new index in without a restart. Commit index/ afterwards.',
  flags: {
    ...CORPUS_FLAGS,
    watch: {
      type: 'boolean',
      short: 'w',
      description:
        'Keep running: build again whenever a file in seeds/ is added, changed or removed (Ctrl-C stops).',
    },
  },
  examples: [
    'npm run index',
    'npm run index -- --watch',
    'npm run index -- --seeds ../team-docs --index /tmp/team-index',
  ],
}

/** Builds the index and reports it. The bar counts the seed files as they are read, then names the later steps. */
function build(seedsDir: string, indexDir: string): void {
  const started = Date.now()
  const bar = fileProgress(process.stderr)
  const { data, corpus } = buildIndex(
    seedsDir,
    (step) => bar.step(step),
    (file, done, total, passages) => bar.file(file, done, total, passages),
    // What the index built before can lend (its lexicon, when the corpus's words are the same).
    readReusable(indexDir),
  )
  bar.finish()
  writeIndex(indexDir, data)
  for (const e of corpus.errors) console.error(`skipped ${e.message}`)
  console.log(formatReport(countByFormat(corpus), seedsDir))
  console.log(
    `Built ${indexDir}/ from ${data.sources.length} sources in ${seedsDir}/: ${data.passages.length} passages, ${data.sentences.length} sentences, ` +
      `${data.claims.length} claims (${data.claims.filter((c) => c.disputes.length > 0).length} contested), ` +
      `${data.caveats.length} caveats, in ${Date.now() - started} ms.`,
  )
}

/** Quiet time after the last change in the seeds before building (an editor saves in several writes). */
const SETTLE_MS = 500

// `npm run index [-- --watch]`.
const args = commandLine(SPEC)
if (args !== null) {
  const { seedsDir, indexDir } = corpusPaths(args.values)
  build(seedsDir, indexDir)
  if (args.values.watch === true) {
    let built = currentManifest(seedsDir)
    let timer: NodeJS.Timeout | null = null
    console.log(`Watching ${seedsDir}/ for changes (Ctrl-C stops)…`)
    watch(seedsDir, () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        const now = currentManifest(seedsDir)
        const changes = manifestChanges(built, now)
        if (changes.length === 0) return
        console.log(`${seedsDir}/ changed (${changes.join('; ')}); building ${indexDir}/ again…`)
        try {
          build(seedsDir, indexDir)
          built = now
        } catch (error) {
          console.error(`index: the build failed (${(error as Error).message}); ${indexDir}/ is as it was.`)
        }
      }, SETTLE_MS)
    })
  }
}
