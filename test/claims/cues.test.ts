import { describe, expect, it } from 'vitest'
import { subjectOf } from '../../src/claims/cues.js'
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
