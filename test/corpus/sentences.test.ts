import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sentenceRecords } from '../../src/claims/sentences.js'
import { nonSentence } from '../../src/corpus/non-sentences.js'
import { parseDocument } from '../../src/corpus/parse-document.js'
import { splitSentences } from '../../src/corpus/sentences.js'
import { ROOT } from '../helpers/built.js'

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end))

describe('sentence boundaries', () => {
  it('does not break at abbreviations, initials, times and decimals', () => {
    expect(
      split(
        'He moved to St. Louis in 2010. The U.S. Army said Dr. Smith was there at 5 p.m. on Monday. ' +
          'It cost $3.5 million. J. R. R. Tolkien wrote it long ago. Mr. Lee agreed with the plan.',
      ),
    ).toEqual([
      'He moved to St. Louis in 2010.',
      'The U.S. Army said Dr. Smith was there at 5 p.m. on Monday.',
      'It cost $3.5 million.',
      'J. R. R. Tolkien wrote it long ago.',
      'Mr. Lee agreed with the plan.',
    ])
  })

  it('keeps domains and ellipses inside their sentence and cuts a sentence end written without a space', () => {
    expect(
      split('A spokesman told Metro.co.uk there was no record of him. It was nonsense.Sesame Credit is new.'),
    ).toEqual([
      'A spokesman told Metro.co.uk there was no record of him.',
      'It was nonsense.',
      'Sesame Credit is new.',
    ])
    expect(split('Nobody cares, its totally OPTIONAL!If I can afford it, I will.')).toHaveLength(2)
  })

  it('keeps a real short sentence apart and a verbless fragment with the sentence before it', () => {
    const falkvinge = readFileSync(join(ROOT, 'seeds', '001_9fab6d5f1b59d2ac.txt'), 'utf8')
    const para = falkvinge.split('\n').find((l) => l.startsWith('In theory, Sesame Credit')) ?? ''
    const got = split(para)
    expect(got[0]).toBe(
      'In theory, Sesame Credit (and its benefits) is optional. So far. For the time being.',
    )
    expect(got[1]).toMatch(/^But China has already announced/)
    expect(split('The plan reached every town in the region. All 869,582 of them.')).toHaveLength(1)
    expect(split('We tried to stop the vote in the council. They got nowhere.')).toHaveLength(2)
  })

  it('keeps an attribution with the quotation it follows', () => {
    expect(split('“Really?” he asked the mayor of the town.')).toEqual([
      '“Really?” he asked the mayor of the town.',
    ])
    expect(split('“Scores use hobbies and friends too.” — Quote from a daily paper')).toHaveLength(1)
  })
})

describe('non-sentences', () => {
  it('tells reference lines, credits, datelines and bare links from statements', () => {
    expect(nonSentence('Doe, Jane. "A Giant Crab in the Harbour" Harbour News. 13 October 2014.')).toBe(
      'reference',
    )
    expect(nonSentence('"Harbour crab". Harbour News. Retrieved 13 October 2014.')).toBe('reference')
    expect(nonSentence('Mayor Jane Roe(Credit: AP/John Doe)')).toBe('credit')
    expect(nonSentence('Photo: AFP')).toBe('credit')
    expect(nonSentence('(Photo courtesy: a video screengrab)')).toBe('credit')
    expect(nonSentence('Updated 5:09 a.m. Wednesday:')).toBe('dateline')
    expect(nonSentence('February 4th, 2015 | by Jane Doe')).toBe('dateline')
    expect(nonSentence('So true http://t.co/AbCdEf1234')).toBe('link')
    expect(nonSentence('— Jane Doe (@janedoe) October 8, 2014')).toBe('link')
    expect(nonSentence('www.example.com')).toBe('link')
    expect(nonSentence('Reuters was not able to verify the report from the town.')).toBeNull()
    expect(nonSentence('The results are online at www.example.gov.in in real time for everyone.')).toBeNull()
  })

  it('makes no claim of a credit, a reference or a bare link in an article', () => {
    const text =
      'A harbour story\n\nThe council will close the old harbour bridge to all traffic in May.\n\nMayor Jane Roe at the bridge(Credit: AP/John Doe)\n\nDoe, Jane. "The Harbour Bridge closes" Harbour News. 13 October 2014.\n\nWhat a sight for the whole town http://t.co/AbCdEf1234\n'
    const records = sentenceRecords([parseDocument('harbour.md', text)])
    expect(records.filter((r) => r.worthy).map((r) => text.slice(r.start, r.end))).toEqual([
      'The council will close the old harbour bridge to all traffic in May.',
    ])
  })

  it('reads “Updated …” at the top of an article as its time stamp, not as an author’s update', () => {
    const text =
      'A harbour story\n\nUpdated 5:09 a.m. Wednesday: The council said the bridge will close in May.\n\nIt will reopen in June after the repairs.\n'
    const doc = parseDocument('harbour.md', text)
    expect(doc.passages.map((p) => [p.voice, p.text])).toEqual([
      ['article', 'The council said the bridge will close in May.'],
      ['article', 'It will reopen in June after the repairs.'],
    ])
    const alone = parseDocument(
      'alone.md',
      'A harbour story\n\nUpdated at 11:45 p.m. ET\n\nThe bridge will close in May, the council said.\n',
    )
    expect(alone.passages.map((p) => p.voice)).toEqual(['article'])
    const later = parseDocument(
      'later.md',
      `${text}\nUpdate (10/8/15): The council now says the bridge stays open.\n`,
    )
    expect(later.passages.at(-1)?.voice).toBe('update')
  })
})
