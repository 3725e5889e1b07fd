import { describe, expect, it } from 'vitest'
import { disputePhrase, instructs, isCorrectionHeading, proseOf } from '../../src/claims/cues.js'

describe('literals in prose are no dispute cue', () => {
  it('blanks code spans, options and settings at the same places', () => {
    const text = 'Set `core.bare` to false with --no-edit or sslVerify=false, then run ``git reset``.'
    const prose = proseOf(text)
    expect(prose).toHaveLength(text.length)
    const blank = (s: string) => ' '.repeat(s.length)
    expect(prose).toBe(
      `Set ${blank('`core.bare`')} to false with ${blank('--no-edit')} or ${blank('sslVerify=false')}, then run ${blank('``git reset``')}.`,
    )
  })

  it('keeps hyphenated words and plain text as written', () => {
    expect(proseOf('The dangers are well-founded - and that is false.')).toBe(
      'The dangers are well-founded - and that is false.',
    )
  })

  it('finds a denial in prose, not in a value', () => {
    expect(disputePhrase('Toggle it to make sure it is set to `false`.')).toBeNull()
    expect(disputePhrase('You may want to use sslVerify=false while troubleshooting.')).toBeNull()
    expect(disputePhrase('That report is false.')).toBe('false')
  })

  it('reads a denial word that names a value as no denial: set to it, or among a setting’s values', () => {
    expect(disputePhrase("Request a forced update. Defaults to 'false'.")).toBeNull()
    expect(disputePhrase('Set this variable to false to keep the old layout.')).toBeNull()
    expect(disputePhrase('The lamp takes a flag {true|false} for the dimmer.')).toBeNull()
    // Said of a report, in quotes or not, it denies.
    expect(disputePhrase('The mayor called the article “false” on Monday.')).toBe('false')
    expect(disputePhrase('The council wanted to clear the air about the mix-up.')).toBe('clear the air')
  })

  it('reads a denial word in a condition as a case considered, not a judgement', () => {
    expect(disputePhrase('If the flag is false, the tool merges instead.')).toBeNull()
    expect(disputePhrase('Even if the sighting turns out to be a hoax, the photo is lovely.')).toBeNull()
    // The condition ends with its clause.
    expect(disputePhrase('If you ask the ferry company, the story is false.')).toBe('false')
  })

  it('a negation that gives a rule is an instruction, not a denial', () => {
    expect(instructs('Do not print the tide tables twice.')).toBe(true)
    expect(instructs('Never moor a boat at the fuel pier.')).toBe(true)
    expect(instructs('The mooring line must not touch the hull.')).toBe(true)
    expect(instructs('The mayor did not sign the harbour budget.')).toBe(false)
    expect(instructs('It is not true that the pier closed.')).toBe(false)
  })

  it('a heading announces corrections in words, not in an option’s values', () => {
    expect(isCorrectionHeading('Misconceptions in Western Media')).toBe(true)
    expect(isCorrectionHeading('Rumours and facts')).toBe(true)
    expect(isCorrectionHeading('-r, --rebase[=false|true|merges]')).toBe(false)
    expect(isCorrectionHeading('option dry-run {true|false}')).toBe(false)
  })
})
