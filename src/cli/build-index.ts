import { parseArgs } from 'node:util'
import { BUILD_STEPS, buildIndex } from '../build/build-index.js'
import { writeIndex } from '../build/index-files.js'
import { CORPUS_OPTIONS, corpusPaths, orUsage } from './corpus-args.js'
import { progressBar } from './progress.js'

// `npm run index -- [--seeds DIR] [--index DIR]`: builds the index folder from the documents' folder.
const { values } = orUsage('npm run index -- [--seeds DIR] [--index DIR]', () =>
  parseArgs({ args: process.argv.slice(2), options: CORPUS_OPTIONS }),
)
const { seedsDir, indexDir } = corpusPaths(values)
const started = Date.now()
const bar = progressBar(process.stderr, BUILD_STEPS.length)
let done = 0
const { data, corpus } = buildIndex(seedsDir, (step) => bar.tick(++done, step))
bar.finish()
writeIndex(indexDir, data)
for (const e of corpus.errors) console.error(`skipped ${e.message}`)
console.log(
  `Built ${indexDir}/ from ${data.sources.length} sources in ${seedsDir}/: ${data.passages.length} passages, ${data.sentences.length} sentences, ` +
    `${data.claims.length} claims (${data.claims.filter((c) => c.disputes.length > 0).length} contested), ` +
    `${data.caveats.length} caveats, in ${Date.now() - started} ms.`,
)
