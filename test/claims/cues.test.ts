import { describe, expect, it } from 'vitest'
import { disputePhrase, negates, predicatedTerms, refersToSource, subjectOf } from '../../src/claims/cues.js'
import { isQuestion } from '../../src/claims/sentences.js'
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
