import { describe, expect, it } from 'vitest'
import { analyzeQuestion, expandChat, isFrameWord } from '../../src/answer/question.js'

describe('reading a question', () => {
  it('writes chat spellings out and leaves capitals, numbers and ordinary words alone', () => {
    expect(expandChat('hw much can u borrow w/ a 600')).toBe('how much can you borrow with a 600')
    expect(expandChat('do blacklisted ppl get warned b4 theyre put on the list')).toBe(
      'do blacklisted people get warned before they are put on the list',
    )
    expect(expandChat('wat happens if ur score is low?')).toBe('what happens if your score is low?')
    // "US" and "ID" in capitals are names, not chat; words of a sentence stay as they are.
    expect(expandChat('Is the US ID card the same?')).toBe('Is the US ID card the same?')
    expect(expandChat('Why are people getting plastic surgery?')).toBe(
      'Why are people getting plastic surgery?',
    )
  })

  it('reads the kind of answer a question wants from its question word and the noun it asks about', () => {
    const expects = (q: string) => analyzeQuestion(q).expects
    expect(expects('When did the ACLU analyst publish his piece?')).toBe('date')
    expect(expects('Who runs the ferry?')).toBe('person')
    expect(expects('Where do people show off their scores?')).toBe('place')
    expect(expects('Why are people getting plastic surgery?')).toBe('reason')
    expect(expects('How long had China been trialling the scheme?')).toBe('duration')
    expect(expects('How many people are listed on Credit China?')).toBe('number')
    expect(expects('How much does a Singapore travel permit cost?')).toBe('money')
    expect(expects('Which company operates Sesame Credit?')).toBe('organization')
    expect(expects('What year is the outline from?')).toBe('date')
    expect(expects('is it mandatory?')).toBeNull()
  })

  it('finds the noun a "which", "what" or "any" asks about, but not "any time"', () => {
    expect(analyzeQuestion('Which Soviet scientist does one commenter hold up as an example?').whNoun).toBe(
      'scientist',
    )
    expect(analyzeQuestion('What kind of website is Credit China?').whNoun).toBe('website')
    expect(analyzeQuestion('Has any other country had a system like this?').whNoun).toBe('country')
    expect(
      analyzeQuestion('Could the government launch a program like this any time soon?').whNoun,
    ).toBeNull()
  })

  it('reads the kind of passage asked about and whether it asks if something holds', () => {
    expect(analyzeQuestion('Which commenters think the article is only partly right?').voice).toBe('comment')
    expect(analyzeQuestion('What did Falkvinge add afterwards?').voice).toBe('update')
    expect(analyzeQuestion('What does the ACLU writer think?').voice).toBe('article')
    expect(analyzeQuestion('Is the ferry free?').voice).toBeNull()
    expect(analyzeQuestion('Is it true that the toll is mandatory?').doubt).toBe(true)
    expect(analyzeQuestion('Is the toll mandatory?').doubt).toBe(false)
    expect(isFrameWord('commenters')).toBe(true)
    expect(isFrameWord('toll')).toBe(false)
  })

  it('tags parts of speech with the NLP library and notes the names a question writes', () => {
    const a = analyzeQuestion('How many moons does Jupiter have?')
    expect(a.pos.get('moons')).toBe('noun')
    expect(a.names.has('jupiter')).toBe(true)
    expect(analyzeQuestion('Who founded Alibaba?').pos.get('founded')).toBe('verb')
  })
})
