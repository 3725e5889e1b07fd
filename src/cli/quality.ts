import { existsSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { FEATURES } from '../answer/features.js'
import type { Answer } from '../answer/types.js'
import { type AnswerRule, evaluate, fitModel, heldOutAnswers } from '../quality/fit.js'
import type { GoldQuestion } from '../quality/gold.js'
import { plainAnswers } from '../quality/plain.js'
import { scoreAnswers, type Tally, tallyLine } from '../quality/score.js'
import {
  type CorpusSet,
  defaultManualsCorpus,
  manualsSet,
  partTallies,
  qualitySetup,
  type SetPart,
} from '../quality/setup.js'

const USAGE = `Usage: npm run quality -- [--gold FILE] [--manuals DIR|none] [--folds N] [--out FILE]

Writes docs/quality.md: the figures of the fitted ranking model on the evaluation set, its
held-out figure, each category against plain MiniSearch, and an ablation table (each feature
and each answer rule left out, the model refitted without it). Takes a few minutes.

  --gold FILE   the evaluation set (default ../shared/eval/dev.json)
  --manuals DIR git's manuals for ../shared/eval/manuals/questions.json, scored with
                each model fitted on the evaluation set: a corpus of another kind
                (default ~/.cache/citebot-eval/manuals, left out when missing;
                none: leave them out)
  --folds N     folds of the held-out figure (default 5)
  --out FILE    where to write (default docs/quality.md)
  --help        this text`

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: '../shared/eval/dev.json' },
    manuals: { type: 'string', default: defaultManualsCorpus() },
    folds: { type: 'string', default: '5' },
    out: { type: 'string', default: 'docs/quality.md' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
})
if (values.help) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}

const sets: CorpusSet[] = [{ name: 'dev', gold: values.gold, seeds: 'seeds', index: 'index' }]
if (values.manuals !== 'none' && existsSync(values.manuals)) sets.push(manualsSet(values.manuals))
const setup = qualitySetup(sets)
const { gold, cache, texts, base } = setup
const folds = Number(values.folds)
const qs = gold.questions
// The evaluation set's own questions, texts and figures (the first set).
const dev = setup.parts[0] as SetPart
const devQs = dev.gold.questions
const manuals = setup.parts[1]

// Features that only mean something together are left out together.
const PAIRS: Record<string, readonly string[]> = {
  source: ['source', 'sourceOther'],
  voice: ['voice', 'voiceOther'],
}
const rows: { name: string; without: readonly string[]; rules: readonly AnswerRule[] }[] = [
  { name: '(all features)', without: [], rules: [] },
  ...FEATURES.filter((f) => f !== 'sourceOther' && f !== 'voiceOther').map((f) => ({
    name: PAIRS[f] ? PAIRS[f].join(' + ') : f,
    without: PAIRS[f] ?? [f],
    rules: [],
  })),
  { name: 'answer rule: least focus', without: [], rules: ['minFocus'] },
  { name: 'answer rule: a name the corpus lacks', without: [], rules: ['refuseUnknownName'] },
  { name: 'answer rule: the kind of answer asked', without: [], rules: ['requireType'] },
]

const cells = (t: Tally) =>
  `${t.hit[0]}/${t.hit[1]} | ${t.contested[0]}/${t.contested[1]} | ${t.answered[0]}/${t.answered[1]} | ${t.refused[0]}/${t.refused[1]}`

const started = Date.now()
const table: string[] = []
let fitted = base
let fittedHeld: { name: string; tally: Tally }[] = []
let fittedAll: { name: string; tally: Tally }[] = []
const hit = (t: Tally | undefined) => (t ? `${t.hit[0]}/${t.hit[1]}` : '–')
for (const row of rows) {
  const options = { without: row.without, withoutRules: row.rules }
  const model = fitModel(cache, gold, devQs, base, texts, options)
  const all = partTallies(setup, evaluate(cache, gold, qs, model, texts).answers)
  // Held out: the evaluation set in folds; the manuals, never fitted on, as they are.
  const devHeld = partTallies(
    { ...setup, gold: dev.gold, parts: [dev] },
    heldOutAnswers(cache, dev.gold, base, dev.texts, folds, options),
  )
  const held = [...devHeld, ...all.slice(1)]
  if (row.without.length === 0 && row.rules.length === 0) {
    fitted = model
    fittedHeld = held
    fittedAll = all
  }
  const [d, m] = [all[0]?.tally as Tally, all[1]?.tally]
  const hd = held[0]?.tally as Tally
  table.push(`| ${row.name} | ${cells(d)} | ${cells(hd)} | ${hit(m)} |`)
  process.stderr.write(`${row.name}: ${all.map((p) => `${p.name} ${tallyLine(p.tally)}`).join(' | ')}\n`)
}

