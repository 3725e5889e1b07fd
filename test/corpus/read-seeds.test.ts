import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCorpus } from '../../src/corpus/read-seeds.js'
import type { Document, Passage } from '../../src/corpus/types.js'

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds')
const corpus = readCorpus(SEEDS)
const all = corpus.documents.flatMap((d) => d.passages)
const containing = (fragment: string): Passage => {
  const found = all.filter((p) => p.text.includes(fragment))
  expect(found, `one passage holds "${fragment}"`).toHaveLength(1)
  return found[0] as Passage
}
const byId = new Map(all.map((p) => [p.id, p]))
const doc = (file: string): Document =>
  corpus.documents.find((d) => d.source.file.startsWith(file)) as Document

describe('reading the seeds', () => {
  it('reads all five seeds without errors', () => {
    expect(corpus.errors).toEqual([])
    expect(corpus.documents.map((d) => d.source.file)).toEqual(
      readdirSync(SEEDS).filter((f) => f.endsWith('.txt')),
    )
  })

  it('keeps every passage a verbatim span of its file at its offsets', () => {
    for (const d of corpus.documents) {
      const file = readFileSync(join(SEEDS, d.source.file), 'utf8')
      for (const p of d.passages) {
        expect(p.text.length).toBeGreaterThan(0)
        expect(file.slice(p.start, p.end)).toBe(p.text)
        expect(p.text).toBe(p.text.trim())
      }
    }
  })

  it('gives every source a readable, unique id and its metadata', () => {
    const ids = corpus.documents.map((d) => d.source.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(doc('000').source).toMatchObject({
      author: 'Steve Ambrose',
      publisher: 'Daily Caller News Foundation',
    })
    expect(doc('001').source).toMatchObject({ author: 'Rick Falkvinge', date: '2015-10-03' })
    expect(doc('002').source).toMatchObject({ author: 'Jay Stanley', publisher: 'ACLU' })
    expect(doc('003').source).toMatchObject({ title: 'Social Credit System', author: 'Kevin Hong' })
    expect(doc('004').source.url).toBe(
      'https://www.theatlantic.com/international/archive/2018/02/china-surveillance/552203/',
    )
  })

  it('reads "totally OPTIONAL" as a comment by Edward Lin inside the thread under warcaster', () => {
    const p = containing('totally OPTIONAL')
    expect(p).toMatchObject({ voice: 'comment', author: 'Edward Lin' })
    const chain: string[] = []
    let at: Passage | undefined = p
    while (at?.replyTo) {
      at = byId.get(at.replyTo)
      if (at) chain.push(at.author ?? '?')
    }
    expect(chain).toEqual(['Gray', 'Jin Peng', 'warcaster'])
  })

  it('reads "accuracy of the source" as the ACLU post’s update, by its author', () => {
    expect(containing('accuracy of the source')).toMatchObject({ voice: 'update', author: 'Jay Stanley' })
  })

  it('reads Falkvinge’s own reply as a comment by Falkvinge', () => {
    expect(containing('That level makes you eligible')).toMatchObject({
      voice: 'comment',
      author: 'Falkvinge',
    })
  })

  it('reads the UPDATE of Falkvinge’s post as an update', () => {
    expect(containing('official directive (in English)')).toMatchObject({
      voice: 'update',
      author: 'Rick Falkvinge',
    })
  })

  it('attributes the Atlantic excerpt to The Atlantic and not the poster’s commentary', () => {
    expect(containing('it will be mandatory by 2020. Already')).toMatchObject({
      voice: 'article',
      author: 'The Atlantic',
    })
    const poster = containing('scaremongering propaganda')
    expect(poster.author).not.toBe('The Atlantic')
    expect(poster.voice).toBe('comment')
  })

  it('separates unnumbered comments by two blank lines and takes a short line before them as the name', () => {
    expect(containing('band aggregation of information')).toMatchObject({
      voice: 'comment',
      author: 'nelle douville',
    })
    expect(containing('chances of this happening in the US are nil')).toMatchObject({
      author: 'The Culture of Compliance',
    })
    expect(containing('suppression of upward mobility')).toMatchObject({ author: 'Kevin Jones' })
    expect(containing('entire counterculture movement')).toMatchObject({ voice: 'comment', author: null })
    const cynic = all.filter((p) => p.author === 'Political Cynic')
    expect(cynic.length).toBe(5)
    expect(new Set(cynic.map((p) => p.commentId)).size).toBe(1)
  })

  it('puts the wiki’s passages under their section headings', () => {
    expect(containing('DICOM').section).toBe('Comparisons to Other Governments')
    expect(containing('dramatization and false information').section).toBe('Misconceptions in Western Media')
    expect(containing('The Social Credit System is a system being developed').section).toBeNull()
  })

  it('keeps the loan offer as a spam passage and nothing else as spam', () => {
    const spam = all.filter((p) => p.spam)
    expect(spam).toHaveLength(1)
    expect(spam[0]?.text).toContain('private money lender')
  })

  it('makes no passage of page furniture', () => {
    const furniture = [
      'Font Size',
      'Share Tweet',
      'Follow Steve Ambrose on Twitter',
      'available without charge',
      'licensing opportunities',
      'Comments are closed',
      'View comments (132)',
      'Read the Terms of Use',
      'Stay Informed',
      'Pingback:',
      '1.0 1.1 1.2',
      'Posted on Oct 3, 2015',
      'Steve Ambrose Contributor',
      'Daily Caller News Foundation logo',
      'Jump to: navigation',
      'Credit: Kevin Hong',
      'Updated below',
      'Update (10/8/15):',
      'external_link',
    ]
    for (const p of all) {
      for (const f of furniture) expect(p.text, p.id).not.toContain(f)
      // A comment's age ("4 years ago") stands on a line of its own.
      expect(p.text, p.id).not.toMatch(/^\s*\d+ (year|month|day)s? ago\s*$/m)
    }
  })

  it('numbers passages per source in file order', () => {
    for (const d of corpus.documents) {
      d.passages.forEach((p, i) => {
        expect(p.id).toBe(`${d.source.id}#${i + 1}`)
        if (i > 0) expect(p.start).toBeGreaterThan(d.passages[i - 1]?.start ?? 0)
      })
    }
  })
})

describe('reading documents users add', () => {
  const withSeeds = (extra: Record<string, string | Uint8Array>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'citebot-seeds-'))
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f))
    for (const [name, body] of Object.entries(extra)) writeFileSync(join(dir, name), body)
    return dir
  }

  it('reads a Markdown document with front matter, with its metadata', () => {
    const md = [
      '---',
      'title: "Scoring in Rongcheng"',
      'author: Jane Doe',
      'publisher: Example Weekly',
      'date: 2019-03-04',
      'url: https://example.org/rongcheng',
      '---',
      '',
      'Rongcheng gives every resident 1,000 points at the start.',
      '',
      'Points are deducted for traffic violations.',
      '',
    ].join('\n')
    const read = readCorpus(withSeeds({ 'rongcheng.md': md }))
    const added = read.documents.find((d) => d.source.file === 'rongcheng.md')
    expect(added?.source).toMatchObject({
      title: 'Scoring in Rongcheng',
      author: 'Jane Doe',
      publisher: 'Example Weekly',
      date: '2019-03-04',
      url: 'https://example.org/rongcheng',
    })
    expect(added?.passages.map((p) => p.text)).toEqual([
      'Rongcheng gives every resident 1,000 points at the start.',
      'Points are deducted for traffic violations.',
    ])
    expect(added?.passages.every((p) => p.voice === 'article' && p.author === 'Jane Doe')).toBe(true)
  })

  it('names an empty, a binary and a non-UTF-8 file in clear errors and still reads the others', () => {
    const read = readCorpus(
      withSeeds({
        'empty.txt': '',
        'image.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]),
        'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]),
      }),
    )
    expect(read.documents).toHaveLength(5)
    const byFile = Object.fromEntries(read.errors.map((e) => [e.file, e]))
    expect(byFile['empty.txt']?.code).toBe('EMPTY')
    expect(byFile['image.md']?.code).toBe('BINARY')
    expect(byFile['latin1.txt']?.code).toBe('NOT_UTF8')
    for (const e of read.errors) expect(e.message).toContain(`seeds/${e.file}`)
  })

  it('reports malformed front matter as an error for that file only', () => {
    const read = readCorpus(withSeeds({ 'bad.md': '---\ntitle: [unclosed\n---\n\nText.\n' }))
    expect(read.documents).toHaveLength(5)
    expect(read.errors.map((e) => e.file)).toEqual(['bad.md'])
  })
})
