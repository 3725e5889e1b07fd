import { beforeAll, describe, expect, it } from 'vitest'
import { locate } from '../../src/corpus/location.js'
import { readCorpus } from '../../src/corpus/read-seeds.js'
import type { Document, Passage } from '../../src/corpus/types.js'
import { makePdf, makeScannedPdf, passageHolding, seedsWith } from '../helpers/documents.js'

// A two-page report as a word processor exports it: a title set large, a running head and page
// numbers on each page, words hyphenated at line ends, and a paragraph that runs on to page 2.
const REPORT = {
  author: 'Jane Roe',
  created: new Date('2019-03-04T09:00:00Z'),
  header: 'Rongcheng Pilot Review — Example Institute',
  pages: [
    [
      { size: 20, bold: true, lines: ['The Rongcheng Pilot'] },
      {
        lines: [
          'Rongcheng gives every resident 1,000 points at the start of each year. The city deducts',
          'points for traffic violations and unpaid bills, and residents earn them back by volun-',
          'teering at the library.',
        ],
      },
      { size: 14, bold: true, lines: ['Findings'] },
      {
        lines: [
          'Officials told us that the system is voluntary for most residents, though some em-',
          'ployers check the scores before they hire anyone, which critics say makes the',
        ],
      },
    ],
    [
      { lines: ['system compulsory in practice for people who look for work in the city.'] },
      { lines: ['Points are reset every year, and a resident who loses points can ask for a hearing.'] },
    ],
  ],
}

let doc: Document
const holding = (fragment: string): Passage => passageHolding(doc, fragment)

beforeAll(async () => {
  const corpus = readCorpus(seedsWith({ 'pilot.pdf': await makePdf(REPORT) }, false))
  expect(corpus.errors).toEqual([])
  doc = corpus.documents[0] as Document
})

describe('reading a text PDF', () => {
  it('takes its author and date from its metadata and its title from the large type on page 1', () => {
    expect(doc.source).toMatchObject({
      file: 'pilot.pdf',
      title: 'The Rongcheng Pilot',
      author: 'Jane Roe',
      date: '2019-03-04',
    })
  })

  it('reads paragraphs in reading order, each a verbatim span of the extracted text, with its page', () => {
    expect(doc.passages.map((p) => [p.page, p.section, p.text.slice(0, 30)])).toEqual([
      [1, null, 'Rongcheng gives every resident'],
      [1, 'Findings', 'Officials told us that the sys'],
      [2, 'Findings', 'Points are reset every year, a'],
    ])
    for (const p of doc.passages) {
      expect(doc.text.slice(p.start, p.end)).toBe(p.text)
      expect(p).toMatchObject({ voice: 'article', author: 'Jane Roe' })
    }
  })

  it('joins words hyphenated at line ends and lines into one paragraph', () => {
    expect(holding('volunteering').text).toBe(
      'Rongcheng gives every resident 1,000 points at the start of each year. The city deducts points for traffic violations and unpaid bills, and residents earn them back by volunteering at the library.',
    )
    expect(holding('some employers check').text).not.toMatch(/em- ?ployers/)
  })

  it('drops the running head and the page numbers', () => {
    expect(doc.text).not.toContain('Example Institute')
    expect(doc.text).not.toMatch(/Page \d of 2/)
  })

  it('goes on with a paragraph cut by the page break, and places a quote from each part on its page', () => {
    const p = holding('compulsory in practice')
    expect(p.text).toContain('which critics say makes the system compulsory in practice')
    expect(p.page).toBe(1)
    const at = p.text.indexOf('system compulsory')
    expect(p.pageBreaks).toEqual([p.start + at])
    expect(locate(p, 'pilot.pdf', p.start, p.start + 20)).toEqual({ page: 1 })
    expect(locate(p, 'pilot.pdf', p.start + at, p.end)).toEqual({ page: 2 })
    expect(locate(p, 'pilot.pdf', p.start, p.end)).toEqual({ page: 1, pageEnd: 2 })
  })

  it('reads a page set in two columns column by column', async () => {
    const left = ['The left column starts the story', 'and goes on down the page to', 'its end here.']
    const right = ['The right column comes next', 'and ends the story on this', 'page for good.']
    const bytes = await makePdf({
      title: 'Columns',
      pageNumbers: false,
      pages: [
        [
          { lines: left, at: { x: 72, y: 700 } },
          { lines: right, at: { x: 330, y: 700 } },
        ],
      ],
    })
    const read = readCorpus(seedsWith({ 'columns.pdf': bytes }, false))
    expect(read.documents[0]?.passages.map((p) => p.text)).toEqual([left.join(' '), right.join(' ')])
  })
})

describe('PDFs that cannot be read', () => {
  it('skips a scanned PDF and a damaged one with one line each, naming them, and reads the rest', async () => {
    const corpus = readCorpus(
      seedsWith({
        'scan.pdf': await makeScannedPdf(),
        'damaged.pdf': '%PDF-1.7\n1 0 obj << /Type /Catalog',
        'pilot.pdf': await makePdf(REPORT),
      }),
    )
    expect(corpus.documents).toHaveLength(6)
    const byFile = Object.fromEntries(corpus.errors.map((e) => [e.file, e]))
    expect(byFile['scan.pdf']).toMatchObject({ code: 'NO_TEXT' })
    expect(byFile['scan.pdf']?.message).toMatch(/^seeds\/scan\.pdf: the PDF has no text.*OCR/)
    expect(byFile['damaged.pdf']).toMatchObject({ code: 'UNREADABLE' })
    expect(byFile['damaged.pdf']?.message).toMatch(/^seeds\/damaged\.pdf: not a readable PDF/)
    for (const e of corpus.errors) expect(e.message).not.toContain('\n')
  })
})