// Each category (the id's prefix) against plain MiniSearch.
// A category is the id's prefix; the first questions of the set have none.
const category = (q: GoldQuestion) =>
  /^(fact|yn|chat|who|ct|cf|cmp)-/.exec(q.id)?.[1] ??
  (/^(oos|near)-/.exec(q.id) ? `${q.id.split('-')[0]} (refuse)` : 'first twelve')
const bot = evaluate(cache, dev.gold, devQs, fitted, dev.texts)
const plain = plainAnswers(
  dev.texts,
  devQs.map((q) => q.question),
)
const byCategory = new Map<string, GoldQuestion[]>()
for (const q of devQs) byCategory.set(category(q), [...(byCategory.get(category(q)) ?? []), q])
const pick = (answers: readonly Answer[], subset: readonly GoldQuestion[]) =>
  subset.map((q) => answers[devQs.indexOf(q)] as Answer)
const categoryRows = [...byCategory].map(([name, subset]) => {
  const b = scoreAnswers(dev.gold, subset, pick(bot.answers, subset), dev.texts).tally
  const p = scoreAnswers(dev.gold, subset, pick(plain, subset), dev.texts).tally
  const fig = (t: Tally) =>
    subset[0]?.no_answer ? `refused ${t.refused[0]}/${t.refused[1]}` : `hit@3 ${t.hit[0]}/${t.hit[1]}`
  return `| ${name} | ${subset.length} | ${fig(b)} | ${fig(p)} |`
})
const plainTally = scoreAnswers(dev.gold, devQs, plain, dev.texts).tally
const manualsNote = manuals
  ? `The weights are fitted on \`${values.gold}\` (${devQs.length} questions on seeds/); every model is also
scored on git's manuals (\`../shared/eval/manuals/questions.json\`, ${manuals.gold.questions.length} questions on the corpus
of its \`make-corpus.sh\`), documents of another kind that nothing was fitted on.`
  : `The weights are fitted on \`${values.gold}\` (${devQs.length} questions on seeds/).`
const elapsed = ((Date.now() - started) / 1000).toFixed(0)

const page = `# Answer quality

Written by \`npm run quality\` (${elapsed} s); do not edit by hand. The ranking model's weights are
fitted by \`npm run fit\` and kept in \`src/answer/ranking-model.json\`. ${manualsNote}

## How the engine decides

A question is read first (\`src/answer/question.ts\`: chat spellings written out, its question word,
the kind of answer it wants, the kind of passage it asks about, whether it asks if something holds,
each word's part of speech from compromise). Its words become concepts with their WordNet
relatives (\`src/search/query.ts\`, \`src/search/lexicon.ts\`). The sentences of the passages the
search index finds are the candidates; each gets the named features of \`src/answer/features.ts\`,
and its score is their weighted sum. A claim counts as its best sentence. A question is answered
when a claim it would show (the best, or one within the claim margin of it) holds enough of the
question's focus in its sentence and the answer passes the answer rules.

The weights are fitted (\`src/quality/fit.ts\`): the sentence weights by listwise logistic regression
(the sentences that hold an expected fragment against the others found for the same question), the
answer rules by the most questions right, the claim margins by a grid search on the figures.

## Figures

Fitted on all the evaluation set's questions, scored on the same and on the manuals (\`score.mjs\`'s
figures, in-process):

${fittedAll.map((p) => `    ${p.name}: ${tallyLine(p.tally)}`).join('\n')}

Held out: the questions split into ${folds} parts by a fixed shuffle, each part answered by a model
fitted on the other four; the manuals as above, as nothing is fitted on them. These are the figures
to watch: a change that only memorises the set shows up here, not above.

${fittedHeld.map((p) => `    ${p.name}: ${tallyLine(p.tally)}`).join('\n')}

Plain MiniSearch (blank-line paragraphs, default options, never refusing) on the same questions:

    ${tallyLine(plainTally)}

## By category, against plain MiniSearch

| category | questions | citebot | plain MiniSearch |
| --- | --- | --- | --- |
${categoryRows.join('\n')}

## Ablation

Each row leaves one feature (or answer rule) out: its weight held at 0, the model refitted
without it. Columns: the evaluation set's hit@3 | contested | answered | refused, fitted on all, then
held out; then the manuals' hit@3 with the model fitted on all of the evaluation set (never on the manuals).

| left out | dev: hit@3 | contested | answered | refused | held out: hit@3 | contested | answered | refused | manuals: hit@3 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table.join('\n')}

## The fitted weights

| feature | weight |
| --- | --- |
${fitted.features.map((f, i) => `| ${f} | ${fitted.weights[i]} |`).join('\n')}

Claims: ${JSON.stringify(fitted.claims)}. Answer rules: ${JSON.stringify(fitted.answer)}.
`
writeFileSync(values.out, page)
process.stdout.write(`wrote ${values.out} (${elapsed} s)\n`)
