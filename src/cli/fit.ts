import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { evaluate, fitModel, heldOutAnswers } from '../quality/fit.js'
import { tallyLine } from '../quality/score.js'
import {
  type CorpusSet,
  defaultManualsCorpus,
  manualsSet,
  partTallies,
  qualitySetup,
} from '../quality/setup.js'

const USAGE = `Usage: npm run fit -- [--gold FILE] [--manuals DIR|none] [--fit-manuals] [--folds N] [--dry-run]

Fits the ranking model's weights on the evaluation set and writes them to
src/answer/ranking-model.json (see docs/quality.md; \`npm run quality\` writes that page). The
model is then scored on git's manuals too, a corpus of another kind it was not fitted on.

  --gold FILE     the evaluation set on seeds/ (default ../shared/eval/dev.json)
  --manuals DIR   git's manuals, for ../shared/eval/manuals/questions.json (default
                  ~/.cache/citebot-eval/manuals, made by that folder's make-corpus.sh;
                  left out when missing); none: leave them out
  --fit-manuals   fit on the manuals' questions as well
  --folds N       folds of the held-out figure (default 5)
  --dry-run     print the figures, write nothing
  --help        this text`

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: '../shared/eval/dev.json' },
    manuals: { type: 'string', default: defaultManualsCorpus() },
    'fit-manuals': { type: 'boolean', default: false },
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

const sets: CorpusSet[] = [{ name: 'dev', gold: values.gold, seeds: 'seeds', index: 'index' }]
if (values.manuals !== 'none' && (existsSync(values.manuals) || values['fit-manuals'])) {
  if (!existsSync(values.manuals)) {
    process.stderr.write(
      `No manuals at ${values.manuals}: run ../shared/eval/manuals/make-corpus.sh once, or pass --manuals none.\n`,
    )
    process.exit(2)
  }
  sets.push(manualsSet(values.manuals))
}
const setup = qualitySetup(sets)
const { gold, cache, texts, base } = setup
const folds = Number(values.folds)
const started = Date.now()
// The questions fitted on: the evaluation set's, and the manuals' when asked.
const fitParts = values['fit-manuals'] ? setup.parts : setup.parts.slice(0, 1)
const fitGold = { ...gold, questions: fitParts.flatMap((p) => p.gold.questions) }
const model = fitModel(cache, gold, fitGold.questions, base, texts)
const dev = partTallies(setup, evaluate(cache, gold, gold.questions, model, texts).answers)
const held = partTallies(
  { ...setup, gold: fitGold, parts: fitParts },
  heldOutAnswers(cache, fitGold, base, texts, folds),
)
const line = (parts: typeof dev) => parts.map((p) => `${p.name}: ${tallyLine(p.tally)}`).join(' | ')
const fitted = {
  set: fitParts
    .map((p) => (sets.find((s) => s.name === p.name)?.gold ?? '').replace(/^.*\/(eval\/)/, '$1'))
    .join(' + '),
  questions: fitGold.questions.length,
  dev: line(dev),
  heldOut: `${folds}-fold: ${line(held)}`,
}
process.stdout.write(`fitted on ${fitted.set}:  ${fitted.dev}\nheld out (${folds}-fold):  ${line(held)}\n`)
process.stdout.write(`weights: ${model.features.map((f, i) => `${f} ${model.weights[i]}`).join(', ')}\n`)
process.stdout.write(`claims: ${JSON.stringify(model.claims)}; answer: ${JSON.stringify(model.answer)}\n`)
process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
if (!values['dry-run']) {
  const path = join('src', 'answer', 'ranking-model.json')
  writeFileSync(path, `${JSON.stringify({ ...model, fitted }, null, 1)}\n`)
  process.stdout.write(`wrote ${path}\n`)
}
