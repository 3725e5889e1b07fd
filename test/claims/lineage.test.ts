import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/answer/engine.js'
import type { IndexData } from '../../src/build/index-data.js'
import { findAttributions } from '../../src/claims/lineage/attributions.js'
import { Lineage } from '../../src/claims/lineage/lines.js'
import type { LineageLink, SourceGraph } from '../../src/claims/lineage/types.js'
import { Reach, reachable } from '../../src/claims/lineage/walk.js'
import { seedEngine } from '../helpers/built.js'
import { fixtureCorpus } from '../helpers/corpus.js'

const linkOf = (graph: SourceGraph, from: RegExp, to: RegExp): LineageLink | undefined =>
  graph.links.find((l) => from.test(l.from) && to.test(l.to))

describe('walking the links of a source graph', () => {
  const link = (from: string, to: string): LineageLink => ({
    from,
    to,
    confidence: 0.9,
    level: 'high',
    why: '',
    evidence: [],
  })
  const links = [link('c', 'b'), link('b', 'a'), link('x', 'y'), link('y', 'x')]

  it('reaches what the links lead to, in one step or more, and a node itself only through a cycle', () => {
    expect(reachable(links, 'c', 'a')).toBe(true)
    expect(reachable(links, 'a', 'c')).toBe(false)
    expect(reachable(links, 'c', 'c')).toBe(false)
    expect(reachable(links, 'x', 'x')).toBe(true)
    const reach = new Reach(links)
    expect([...reach.from('c')].sort()).toEqual(['a', 'b'])
    expect(reach.from('c')).toBe(reach.from('c'))
    expect([...reach.from('z')]).toEqual([])
  })
})

describe('the source graph of the seeds', () => {
  const kb = () => seedEngine().kb
  const graph = () => kb().sourceGraph

  it('has the Daily Caller drawing on the ACLU post, by naming Jay Stanley as who wrote it', () => {
    const link = linkOf(graph(), /daily-caller/, /aclu/)
    expect(link?.level).toBe('high')
    const quotes = link?.evidence.map((e) => e.quote) ?? []
    expect(quotes.some((q) => q.includes('Jay Stanley, a senior policy analyst with the ACLU, wrote'))).toBe(
      true,
    )
    expect(quotes.some((q) => q.startsWith('Stanley wrote in the blog'))).toBe(true)
    expect(link?.evidence[0]?.detail).toMatch(/its author, Jay Stanley .*its date/)
  })

  it('has the ACLU post drawing on Falkvinge’s post by its link text and its repeated claims', () => {
    const link = linkOf(graph(), /aclu/, /falkvinge/)
    expect(link?.evidence.map((e) => e.kind).sort()).toEqual(['repeats', 'unnamed-link'])
    expect(link?.evidence.find((e) => e.kind === 'unnamed-link')?.quote).toMatch(
      /^Read this piece for the full flavor/,
    )
    expect(link?.repeated?.shared).toBeGreaterThanOrEqual(5)
    expect(link?.confidence).toBeGreaterThanOrEqual(0.5)
    expect(link?.why).toMatch(/^medium|^high/)
  })

  it('has the wiki drawing on the ACLU post (by its title) and on Wired, a work outside the corpus', () => {
    const aclu = linkOf(graph(), /si410/, /aclu/)
    expect(aclu?.evidence[0]?.quote).toContain(
      'titled “China’s Nightmarish Citizen Scores Are a Warning for Americans.”',
    )
    const wired = linkOf(graph(), /si410/, /^outside:wired$/)
    expect(wired?.evidence.every((e) => /according to Wired Magazine/i.test(e.quote))).toBe(true)
    expect(graph().nodes.find((n) => n.id === 'outside:wired')).toMatchObject({
      kind: 'outside',
      label: 'Wired Magazine',
    })
  })

  it('has no source of the corpus behind The Atlantic, only the CCP’s 2014 planning outline outside it', () => {
    const from = graph().links.filter((l) => /atlantic/.test(l.from))
    expect(from.map((l) => l.to)).toEqual([expect.stringMatching(/^outside:.*2014 planning outline/)])
    expect(graph().links.some((l) => /atlantic/.test(l.to))).toBe(false)
  })

  it('names the outside works the seeds name: ComputerWorld, China Daily Asia, Hacker News', () => {
    const labels = graph()
      .nodes.filter((n) => n.kind === 'outside')
      .map((n) => n.label)
    expect(labels).toEqual(expect.arrayContaining(['ComputerWorld', 'China Daily Asia', 'Hacker News']))
  })

  it('quotes every piece of evidence verbatim from the file of the source that draws', () => {
    for (const l of graph().links)
      for (const e of l.evidence) {
        expect(kb().slice(l.from, e.start, e.end)).toBe(e.quote)
        expect(e.quote.length).toBeLessThanOrEqual(400)
      }
  })
})

