import { buildIndex } from '../build/build-index.js'
import { writeIndex } from '../build/index-files.js'
import { countByFormat } from '../corpus/format-counts.js'
import { type CommandSpec, commandLine } from './args.js'
import { formatReport } from './format-report.js'
import { fileProgress } from './progress.js'

const SPEC: CommandSpec = {
  name: 'index',
  usage: '',
  description:
    'Builds index/ from the documents in seeds/ (.txt, .md, .html, .pdf, .docx and Disqus .xml exports: passages, sentences, claims, disputes, caveats, the search index and the texts extracted from HTML, PDF and Word files), and reports what it read of each format. Commit index/ afterwards.',
  flags: {},
}

// `npm run index`: builds index/ from seeds/. The bar counts the seed files as they are read,
// then names the build's later steps.
if (commandLine(SPEC) !== null) {
  const started = Date.now()
  const bar = fileProgress(process.stderr)
  const { data, corpus } = buildIndex(
    'seeds',
    (step) => bar.step(step),
    (file, done, total, passages) => bar.file(file, done, total, passages),
  )
  bar.finish()
  writeIndex('index', data)
  for (const e of corpus.errors) console.error(`skipped ${e.message}`)
  console.log(formatReport(countByFormat(corpus)))
  console.log(
    `Built index/ from ${data.sources.length} sources: ${data.passages.length} passages, ${data.sentences.length} sentences, ` +
      `${data.claims.length} claims (${data.claims.filter((c) => c.disputes.length > 0).length} contested), ` +
      `${data.caveats.length} caveats, in ${Date.now() - started} ms.`,
  )
}
