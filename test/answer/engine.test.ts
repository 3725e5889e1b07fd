import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answersIn } from '../../src/answer/answer-types.js'
import type { Answer } from '../../src/answer/types.js'
import { ROOT, seedEngine } from '../helpers/built.js'

const engine = seedEngine()
const seeds = new Map<string, string>()
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const seedText = (file: string) => {
  if (!seeds.has(file)) seeds.set(file, squash(readFileSync(join(ROOT, 'seeds', file), 'utf8')))
  return seeds.get(file) ?? ''
}
const quotes = (a: Answer) => a.claims.flatMap((c) => [...c.support, ...c.disputes])

describe('answering', () => {
  it('answers “is it mandatory?” with the mandatory-by-2020 claim, quoted from four sources and contested', () => {
    const a = engine.ask('is it mandatory?')
    expect(a.answered).toBe(true)
    const claim = a.claims[0]
    expect(claim?.statement).toContain('mandatory by 2020')
    expect(new Set(claim?.support.map((c) => c.sourceId)).size).toBe(4)
    expect(claim?.contested).toBe(true)
    expect(
      claim?.disputes.some((d) => d.quote.includes('totally OPTIONAL') && d.author === 'Edward Lin'),
    ).toBe(true)
    expect(claim?.note).toMatch(
      /^Contested: Edward Lin, in a reader comment on Falkvinge’s post, says “.*OPTIONAL/,
    )
    expect(claim?.support.some((c) => c.quote.includes('OPTIONAL'))).toBe(false)
  })

  it('quotes each caveat’s doubt whole in its note, however long the sentence', () => {
    const a = engine.ask('is it mandatory?')
    expect(a.caveats.length).toBeGreaterThan(0)
    expect(a.caveats.some((c) => squash(c.citation.quote).length > 120)).toBe(true)
    for (const c of a.caveats) expect(c.note).toContain(`“${squash(c.citation.quote)}`)
  })

  it('says when a claim is not disputed and by how many sources it is stated', () => {
    const a = engine.ask('What score range does Sesame Credit use?')
    const claim = a.claims.find((c) => c.support.some((s) => /350 (and|to) 950/.test(s.quote)))
    expect(claim?.contested).toBe(false)
    expect(claim?.note).toMatch(
      /^Not disputed in the sources; stated (by \d of them(, (all independent|which all trace back to|which trace back to) .+)?|only by .+)\.$/,
    )
  })

  it('reaches “mandatory” from “compulsory”, “have to”, a typo and “opt out”', () => {
    for (const q of ['Is it compulsory?', 'Do people have to join?', 'is it mandetory?']) {
      expect(engine.ask(q).claims[0]?.statement, q).toContain('mandatory by 2020')
    }
    const optOut = engine.ask('Can people opt out?')
    expect(quotes(optOut).some((c) => /optional|voluntary/i.test(c.quote))).toBe(true)
  })

  it('quotes every passage verbatim, at most 400 characters, with its voice and author', () => {
    for (const q of [
      'is it mandatory?',
      'Are Alibaba and Tencent behind the score?',
      'What is Credit China?',
      'Is it Orwellian?',
    ]) {
      const a = engine.ask(q)
      for (const c of quotes(a)) {
        expect(seedText(c.file)).toContain(squash(c.quote))
        expect(c.quote.length).toBeLessThanOrEqual(400)
        expect(['article', 'update', 'comment']).toContain(c.voice)
      }
    }
  })

  it('answers at most five claims, best first', () => {
    const a = engine.ask('What happens to people with low scores?')
    expect(a.claims.length).toBeGreaterThan(0)
    expect(a.claims.length).toBeLessThanOrEqual(5)
  })

  it('answers whether a source is accurate with those who doubt it, attributed to who wrote it', () => {
    const reliable = engine.ask('Is the ACLU post reliable?')
    const first = reliable.claims[0]?.support[0]
    expect(first?.quote).toContain('accuracy of the source')
    expect(first?.voice).toBe('update')
    // Quoted as a claim, the doubt is not repeated among the caveats.
    expect(reliable.caveats.some((c) => c.citation.quote.includes('accuracy of the source'))).toBe(false)
    const nonsense = engine.ask('Is this nonsense?')
    const lin = quotes(nonsense).find((q) => q.quote.includes('this is nonsense'))
    expect(lin?.voice).toBe('comment')
    expect(lin?.author).toBe('Edward Lin')
    const exaggerated = engine.ask('Was it exaggerated by Western media?')
    expect(quotes(exaggerated).some((q) => q.quote.includes('dramatization and false information'))).toBe(
      true,
    )
  })

  it('ranks a claim found through a supporting sentence by what its own statement says', () => {
    // The Oct. 5 sentence says who wrote, and supports the mandatory and 350–950 claims: those
    // claims do not answer who wrote the first article.
    const a = engine.ask('Who wrote the first article on this topic?')
    expect(a.claims[0]?.statement).toContain('The first article covering this topic')
  })

  it('reaches "throttling" from "limit" through WordNet, past the common words of the question', () => {
    const a = engine.ask('Can a low score limit your internet?')
    const top = a.claims.slice(0, 3).flatMap((c) => c.support.map((q) => q.quote))
    expect(top.some((q) => q.includes('throttling an Internet connection'))).toBe(true)
  })

  it('answers “What did Edward Lin say?” with his own claims first, attributed to him', () => {
    const a = engine.ask('What did Edward Lin say?')
    const first = a.claims[0]?.support[0]
    expect(first?.author).toBe('Edward Lin')
    expect(first?.voice).toBe('comment')
    // His claim is his, not the post's.
    expect(a.claims[0]?.note).toBe(
      'Not disputed in the sources; stated only by Edward Lin, in a reader comment on Falkvinge’s post.',
    )
  })

  it('answers “range” with a numeric range rather than the verb “range”', () => {
    const a = engine.ask('What range are scores on?')
    expect(a.claims[0]?.support.some((q) => /350 (to|and) 950/.test(q.quote))).toBe(true)
  })

  it('answers when a claim it shows holds what is asked, though the best-scored one does not', () => {
    // The best-scored sentence holds "fly" only inside "no-fly lists" and no "record": no focus of
    // its own; the Atlantic's "records" in the next claim is.
    const a = engine.ask('Could a bad record get me banned from flying?')
    expect(a.answered).toBe(true)
    expect(quotes(a).some((q) => q.quote.includes('no-fly lists'))).toBe(true)
  })

  it('asks about X when asked “is it true that X”', () => {
    const a = engine.ask('Is it true that it is mandatory?')
    expect(a.claims[0]?.support.some((q) => q.quote.includes('mandatory by 2020'))).toBe(true)
  })

  it('cautions about a source only where the answer quotes its author, not only its readers', () => {
    const questions = [
      'What do the ACLU post’s readers say a bad credit score can cost you in the US?',
      'How long had China been trialling the scheme, according to one commenter?',
      'is it mandatory?',
      'What score range does Sesame Credit use?',
    ]
    for (const q of questions) {
      const a = engine.ask(q)
      for (const c of a.caveats) {
        const byAuthor = a.claims.some((claim) =>
          claim.support.some((s) => s.sourceId === c.sourceId && s.voice !== 'comment'),
        )
        expect(byAuthor, `${q}: caveat on ${c.sourceId}`).toBe(true)
      }
    }
    // Readers' comments alone: the ACLU author's doubt of his own source is not theirs to carry.
    const readers = engine.ask(questions[0] as string)
    expect(readers.claims.flatMap((c) => c.support).every((s) => s.voice === 'comment')).toBe(true)
    expect(readers.caveats).toEqual([])
  })

  it('lists caveats on the sources it cites, such as the ACLU author’s own doubt', () => {
    const a = engine.ask('is it mandatory?')
    expect(
      a.caveats.some(
        (c) => c.citation.quote.includes('accuracy of the source') && c.citation.voice === 'update',
      ),
    ).toBe(true)
  })
})

