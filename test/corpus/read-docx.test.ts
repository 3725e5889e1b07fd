import { beforeAll, describe, expect, it } from 'vitest'
import { readCorpus } from '../../src/corpus/read-seeds.js'
import type { Document, Passage } from '../../src/corpus/types.js'
import { makeDocx, passageHolding, seedsWith } from '../helpers/documents.js'

let doc: Document
const holding = (fragment: string): Passage => passageHolding(doc, fragment)

// A report under review: a title, headings, a correction section, a reviewer's comment on one
// paragraph and the author's reply to it.
const review = () =>
  makeDocx({
    title: 'Rongcheng pilot review',
    titleParagraph: 'Rongcheng pilot review',
    creator: 'Jane Doe',
    created: '2019-03-04T08:30:00Z',
    body: [
      { text: 'Residents of Rongcheng start each year with 1,000 points.' },
      { heading: 'Findings' },
      { text: 'Points are reset every two years, the city told us.', comment: 1 },
      { text: 'Employers may ask for a resident’s score before hiring.' },
      { heading: 'Correction' },
      { text: 'We first wrote that points are reset every two years; they are reset every year.' },
    ],
    comments: [
      {
        id: 1,
        author: 'Li Wei',
        date: new Date('2019-03-05T10:00:00Z'),
        paragraphs: ['The reset is yearly, not every two years.', 'I checked with the city office.'],
      },
      {
        id: 2,
        author: 'Jane Doe',
        date: new Date('2019-03-06T09:00:00Z'),
        paragraphs: ['Thanks, corrected below.'],
        replyTo: 1,
      },
    ],
  })

beforeAll(async () => {
  const corpus = readCorpus(seedsWith({ 'review.docx': await review() }, false))
  expect(corpus.errors).toEqual([])
  doc = corpus.documents[0] as Document
})

describe('reading a Word document', () => {
  it('takes its title, author and date from its core properties', () => {
    expect(doc.source).toMatchObject({
      file: 'review.docx',
      title: 'Rongcheng pilot review',
      author: 'Jane Doe',
      date: '2019-03-04',
    })
  })

  it('reads its paragraphs under their headings, each a verbatim span of the extracted text', () => {
    expect(doc.passages.filter((p) => p.voice !== 'comment').map((p) => [p.section, p.text])).toEqual([
      [null, 'Residents of Rongcheng start each year with 1,000 points.'],
      ['Findings', 'Points are reset every two years, the city told us.'],
      ['Findings', 'Employers may ask for a resident’s score before hiring.'],
      ['Correction', 'We first wrote that points are reset every two years; they are reset every year.'],
    ])
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text)
  })

  it('reads a correction section as the author’s update', () => {
    expect(holding('We first wrote')).toMatchObject({ voice: 'update', author: 'Jane Doe' })
    expect(holding('city told us')).toMatchObject({ voice: 'article', author: 'Jane Doe' })
  })

  it('reads the review comment as a reader comment by its author, under the heading it was made in', () => {
    const comment = holding('The reset is yearly')
    expect(comment).toMatchObject({
      voice: 'comment',
      author: 'Li Wei',
      date: '2019-03-05',
      section: 'Findings',
      replyTo: null,
    })
    expect(holding('I checked with the city office.')).toMatchObject({
      author: 'Li Wei',
      commentId: comment.id,
    })
  })

  it('links the author’s reply to the comment it answers', () => {
    const first = holding('The reset is yearly')
    expect(holding('Thanks, corrected below.')).toMatchObject({
      voice: 'comment',
      author: 'Jane Doe',
      replyTo: first.id,
      section: 'Findings',
    })
  })

  it('keeps the comment marks out of the text', () => {
    expect(doc.text).not.toMatch(/\[[A-Z]{1,3}\d+\]|↑/)
  })
})

describe('Word files that cannot be read', () => {
  it('skips a .docx that is no zip and one that is a zip of something else, with one line each, and reads the rest', async () => {
    const { zipSync, strToU8 } = await import('fflate')
    const corpus = readCorpus(
      seedsWith({
        'old-format.docx': 'This was a .doc file renamed.',
        'photos.docx': zipSync({ 'photo.txt': strToU8('not a document') }),
        'review.docx': await review(),
      }),
    )
    expect(corpus.documents).toHaveLength(6)
    const byFile = Object.fromEntries(corpus.errors.map((e) => [e.file, e]))
    expect(byFile['old-format.docx']?.message).toMatch(/^seeds\/old-format\.docx: not a Word document/)
    expect(byFile['photos.docx']?.message).toMatch(/^seeds\/photos\.docx: not a Word document.*document\.xml/)
    for (const e of corpus.errors) {
      expect(e.code).toBe('UNREADABLE')
      expect(e.message).not.toContain('\n')
    }
  })
})
