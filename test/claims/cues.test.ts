import { describe, expect, it } from 'vitest'
import {
  disputePhrase,
  negatedClauses,
  negatedLemmas,
  negatedPredicates,
  negates,
  phrasePattern,
  predicatedTerms,
  refersToSource,
  reportedPhrase,
  statedPredicates,
  subjectOf,
  withoutIdioms,
} from '../../src/claims/cues.js'
import { isQuestion } from '../../src/claims/sentences.js'
import { tagWords } from '../../src/corpus/sentences.js'
import { termOf, tokenize } from '../../src/search/text.js'

const subject = (text: string, word: string) => subjectOf(tokenize(text), termOf(word))

describe('what a sentence predicates a word of', () => {
  it('is the content word before the copula', () => {
    expect(subject('If trust is broken, restrictions are imposed everywhere.', 'imposed')).toBe(
      termOf('restrictions'),
    )
    expect(subject('The harbour fee is now optional.', 'optional')).toBe(termOf('fee'))
  })

  it('is none for a pronoun, past an auxiliary', () => {
    expect(subject('While the system is voluntary for now, it will be mandatory by 2020.', 'mandatory')).toBe(
      '',
    )
    expect(subject('This will become compulsory.', 'compulsory')).toBe('')
  })

  it('is null when the word is not predicated', () => {
    expect(subject('Mandatory checks were dropped.', 'mandatory')).toBeNull()
  })
})

describe('cues on sentences of the seeds', () => {
  it('negation: “the government has never involved” negates involvement', () => {
    expect(negates('And the most important,the government has never involved.', [termOf('involved')])).toBe(
      true,
    )
    expect(negates('With the courts involved in placing debtors on blacklists', [termOf('involved')])).toBe(
      false,
    )
  })

  it('dispute language: nonsense, inaccurate, dramatization, but in fact', () => {
    expect(disputePhrase('I am a Chinese and I can definitely sure this is nonsense.')).toBe('nonsense')
    // The first phrase in the sentence names the dispute.
    expect(disputePhrase('Much of this has stemmed from dramatization and false information')).toBe(
      'dramatization',
    )
    expect(disputePhrase('but in fact, Credit China is more like government run BBB')).toBe('but in fact')
    expect(disputePhrase('The system is run by two companies, Alibaba and Tencent.')).toBeNull()
  })

  it('a negation just before a falsity word turns it round: “not entirely falsely so” disputes nothing', () => {
    expect(disputePhrase('The lamp became a kind of badge – and not entirely falsely so.')).toBeNull()
    expect(disputePhrase('The harbour office did not deny the reports.')).toBeNull()
    expect(disputePhrase('The story of the lamp was a hoax.')).toBe('hoax')
    expect(disputePhrase('It only lights the quay,not those bullshits in the article.')).toBe('bullshits')
  })

  it('a falsity word before “to” and a verb judges an act, unless the verb says something', () => {
    // A manual's words: knowing the commit can mislead; nothing is called untrue.
    expect(
      disputePhrase(
        'It can even be misleading to know the first bad commit if it happens to be such a merge.',
      ),
    ).toBeNull()
    expect(disputePhrase('It is false to say that the council sold the ferry.')).toBe('false')
    expect(disputePhrase('The report is false to the core.')).toBe('false')
    expect(disputePhrase('It is ridiculous to think the ferry was sold.')).toBe('ridiculous')
  })

  it('a falsity word that describes a thing calls nothing untrue: “a fake passport”, “changes staged in the index”', () => {
    // Before a noun that is no statement, or after a noun as what was done to it (a manual's words).
    expect(disputePhrase('The ferry’s captain travelled on a fake passport.')).toBeNull()
    expect(disputePhrase('This file records fake commit ancestry information.')).toBeNull()
    expect(disputePhrase('Use it to adjust the contents of a poorly staged commit.')).toBeNull()
    expect(disputePhrase('Show the content staged for the next commit.')).toBeNull()
    // A possessive noun too ("staged contents' mode bits").
    expect(disputePhrase("Show staged contents' mode bits and stage numbers.")).toBeNull()
    expect(disputePhrase('The captain’s fake passport’s number was noted.')).toBeNull()
    expect(
      disputePhrase('Newer versions ignore those chunks without trusting the incorrect data.'),
    ).toBeNull()
    // Before a noun of what is said or shown, or said of it, it does.
    expect(disputePhrase('The council called them false accusations.')).toBe('false')
    expect(disputePhrase('This is a fake photo of the harbour.')).toBe('fake')
    expect(disputePhrase('The photo of the lamp was staged.')).toBe('staged')
    expect(disputePhrase('The staged video went viral.')).toBe('staged')
    // A later use in the same sentence still counts.
    expect(disputePhrase('The story is false, and the fake passport was real.')).toBe('false')
  })

  it('a falsity word written as a value calls nothing untrue: `false`, "false" (…), true/false', () => {
    expect(disputePhrase('"false" (case insensitive) disables trace messages.')).toBeNull()
    expect(disputePhrase('This is recognized only if `$prevent_xss` is `false`.')).toBeNull()
    expect(disputePhrase('Canonicalize values as either "true" or "false".')).toBeNull()
    expect(disputePhrase('It passes a true/false flag to the tool.')).toBeNull()
    expect(disputePhrase('The mayor called the report "false" on Monday.')).toBe('false')
  })

  it('“was wrong” denies a report, “was wrong for them to” judges an act', () => {
    expect(disputePhrase('The mayor said the report of the sale was wrong.')).toBe('was wrong')
    expect(disputePhrase('The mayor said it was wrong for the council to sell the harbour lamp.')).toBeNull()
  })

  it('a doubt about a whole source refers to it', () => {
    expect(refersToSource('I’m a Chinese, I don’t know how this guy got the evidence about this.')).toBe(true)
    expect(refersToSource('questions raised about the accuracy of the source on which I based this')).toBe(
      true,
    )
    expect(refersToSource('Sesame Credit is run by Alibaba’s financial arm')).toBe(false)
  })

  it('predicate: “its totally OPTIONAL” predicates optional, “optional. So far.” is hedged elsewhere', () => {
    const tokens = tokenize('Besides,nobody ever cares about Sesame Credit cuz its totally OPTIONAL!')
    expect(predicatedTerms(tokens).has(termOf('optional'))).toBe(true)
  })
})