describe('the source graph of a corpus written for the test', () => {
  let data: IndexData
  let engine: Engine
  beforeAll(() => {
    ;({ data, engine } = fixtureCorpus('lineage'))
  }, 60_000)

  it('finds the blog retelling the report, by its unnamed link and its repeated claims in order', () => {
    const link = linkOf(data.sourceGraph, /tap-talk/, /valley-ledger/)
    expect(link?.level).toBe('high')
    expect(link?.evidence.map((e) => e.kind).sort()).toEqual(['repeats', 'unnamed-link'])
    expect(link?.repeated).toMatchObject({ shared: 5, inOrder: 5 })
  })

  it('finds the news piece quoting the blog by its author, and not the report behind the blog', () => {
    expect(linkOf(data.sourceGraph, /metro-daily/, /tap-talk/)?.evidence[0]?.quote).toMatch(
      /^Theo Banks wrote on his blog/,
    )
    expect(linkOf(data.sourceGraph, /metro-daily/, /valley-ledger/)).toBeUndefined()
    expect(linkOf(data.sourceGraph, /metro-daily/, /^outside:riverton herald$/)?.level).toBe('high')
  })

  it('leaves the second report unlinked: it repeats one claim, not a retelling', () => {
    expect(data.sourceGraph.links.filter((l) => /state-water/.test(`${l.from} ${l.to}`))).toEqual([])
  })

  it('counts the bills claim as two independent lines: the report (blog, then news) and the survey', () => {
    const a = engine.ask('will water bills rise?')
    const claim = a.claims.find((c) => /12 percent/.test(c.statement))
    expect(claim?.independent).toBe(2)
    expect(claim?.lines?.map((l) => l.root.sourceId)).toEqual([
      expect.stringMatching(/valley-ledger/),
      expect.stringMatching(/state-water/),
    ])
    expect(claim?.lines?.[0]?.followers.map((f) => [f.sourceId.split('-')[0], f.how])).toEqual([
      ['tap', 'follows'],
      ['metro', 'retells'],
    ])
    expect(claim?.note).toBe(
      'Not disputed in the sources; stated by 4 of them, which trace back to 2 independent ones: the Valley Ledger post of 1 May 2024 (the Tap Talk post follows it; the Metro Daily post retells the Tap Talk post) and the State Water Board post of 6 May 2024.',
    )
    expect(a.summary).toMatch(/^Four sources, two of them independent, say “/)
  })
})

describe('a corpus with no links', () => {
  it('has no link and no outside work, and calls the shared claim’s sources all independent', () => {
    const { data, engine } = fixtureCorpus('independent')
    expect(data.sourceGraph.links).toEqual([])
    expect(data.sourceGraph.nodes.every((n) => n.kind === 'source')).toBe(true)
    const claim = engine.ask('when will the bridge close?').claims.find((c) => /bridge/.test(c.statement))
    expect(claim?.independent).toBe(2)
    expect(claim?.note).toBe(
      'Not disputed in the sources; stated by 2 of them, all independent (none draws on another).',
    )
  }, 60_000)
})

describe('attribution cues', () => {
  const common = new Set(['police', 'report'])
  const find = (text: string) => findAttributions(text, (w) => common.has(w.toLowerCase()))

  it('reads a name after “according to”, “told” and “quote from”, and a document named by what it is', () => {
    expect(find('The tax will rise, according to Reuters.').map((a) => a.name)).toEqual(['Reuters'])
    expect(find('The mayor told The Harbor Times that she would resign.').map((a) => a.name)).toEqual([
      'The Harbor Times',
    ])
    expect(find('“Prices fell.” — Quote from China Daily Asia').map((a) => [a.cue, a.name])).toEqual([
      ['quote from', 'China Daily Asia'],
    ])
    expect(
      find('In its 2019 annual report, the Ministry states a goal of growth.').map((a) => a.name),
    ).toEqual(['the Ministry’s 2019 annual report'])
  })

  it('leaves a small word that starts the sentence out of the name', () => {
    expect(find('Then NBC News reported the fire.').map((a) => a.name)).toEqual(['NBC News'])
  })

  it('reads no name in “according to the report”, “Police reported” or “I wrote”', () => {
    expect(find('Prices rose, according to the report.')).toEqual([])
    expect(find('Police reported two arrests on Friday.')).toEqual([])
    expect(find('A few years ago I wrote a piece about it.')).toEqual([])
  })

  it('finds a link that names no one', () => {
    expect(find('Read this article for the details.').map((a) => a.kind)).toEqual(['unnamed'])
  })
})

describe('independent lines', () => {
  const node = (id: string, date: string | null = null) => ({
    id,
    kind: 'source' as const,
    label: id,
    author: null,
    date,
  })
  const link = (from: string, to: string, confidence: number): LineageLink => ({
    from,
    to,
    confidence,
    level: confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'medium' : 'low',
    why: '',
    evidence: [],
  })

  it('makes two sources that draw on each other one line, headed by the earlier one', () => {
    const lineage = new Lineage({
      nodes: [node('a', '2024-01-02'), node('b', '2024-01-01'), node('c')],
      links: [link('a', 'b', 0.9), link('b', 'a', 0.9)],
    })
    const lines = lineage.lines(['a', 'b', 'c'])
    expect(lines.map((l) => [l.root, l.followers.map((f) => f.sourceId)])).toEqual([
      ['b', ['a']],
      ['c', []],
    ])
  })

  it('does not count a low-confidence link, and follows a source through one that does not state the claim', () => {
    const lineage = new Lineage({
      nodes: [node('a'), node('b'), node('x'), node('c')],
      links: [link('a', 'b', 0.3), link('c', 'x', 0.9), link('x', 'b', 0.6)],
    })
    const lines = lineage.lines(['a', 'b', 'c'])
    expect(lines).toHaveLength(2)
    const b = lines.find((l) => l.root === 'b')
    expect(b?.followers).toMatchObject([{ sourceId: 'c', follows: 'b', through: ['x'] }])
  })
})
