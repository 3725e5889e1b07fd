import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { Engine } from '../../src/answer/engine.js'
import type { Answer, Citation } from '../../src/answer/types.js'
import { loadKnowledge } from '../../src/build/load.js'
import { renderAnswer } from '../../src/render/discord-answer.js'
import { renderAnswerText } from '../../src/render/plain-text.js'
import { renderAnswerBlocks } from '../../src/render/slack-blocks.js'
import { makeDocx, makePdf, seedsWith } from '../helpers/documents.js'

const PAGE = `<html><head><title>Scores in Rongcheng</title><meta name="author" content="Jane Doe"></head><body>
<article><h1>Scores in Rongcheng</h1>
<p>Rongcheng deducts points for unpaid bills, the city says, and residents earn them back by volunteering.</p>
<h2>What residents say</h2>
<p>A shopkeeper in Rongcheng told us she had never been asked for her score by a landlord or a bank.</p></article>
<section id="comments"><article class="comment"><header><span class="author">Li Wei</span><time datetime="2019-03-05">5 March</time></header>
<p>My landlord in Rongcheng asked for my score last spring.</p></article></section></body></html>`

let dir: string
let seeds: string
let index: string
let rebuilt: string[][]
const load = () => loadKnowledge({ indexDir: index, seedsDir: seeds, onRebuild: (c) => rebuilt.push(c) })
const citations = (a: Answer): Citation[] => a.claims.flatMap((c) => [...c.support, ...c.disputes])

beforeAll(async () => {
  seeds = seedsWith({
    'scores.html': PAGE,
    'pilot.pdf': await makePdf({
      title: 'The Rongcheng Pilot',
      author: 'Jane Roe',
      header: 'Example Institute',
      pages: [
        [{ lines: ['Rongcheng gives every resident 1,000 points at the start of each year.'] }],
        [{ lines: ['A resident of Rongcheng who loses points can ask the city for a hearing.'] }],
      ],
    }),
    'review.docx': await makeDocx({
      title: 'Rongcheng pilot review',
      creator: 'Jane Doe',
      body: [
        { heading: 'Findings' },
        { text: 'Employers in Rongcheng may ask for a resident’s score before hiring.', comment: 1 },
      ],
      comments: [
        {
          id: 1,
          author: 'Gray',
          date: new Date('2019-03-07'),
          paragraphs: ['No employer in Rongcheng has ever asked for my score.'],
        },
      ],
    }),
    'broken.pdf': '%PDF-1.7 truncated',
    'broken.docx': 'not a zip',
    'broken.html': new Uint8Array([0, 1, 2, 3]),
  })
  dir = mkdtempSync(join(tmpdir(), 'citebot-extracted-'))
  index = join(dir, 'index')
  rebuilt = []
}, 60_000)

describe('an index of HTML, PDF and Word seeds', () => {
  it('reads them beside the text seeds, skips the broken ones with one line each, and keeps their extracted texts', () => {
    const loaded = load()
    expect(rebuilt).toHaveLength(1)
    expect(loaded.errors.map((e) => e.file).sort()).toEqual(['broken.docx', 'broken.html', 'broken.pdf'])
    expect(loaded.knowledge.sources.size).toBe(8)
    for (const file of ['scores.html', 'pilot.pdf', 'review.docx'])
      expect(existsSync(join(index, 'text', `${file}.txt`)), file).toBe(true)
    expect(existsSync(join(index, 'text', '001_9fab6d5f1b59d2ac.txt.txt'))).toBe(false)
  }, 60_000)

  it('answers with quotes that are verbatim spans of the extracted text, with their page or section', () => {
    const engine = new Engine(load().knowledge)
    expect(rebuilt).toHaveLength(1)
    const asked = [
      engine.ask('Can a resident who loses points ask for a hearing?'),
      engine.ask('Has a landlord asked a shopkeeper for her score?'),
      engine.ask('What did Li Wei say about his landlord?'),
      engine.ask('Do employers in Rongcheng ask for a score before hiring?'),
      // A review comment is the reader's, with the reader's name.
      engine.ask('What did Gray say about employers?'),
    ]
    const cited = asked.flatMap(citations)
    for (const c of cited.filter((x) => /\.(html|pdf|docx)$/.test(x.file))) {
      const text = readFileSync(join(index, 'text', `${c.file}.txt`), 'utf8')
      expect(text.slice(c.start, c.end)).toBe(c.quote)
    }
    const from = (file: string, fragment: string) =>
      cited.find((c) => c.file === file && c.quote.includes(fragment)) as Citation
    expect(from('pilot.pdf', 'ask the city for a hearing')).toMatchObject({ page: 2, author: 'Jane Roe' })
    expect(from('scores.html', 'never been asked')).toMatchObject({ section: 'What residents say' })
    expect(from('scores.html', 'My landlord')).toMatchObject({ voice: 'comment', author: 'Li Wei' })
    expect(from('review.docx', 'may ask for a resident’s score')).toMatchObject({
      section: 'Findings',
      voice: 'article',
      author: 'Jane Doe',
    })
    expect(from('review.docx', 'No employer')).toMatchObject({ voice: 'comment', author: 'Gray' })
    // The text seeds' citations say nothing more than before.
    const seed = cited.find((c) => c.file.endsWith('.txt'))
    if (seed) expect(seed).not.toHaveProperty('page')
  })

  it('shows where each quote is in the plain text, Slack and Discord renderings ("p. 2", "§ Findings")', () => {
    const answer = new Engine(load().knowledge).ask('Can a resident who loses points ask for a hearing?')
    expect(citations(answer).some((c) => c.page === 2)).toBe(true)
    expect(renderAnswerText(answer)).toContain('— Jane Roe (article), The Rongcheng Pilot, p. 2')
    expect(JSON.stringify(renderAnswerBlocks(answer))).toMatch(/The Rongcheng Pilot[^,"]*, p\. 2/)
    expect(JSON.stringify(renderAnswer(answer))).toMatch(/The Rongcheng Pilot[^,"]*, p\. 2/)
    const docx = new Engine(load().knowledge).ask('Do employers in Rongcheng ask for a score before hiring?')
    expect(renderAnswerText(docx)).toContain('Rongcheng pilot review, § Findings')
  })

  it('drops the extracted text of a seed that was removed', () => {
    rmSync(join(seeds, 'pilot.pdf'))
    const loaded = load()
    expect(rebuilt).toHaveLength(2)
    expect(loaded.knowledge.sources.size).toBe(7)
    expect(existsSync(join(index, 'text', 'pilot.pdf.txt'))).toBe(false)
    expect(existsSync(join(index, 'text', 'review.docx.txt'))).toBe(true)
  }, 60_000)

  it('checks the extracted texts against the manifest, and rebuilds the index when one is cut short', () => {
    const path = join(index, 'text', 'review.docx.txt')
    const whole = readFileSync(path, 'utf8')
    const manifest = JSON.parse(readFileSync(join(index, 'manifest.json'), 'utf8'))
    expect(manifest.files['text/review.docx.txt']).toEqual({
      bytes: Buffer.byteLength(whole),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    truncateSync(path, 10)
    const loaded = load()
    expect(rebuilt).toHaveLength(3)
    expect(loaded.damage).toBe(
      `${path} has 10 bytes, not the ${Buffer.byteLength(whole)} it was written with`,
    )
    expect(readFileSync(path, 'utf8')).toBe(whole)
  }, 60_000)
})
