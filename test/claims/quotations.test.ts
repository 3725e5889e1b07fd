import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CorpusContext } from '../../src/claims/context.js'
import { findQuotations } from '../../src/claims/quotations.js'
import { sentenceRecords } from '../../src/claims/sentences.js'
import { readCorpus } from '../../src/corpus/read-seeds.js'
import { ROOT } from '../helpers/built.js'

// A reader who copies one sentence of an article and then quotes another and answers it, in the
// same comment: the copy's answer is the next sentence, whose own answer is in itself.
const POST = `Readers on the score

Posted on Oct 9, 2015 by Jane Doe

The post collects what readers said about the score.

Comments are closed.


  1. Sam Reader

    Everybody is measured by a score between 350 and 950, which is linked to their national identity card. “Anybody can check anybody’s Chinese credit score today using the site Credit China” but in fact the site lists only companies and officials.

    4 years ago
`

describe('quotations', () => {
  it('hands a copied sentence the answer of the quoting sentence after it, without going round in circles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citebot-quotes-'))
    for (const f of readdirSync(join(ROOT, 'seeds'))) cpSync(join(ROOT, 'seeds', f), join(dir, f))
    writeFileSync(join(dir, '900_readers.txt'), POST)
    const corpus = readCorpus(dir)
    const sentences = sentenceRecords(corpus.documents)
    const ctx = new CorpusContext(corpus.documents, sentences, {})
    const quotations = findQuotations(ctx)
    const ours = [...quotations.values()].filter((q) => q.sentenceId.startsWith('jane-doe-readers-score#'))
    expect(ours).toHaveLength(2)
    const [copy, quote] = ours
    expect(
      ctx.textOf(ctx.sentences.get(copy?.quotes ?? '') ?? { passageId: '', start: 0, end: 0 }),
    ).toContain('between 350 and 950')
    expect(quote?.answer).not.toBeNull()
    expect(copy?.answer).toEqual(quote?.answer)
    const answer = copy?.answer
    const passage = ctx.sentences.get(answer?.sentenceId ?? '')?.passageId ?? ''
    expect(ctx.textOf({ passageId: passage, start: answer?.start ?? 0, end: answer?.end ?? 0 })).toBe(
      'but in fact the site lists only companies and officials.',
    )
  })
})
