import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/build/build-index.js'
import { formatReport } from '../../src/cli/format-report.js'
import { fileProgress } from '../../src/cli/progress.js'
import { countByFormat } from '../../src/corpus/format-counts.js'
import { readCorpus } from '../../src/corpus/read-seeds.js'
import { ROOT } from '../helpers/built.js'
import { makePdf, seedsWith } from '../helpers/documents.js'

/** A terminal that keeps what is written to it. */
const terminal = () => {
  const written: string[] = []
  const stream = { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream
  return { stream, written }
}

describe('what `npm run index` reports', () => {
  it('counts files and passages read per format, and the files skipped, and its bar counts files', async () => {
    const dir = seedsWith({
      'page.html':
        '<html><head><title>Page</title></head><body><article><p>One paragraph of a saved page about points in Rongcheng.</p><p>And a second one.</p></article></body></html>',
      'report.pdf': await makePdf({
        title: 'Report',
        pages: [[{ lines: ['A PDF about points in Rongcheng.'] }]],
      }),
      'scan.pdf': '%PDF-1.7 not really',
    })
    const { stream, written } = terminal()
    let clock = 0
    const bar = fileProgress(stream, () => (clock += 100))
    const { corpus } = buildIndex(
      dir,
      (step) => bar.step(step),
      (file, done, total, passages) => bar.file(file, done, total, passages),
    )
    bar.finish()
    const counts = countByFormat(corpus)
    const seedPassages = readCorpus(join(ROOT, 'seeds')).documents.reduce((n, d) => n + d.passages.length, 0)
    expect(counts).toEqual([
      { format: 'txt', files: 5, passages: seedPassages, skipped: 0 },
      { format: 'html', files: 1, passages: 2, skipped: 0 },
      { format: 'pdf', files: 1, passages: 1, skipped: 1 },
    ])
    expect(formatReport(counts).split('\n')).toEqual([
      'Read 7 files from seeds/:',
      `  txt    5 files, ${seedPassages} passages`,
      '  html   1 file, 2 passages',
      '  pdf    1 file, 1 passage (1 skipped)',
    ])
    expect(formatReport(counts, '/tmp/team-docs/').split('\n')[0]).toBe('Read 7 files from /tmp/team-docs/:')
    const frames = written.join('').split('\r').filter(Boolean)
    // Files and passages done, the time since the start and what is left of the reading, the file.
    const first = readCorpus(join(ROOT, 'seeds')).documents[0]?.passages.length ?? 0
    expect(frames[0]).toMatch(
      new RegExp(`1/8 files · ${first} passages · 0\\.1 s, ~\\d+ s left · 000_69de7e6420143b03\\.txt`),
    )
    expect(frames[7]).toContain('8/8 files')
    expect(frames[7]).toContain('scan.pdf')
    expect(frames[frames.length - 1]).toMatch(/8\/8 files · [\d,]+ passages · [\d.]+ s · trace sources/)
  }, 60_000)

  it('writes one line per build step, with its time, when not on a terminal', () => {
    const written: string[] = []
    const stream = { isTTY: false, write: (x: string) => written.push(x) } as unknown as NodeJS.WriteStream
    let clock = 0
    const bar = fileProgress(stream, () => (clock += 250))
    bar.file('a.txt', 1, 2, 3)
    bar.file('b.txt', 2, 2, 7)
    bar.step('read seeds')
    bar.step('find claims')
    bar.finish()
    expect(written).toEqual([
      'index: read seeds in 0.8 s (2 files, 7 passages)\n',
      'index: find claims in 0.3 s\n',
    ])
  })
})