describe('questions', () => {
  it('are not statements, unless the question mark ends a tag', () => {
    expect(isQuestion('Is it mandatory?')).toBe(true)
    expect(isQuestion('If you haven’t lived here, Please don’t writte those stupid things, OK?')).toBe(false)
    expect(isQuestion('It is optional, right?')).toBe(false)
    expect(isQuestion('It is optional.')).toBe(false)
  })
})

describe('denials and hedges, from the word lists in src/data', () => {
  it('finds denials and refutations, not their look-alikes', () => {
    expect(disputePhrase('Reports that the ferry was sold are false, the council said.')).toBe('false')
    expect(disputePhrase('An official denied that the woman is his wife.')).toBe('denied that')
    expect(disputePhrase('The video was a hoax staged for a channel.')).toBe('hoax')
    expect(disputePhrase('He said the figure isn’t necessarily completely accurate.')).toMatch(/accurate$/)
    expect(disputePhrase('calls the whole scenario “bull****.”')).toBe('bull****')
    // Denying access is no denial of a statement; a bullet is no bull****.
    expect(disputePhrase('The system punishes people by denying access to trains.')).toBeNull()
    expect(disputePhrase('A sniper’s bullet hit his helmet.')).toBeNull()
  })

  it('reads what a verb of belief governs as what someone thought, not as a dispute', () => {
    expect(disputePhrase('Some voters thought the bill was a joke.')).toBeNull()
    expect(disputePhrase('i dont see how this article is not a joke')).toBe('is not a joke')
  })

  it('marks hedges as reported, and they are no dispute', () => {
    for (const t of [
      'The pier will reportedly close for the winter.',
      'Following rumours, the shop closed early.',
      'The mayor will resign, according to the Harbour Times.',
      'The report is unconfirmed.',
    ]) {
      expect(reportedPhrase(t), t).not.toBeNull()
      expect(disputePhrase(t), t).toBeNull()
    }
    expect(reportedPhrase('The pier closed for the winter.')).toBeNull()
  })

  it('phrases match whole words, with a wildcard and alternatives', () => {
    const re = new RegExp(phrasePattern('deny/denies the rumo*r'), 'iu')
    expect(re.test('They deny the rumour.')).toBe(true)
    expect(re.test('She denies the rumor.')).toBe(true)
    expect(re.test('They undeny the rumour.')).toBe(false)
  })
})

