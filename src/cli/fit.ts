import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { evaluate, fitModel, heldOut } from '../quality/fit.js'
import { tallyLine } from '../quality/score.js'
import { qualitySetup } from '../quality/setup.js'

const USAGE = `Usage: npm run fit -- [--gold FILE] [--folds N] [--dry-run]

Fits the ranking model's weights on an evaluation set and writes them to
src/answer/ranking-model.json (see docs/quality.md; \`npm run quality\` writes that page).

  --gold FILE   the evaluation set (default ../shared/eval/dev.json)
  --folds N     folds of the held-out figure (default 5)
  --dry-run     print the figures, write nothing
  --help        this text`

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: '../shared/eval/dev.json' },
    folds: { type: 'string', default: '5' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  strict: true,
})
if (values.help) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}

const { gold, cache, texts, base } = qualitySetup(values.gold)
const folds = Number(values.folds)
const started = Date.now()
const model = fitModel(cache, gold, gold.questions, base, texts)
const dev = evaluate(cache, gold, gold.questions, model, texts).tally
const held = heldOut(cache, gold, base, texts, folds)
const fitted = {
  set: values.gold.replace(/^.*\/(eval\/)/, '$1'),
  questions: gold.questions.length,
  dev: tallyLine(dev),
  heldOut: `${folds}-fold: ${tallyLine(held)}`,
}
process.stdout.write(`dev (fitted on all):  ${fitted.dev}\nheld out (${folds}-fold):  ${tallyLine(held)}\n`)
process.stdout.write(`weights: ${model.features.map((f, i) => `${f} ${model.weights[i]}`).join(', ')}\n`)
process.stdout.write(`claims: ${JSON.stringify(model.claims)}; answer: ${JSON.stringify(model.answer)}\n`)
process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
if (!values['dry-run']) {
  const path = join('src', 'answer', 'ranking-model.json')
  writeFileSync(path, `${JSON.stringify({ ...model, fitted }, null, 1)}\n`)
  process.stdout.write(`wrote ${path}\n`)
}
