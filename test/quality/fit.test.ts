import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { blankModel } from '../../src/answer/model.js'
import { evaluate, fitModel, heldOut } from '../../src/quality/fit.js'
import { holds } from '../../src/quality/gold.js'
import { scoreAnswers, tallyLine } from '../../src/quality/score.js'
import { qualitySetup } from '../../src/quality/setup.js'
import { ROOT } from '../helpers/built.js'

// An evaluation set of our own on the harbor documents, in dev.json's form.
const GOLD = {
  attribution: [{ fragment: 'totally optional for delivery trucks', voice: 'comment', author: 'Jo Reader' }],
  questions: [
    {
      id: 'toll',
      question: 'Is the toll mandatory for trucks?',
      cite_any: ['mandatory for all delivery trucks'],
      contested: true,
      disputed_by_any: ['totally optional'],
    },
    {
      id: 'fine',
      question: 'What happens to drivers who refuse to pay?',
      cite_any: ['fined 200 dollars', 'will be fined'],
    },
    {
      id: 'vote',
      question: 'Was the council vote unanimous?',
      cite_any: ['unanimous vote', 'not unanimous'],
    },
    {
      id: 'against',
      question: 'How many council members voted against the toll?',
      cite_any: ['three members voted against'],
    },
    { id: 'fair', question: 'What does Sam Driver think of the fine?', cite_any: ['steep but fair'] },
    { id: 'oos-moon', question: 'How far away is the moon?', no_answer: true },
    { id: 'oos-soup', question: 'Give me a recipe for onion soup', no_answer: true },
  ],
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-fit-'))
  const seeds = join(dir, 'seeds')
  for (const f of readdirSync(join(ROOT, 'test/fixtures/harbor')))
    cpSync(join(ROOT, 'test/fixtures/harbor', f), join(seeds, f), { recursive: true })
  const gold = join(dir, 'gold.json')
  writeFileSync(gold, JSON.stringify(GOLD))
  return qualitySetup([{ name: 'harbor', gold, seeds, index: join(dir, 'index') }])
}

describe('fitting the ranking model', () => {
  it('scores answers as score.mjs does: hits in the first three claims, refusals, verbatim quotes', () => {
    const { gold, cache, texts } = setup()
    const answers = gold.questions.map((q) => cache.answer(q.question, blankModel()).answer)
    const t = scoreAnswers(gold, gold.questions, answers, texts).tally
    expect(t.answered[1]).toBe(5)
    expect(t.refused[1]).toBe(2)
    // Nothing in the harbor documents is about the moon or soup: nothing is found to answer with.
    expect(t.refused[0]).toBe(2)
    expect(t.verbatim[0]).toBe(t.verbatim[1])
    expect(tallyLine(t)).toMatch(/^(FAIL|PASS): hit@3 \d\/5, contested \d\/1, answered \d\/5, refused 2\/2/)
    expect(holds('“Totally OPTIONAL”', '"totally optional"')).toBe(true)
  }, 60_000)

  it('learns weights that answer the set and refuse its out-of-scope questions, with a held-out figure', () => {
    const { gold, cache, texts, base } = setup()
    const model = fitModel(cache, gold, gold.questions, { ...base, ...blankModel() }, texts)
    const t = evaluate(cache, gold, gold.questions, model, texts).tally
    expect(t.hit[0]).toBeGreaterThanOrEqual(4)
    expect(t.refused[0]).toBe(2)
    // The words of the question, as written, count for something.
    expect(model.weights[model.features.indexOf('exact')]).toBeGreaterThan(0)
    const held = heldOut(cache, gold, blankModel(), texts, 2)
    expect(held.hit[1]).toBe(5)
  }, 120_000)
})
