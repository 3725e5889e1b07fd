import { BUILD_STEPS, buildIndex } from '../build/build-index.js'
import { writeIndex } from '../build/index-files.js'
import { type CommandSpec, commandLine } from './args.js'
import { progressBar } from './progress.js'

const SPEC: CommandSpec = {
  name: 'index',
  usage: '',
  description:
    'Builds index/ from the documents in seeds/ (passages, sentences, claims, disputes, caveats and the search index). Commit index/ afterwards.',
  flags: {},
}

// `npm run index`: builds index/ from seeds/.
if (commandLine(SPEC) !== null) {
  const started = Date.now()
  const bar = progressBar(process.stderr, BUILD_STEPS.length)
  let done = 0
  const { data, corpus } = buildIndex('seeds', (step) => bar.tick(++done, step))
  bar.finish()
  writeIndex('index', data)
  for (const e of corpus.errors) console.error(`skipped ${e.message}`)
  console.log(
    `Built index/ from ${data.sources.length} sources: ${data.passages.length} passages, ${data.sentences.length} sentences, ` +
      `${data.claims.length} claims (${data.claims.filter((c) => c.disputes.length > 0).length} contested), ` +
      `${data.caveats.length} caveats, in ${Date.now() - started} ms.`,
  )
}
