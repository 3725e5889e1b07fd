import { describe, expect, it } from 'vitest'
import { disputePhrase, proseOf } from '../../src/claims/cues.js'

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
})
