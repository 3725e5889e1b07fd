import { buildIndex } from '../build/build-index.js'
import { writeIndex } from '../build/index-files.js'
import { countByFormat } from '../corpus/format-counts.js'
import { type CommandSpec, commandLine } from './args.js'
import { CORPUS_FLAGS, corpusPaths } from './corpus-args.js'
import { formatReport } from './format-report.js'
import { fileProgress } from './progress.js'

const SPEC: CommandSpec = {
  name: 'index',
  usage: '[--seeds DIR] [--index DIR]',
  description:
    'Builds index/ from the documents in seeds/ (or the folders --seeds and --index, SEEDS_DIR and INDEX_DIR name) (.txt, .md, .html, .pdf, .docx and Disqus .xml exports: passages, sentences, claims, disputes, caveats, the search index and the texts extracted from HTML, PDF and Word files), and reports what it read of each format. Commit index/ afterwards.',
  flags: { ...CORPUS_FLAGS },
  examples: ['npm run index', 'npm run index -- --seeds ../team-docs --index /tmp/team-index'],
}

// `npm run index`: builds index/ from seeds/. The bar counts the seed files as they are read,
// then names the build's later steps.
const args = commandLine(SPEC)
if (args !== null) {
  const { seedsDir, indexDir } = corpusPaths(args.values)
  const started = Date.now()
  const bar = fileProgress(process.stderr)
  const { data, corpus } = buildIndex(
    seedsDir,
    (step) => bar.step(step),
    (file, done, total) => bar.file(file, done, total),
  )
  bar.finish()
  writeIndex(indexDir, data)
  for (const e of corpus.errors) console.error(`skipped ${e.message}`)
  console.log(formatReport(countByFormat(corpus)))
  console.log(
    `Built ${indexDir}/ from ${data.sources.length} sources in ${seedsDir}/: ${data.passages.length} passages, ${data.sentences.length} sentences, ` +
      `${data.claims.length} claims (${data.claims.filter((c) => c.disputes.length > 0).length} contested), ` +
      `${data.caveats.length} caveats, in ${Date.now() - started} ms.`,
  )
}
