import { describe, expect, it } from 'vitest'
import { readFollowUp, topicWords } from '../../src/chat/follow-up-cues.js'

describe('reading a message as a follow-up', () => {
  it.each([
    ['who disputes that?', 'disputes'],
    ['Does anyone disagree with this?', 'disputes'],
    ['is that true?', 'disputes'],
    ['really?', 'disputes'],
    ['Is it contested?', 'disputes'],
    ['why?', 'sources'],
    ['Who said that?', 'sources'],
    ['where does it say that?', 'sources'],
    ['how do you know?', 'sources'],
    ['tell me about that', 'sources'],
    ['what else?', 'more'],
    ['Anything else?', 'more'],
    ['tell me more', 'more'],
    ['who else says so?', 'more'],
  ])('“%s” points back and asks about %s', (question, kind) => {
    expect(readFollowUp(question)).toEqual({ kind })
  })

  it('reads “and X?” and “what about X?” as the last question with a new focus, X as written', () => {
    expect(readFollowUp('and the ACLU?')).toEqual({ kind: 'focus', focus: 'the ACLU' })
    expect(readFollowUp('And what about Edward Lin?')).toEqual({ kind: 'focus', focus: 'Edward Lin' })
    expect(readFollowUp('what about Rongcheng')).toEqual({ kind: 'focus', focus: 'Rongcheng' })
  })

  it('reads a question with its own topic words and a pronoun as one to try alone first', () => {
    expect(readFollowUp('is it mandatory?')).toEqual({ kind: 'contextual', anaphor: 'it' })
    expect(readFollowUp('how do they score people?')).toEqual({ kind: 'contextual', anaphor: 'they' })
    // "and" before a whole question is no focus.
    expect(readFollowUp('and is it optional?')).toEqual({ kind: 'contextual', anaphor: 'it' })
  })

  it('leaves questions of their own alone, whatever they ask', () => {
    for (const q of [
      'Is Sesame Credit mandatory?',
      'who disputes the 2020 deadline?',
      'what else does the ACLU say?',
      'What is the weather in Tokyo?',
      'ok',
      '',
    ]) {
      expect(readFollowUp(q), q).toBeNull()
    }
  })

  it('finds a message’s topic words without its function words, pronouns and cues', () => {
    expect(topicWords('Who disputes that the system is mandatory?')).toEqual(['system', 'mandatory'])
    expect(topicWords('what else can you tell me about it?')).toEqual([])
  })
})