describe('refusing', () => {
  const refused = (q: string, pointsToSources = true) => {
    const a = engine.ask(q)
    expect(a.answered, q).toBe(false)
    expect(a.claims).toEqual([])
    if (pointsToSources) expect(a.message).toContain('/sources')
    return a
  }

  it('says the sources do not answer the weather, a recipe, code or trivia, and points to /sources', () => {
    refused('What is the weather in Tokyo today?')
    refused('Give me a recipe for dumplings')
    refused('How do I reverse a linked list in Python?')
    refused('Who won the World Cup?')
    refused('What is the capital of France?')
  })

  it('refuses “how many” when no sentence found holds a number: a pronoun “one” is none', () => {
    refused('How many people live in China?')
  })

  it('finds numbers, not the pronoun “one”, for a “how many” question', () => {
    expect(answersIn('number', 'It’s all about the kind of society one wants to live in.')).toEqual([])
    expect(answersIn('number', 'No one I know has ever checked it.')).toEqual([])
    expect(
      answersIn('number', 'Everybody is measured by a score between 350 and 950.').length,
    ).toBeGreaterThan(0)
    expect(answersIn('number', 'Eight companies ran pilots.').length).toBeGreaterThan(0)
  })

  it('finds a place in a preposition before a capitalised word, not before any word', () => {
    expect(answersIn('place', 'Pilots ran in Shanghai and Hangzhou first.')).toEqual([['in', 'shanghai']])
    expect(answersIn('place', 'It outsourced pilot projects to track data on citizens.')).toEqual([])
    expect(answersIn('place', 'Write to `~/.gitconfig` rather than `.git/config`.')).toEqual([
      ['gitconfig'],
      ['git', 'config'],
    ])
    expect(answersIn('place', 'Ask your bank and/or your lender, 24/7.')).toEqual([])
  })

  it('handles empty, blank, emoji, Chinese and punctuation-only input with a clear message', () => {
    for (const q of ['', '   \n\t ', '🙂🙂🙂', '社会信用体系是强制性的吗？', '???', '\u0000\u0007\u001b[31m'])
      refused(q)
  })

  it('refuses 10,000 characters with the length and the limit', () => {
    const a = refused(`${'is it mandatory '.repeat(625)}`.slice(0, 10_000).replace(/ $/, '?'), false)
    expect(a.message).toMatch(/10,000 characters.*1,000/)
  })

  it('ignores Slack and Discord mention syntax and markdown in a question', () => {
    const plain = engine.ask('is it mandatory?').claims[0]?.statement
    for (const q of [
      '<@U012ABC> is it *mandatory*?',
      '<@!1234567890> is it mandatory? @everyone',
      '<!channel> _is_ it `mandatory`?',
    ]) {
      expect(engine.ask(q).claims[0]?.statement, q).toBe(plain)
    }
  })

  it('never throws on control characters, markdown or a mention alone', () => {
    for (const q of ['<@U123>', '@here', '**', '> quote', '# heading', 'a\u0000b\u0001c is it mandatory?']) {
      expect(() => engine.ask(q)).not.toThrow()
    }
  })
})