describe('what a negation negates', () => {
  const denied = (text: string) => {
    const plain = withoutIdioms(text)
    return negatedPredicates(tokenize(plain), plain)
  }
  it('is the first content word after it, past words that only stand between', () => {
    expect(denied('And the most important,the government has never involved.').has(termOf('involved'))).toBe(
      true,
    )
    expect(denied('The mayor did not sign the budget on Monday.').has(termOf('sign'))).toBe(true)
    expect(denied('Spiders are not able to burrow through skin.').has(termOf('burrow'))).toBe(true)
    // Not a word later in the sentence: "would not prosecute low-level cases" negates prosecuting.
    expect(denied('He would not prosecute low-level possession cases.').has(termOf('low-level'))).toBe(false)
  })

  it('ends with its clause', () => {
    expect(denied('When I do not even want, the lamp appears.').has(termOf('appears'))).toBe(false)
    expect(denied('When I do not even want it the lamp appears.').has(termOf('lamp'))).toBe(true)
    expect([...negatedLemmas(tagWords('When I did not even ask, the lamp appeared.'))]).not.toContain(
      termOf('appear'),
    )
  })

  it('is nothing in an idiom', () => {
    expect(denied('This is not the first time the pier has closed.').size).toBe(0)
    expect(denied('There is no doubt the pier has closed.').size).toBe(0)
  })

  it('meets irregular forms through their lemmas: “was not seen” negates what “saw” says', () => {
    const words = [
      { word: 'was', lemma: 'be' },
      { word: 'not', lemma: 'not' },
      { word: 'seen', lemma: 'see' },
    ]
    // The claim's "saw" has the lemma "see" too (see findDisputes).
    expect(negatedLemmas(words).has(termOf('see'))).toBe(true)
    expect(termOf('saw')).not.toBe(termOf('see'))
  })
})

describe('what a negation says is not so, and what a claim states', () => {
  const scopes = (text: string) => negatedClauses(tagWords(text)).map((n) => [...n.scope])
  it('reads the words a negation stands before, the full stop of an abbreviation not ending it', () => {
    const [scope] = scopes('Pictures show no dimming for Mrs. Ross, the keepers said.')
    expect(scope).toContain(termOf('dimming'))
    expect(scope).toContain(termOf('ross'))
    expect(scope).not.toContain(termOf('keepers'))
  })

  it('takes no negation in a condition for a statement that something is not so', () => {
    expect(scopes('If the beacon is not lit, the ferry waits at the quay.')).toEqual([])
    expect(scopes('The beacon is not lit, and the ferry waits at the quay.')).toHaveLength(1)
  })

  it('states with verbs, adjectives and what a copula predicates, not with the parts of a name', () => {
    const stated = statedPredicates(tagWords('The two main tools are git-merge and git-cherry-pick.'))
    // The tagger splits the name at its hyphens: a part of it has no other part in its clause.
    expect([...(stated.get(termOf('pick'))?.clause ?? [])]).not.toContain(termOf('cherry'))
    expect(statedPredicates(tagWords('The tools were moved to the quay.')).has(termOf('moved'))).toBe(true)
    const blurred = statedPredicates(tagWords('The beacon was reportedly dimmed by the port office.'))
    expect([...(blurred.get(termOf('dimmed'))?.clause ?? [])]).toContain(termOf('beacon'))
    // A verb too common to say it alone says it with its noun: "get discounts".
    expect(
      statedPredicates(tagWords('Residents get discounts on heating bills.')).has(termOf('discounts')),
    ).toBe(true)
  })
})
