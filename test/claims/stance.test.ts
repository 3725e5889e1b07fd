import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Engine } from '../../src/answer/engine.js'
import type { Knowledge } from '../../src/answer/knowledge.js'
import { restatedDispute } from '../../src/answer/rank.js'
import { buildIndex } from '../../src/build/build-index.js'
import type { IndexData } from '../../src/build/index-data.js'
import { loadKnowledge } from '../../src/build/load.js'
import type { Corpus } from '../../src/corpus/types.js'
import { ROOT } from '../helpers/built.js'
import { claimLookups } from '../helpers/claim-lookups.js'

// Short news stories written for this test, about a made-up harbour town: some articles report an
// event, others deny it, hedge it or tell another story that cites the same paper.
const DOCS: Record<string, string> = {
  'ferry-sold.md': `---
title: Ferry sold
publisher: Coast Herald
---
The town council has sold the old harbour ferry to a shipping company from Leith for two million pounds.

The sale ends forty years of public ownership of the ferry, the council said on Monday.
`,
  'ferry-denied.md': `---
title: Council says ferry stays
publisher: Bay Courier
---
Reports that the town council has sold the old harbour ferry to a shipping company are false, a council spokesman said.

The spokesman said the council had talked to a shipping company from Leith about the ferry last year.
`,
  'mayor-signed.md': `---
title: Budget signed
publisher: Coast Herald
---
The mayor signed the harbour budget for the new lighthouse repairs on Monday evening.
`,
  'mayor-not-signed.md': `---
title: Budget waits
publisher: Town Crier
---
The mayor did not sign the harbour budget for the lighthouse repairs, her office told reporters on Tuesday.
`,
  'help-page.md': `---
title: Sailing club help
publisher: Sailing Club
---
Senior volunteers who enjoy helping newcomers are present on the harbour mailing list every evening.
`,
  'notices-page.md': `---
title: Score notices
publisher: Sailing Club
---
Credit scores of the social system not present on the list are shown.
`,
  'help-denied.md': `---
title: Club help
publisher: Town Crier
---
Senior volunteers are not present on the harbour mailing list in the evening, the club secretary said.
`,
  'mayor-late.md': `---
title: Another late budget
publisher: Valley Post
---
It is not the first time the mayor has been late with paperwork for the lighthouse.
`,
  'pier-rumour.md': `---
title: Pier rumour
publisher: Bay Courier
---
The fishing pier will reportedly close for the whole winter season, according to the Harbour Times.
`,
  'pier-rumour-2.md': `---
title: Pier to close
publisher: Valley Post
---
The fishing pier is reportedly going to close for the whole winter season, following rumours among the fishermen.
`,
  'market-other.md': `---
title: Market hall
publisher: Town Crier
---
The Harbour Times reports that the covered market hall will open a second floor for craft stalls in spring.

The claim that the market hall will close its ground floor is false, the market trust said.
`,
  'heating.md': `---
title: Heating grades
author: Jane Doe
publisher: Coast Herald
---
Residents with the top grade get discounts on heating bills under the new town scheme.

Joining the warmth plan will be mandatory for every household in the borough from next year.

Comments are closed.

  1. Sam Reader

    Nobody I know gets a discount on heating bills in this town.

    2 days ago
  2. Kim Reader

    Joining the warmth plan is totally optional for every household, I checked.

    1 day ago
`,
  'lamp-check.md': `---
title: "Claim: the harbour lamp was sold"
publisher: Fact Desk
---
Claim: The harbour lamp of the old quay was sold to a museum in Bergen.

Status: False (see details below)

The harbour office still owns the lamp and keeps it in the quay store.
`,
  'kite-check.md': `---
title: "Claim: a kite lifted a boat"
publisher: Rumour Desk
---
Claim: A giant kite lifted a fishing boat out of the harbour at Nairn.

PROBABLY FALSE

Example: [Collected via email, May 2024]

Origins: In May 2024 some bloggers began to spread stories that a giant kite had lifted a fishing boat out of the harbour at Nairn.

The harbour master says no boat left its mooring that day.
`,
  'kite-boat.md': `---
title: Kite lifts boat
publisher: Moray Courier
---
A giant kite lifted a fishing boat out of the harbour at Nairn on Sunday, witnesses said.
`,
  'heron-rumour.md': `---
title: Heron rumour
publisher: Bird Gossip
---
This rumour is ridiculous, but it is fun to read. According to the Dunbar Echo, a grey heron stole the brass bell from the chapel at Dunbar on Friday.
`,
  'market-report.md': `---
title: Market report
publisher: Harbour Watch
---
On Tuesday a report claimed that the council will close the fish market at Wick every Sunday from June.
The report goes on to say that the fish sellers have been told to hand in their stall keys.
The report may have drawn many readers but is totally inaccurate.
`,
  'market-close.md': `---
title: Market to close
publisher: Wick Post
---
The council will close the fish market at Wick every Sunday from June, officials told the paper.
`,
  'heron-bell.md': `---
title: Heron takes bell
publisher: Dunbar Echo
---
A grey heron stole the brass bell from the chapel at Dunbar on Friday, the warden said.
`,
  'owl-report.md': `---
title: Owl on the clock
publisher: Kelso Times
---
A snowy owl nested on the town hall clock at Kelso this spring.

A tourist from Leeds photographed the owl on the clock face at dawn, the keeper said.
`,
  'owl-denied.md': `---
title: No owl
publisher: Border Check
---
Reports that a snowy owl nested on the town hall clock at Kelso are not true.

A tourist from Leeds photographed the owl on the clock face at dawn, readers were told.
`,
  'lamp-sold.md': `---
title: Lamp sold
publisher: Valley Post
---
The harbour lamp of the old quay was sold to a museum in Bergen last week.
`,
}

let dir: string
let data: IndexData
let corpus: Corpus
let engine: Engine
let kb: Knowledge
const { textOf, fileOf, claimLedBy } = claimLookups(() => ({ data, corpus }))
const claimsWith = (fragment: string) =>
  data.claims.filter((c) => c.members.some((m) => textOf(m).includes(fragment)))

beforeAll(() => {
  // The stories beside the seeds, so that words weigh as in a real corpus.
  dir = mkdtempSync(join(tmpdir(), 'citebot-stance-'))
  for (const f of readdirSync(join(ROOT, 'seeds'))) cpSync(join(ROOT, 'seeds', f), join(dir, f))
  for (const [file, text] of Object.entries(DOCS)) writeFileSync(join(dir, file), text)
  ;({ data, corpus } = buildIndex(dir))
  kb = loadKnowledge({ seedsDir: dir, indexDir: join(dir, 'index') }).knowledge
  engine = new Engine(kb)
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('stance on news written for the test', () => {
  it('finds the article that calls the report false, and never cites it as support', () => {
    const sold = claimLedBy('has sold the old harbour ferry to a shipping company from Leith')
    const d = sold.disputes.find((x) => fileOf(x.sentenceId) === 'ferry-denied.md')
    expect(d?.cue).toBe('dispute-language')
    expect(d?.detail).toBe('false')
    // Neither the denial nor the denying paper's retelling of the talks supports the sale.
    expect(sold.members.map(fileOf)).not.toContain('ferry-denied.md')
    for (const c of claimsWith('Reports that the town council has sold')) expect(c).toBeUndefined()
  })

  it('finds an article negating the claim’s predicate, and not an idiom’s negation', () => {
    const signed = claimLedBy('The mayor signed the harbour budget')
    const files = signed.disputes.map((x) => fileOf(x.sentenceId))
    expect(files).toContain('mayor-not-signed.md')
    expect(files).not.toContain('mayor-late.md')
  })

  it('takes a negation for a dispute only when it shares a part of the claim both ways', () => {
    const present = claimLedBy('Senior volunteers who enjoy helping newcomers')
    const files = present.disputes.map((x) => fileOf(x.sentenceId))
    expect(files).toContain('help-denied.md')
    // "scores … not present on the list" shares two words with it, and is about something else.
    expect(files).not.toContain('notices-page.md')
  })

  it('does not count a hedge as a dispute: the pier closing is reported, not contested', () => {
    const pier = claimLedBy('fishing pier')
    expect(pier.disputes).toEqual([])
    const a = engine.ask('Will the fishing pier close for the winter?')
    const claim = a.claims.find((c) => c.statement.includes('fishing pier'))
    expect(claim?.contested).toBe(false)
    expect(claim?.reported).toBe(true)
    expect(claim?.note).toMatch(
      /^Not disputed in the sources, but reported as unconfirmed by 2 sources \(“reportedly”/,
    )
  })

  it('does not let a denial of another story dispute a claim because both cite the same paper', () => {
    const pier = claimLedBy('fishing pier')
    expect(pier.disputes.map((x) => fileOf(x.sentenceId))).not.toContain('market-other.md')
  })

  it('contests the article by the reader who denies it, and keeps that denial out of the claims', () => {
    const article = claimLedBy('Residents with the top grade get discounts')
    expect(article.disputes.map((x) => textOf(x.sentenceId))).toContain(
      'Nobody I know gets a discount on heating bills in this town.',
    )
    // The reader restates the claim to deny it: that is its dispute, not a claim of its own.
    expect(claimsWith('Nobody I know gets a discount')).toEqual([])
    const a = engine.ask('Do residents with the top grade get discounts on heating bills?')
    const top = a.claims.find((c) => c.statement.startsWith('Residents with the top grade'))
    expect(top?.note).toMatch(
      /^Contested: Sam Reader, in a reader comment on .*, says “Nobody I know.*”, against the article\.$/,
    )
  })

  it('runs both ways: the article contests the reader’s claim, as the reader contests the article’s', () => {
    const article = claimLedBy('will be mandatory for every household')
    const reader = claimLedBy('totally optional for every household')
    // One direction is found from the words (an opposite), the other answers it back.
    const cues = [...article.disputes, ...reader.disputes].map((x) => x.cue).sort()
    expect(cues).toEqual(['antonym', 'counter'])
    expect(article.disputes.map((x) => textOf(x.sentenceId))).toContain(
      'Joining the warmth plan is totally optional for every household, I checked.',
    )
    expect(reader.disputes.map((x) => textOf(x.sentenceId))).toContain(
      'Joining the warmth plan will be mandatory for every household in the borough from next year.',
    )
    const a = engine.ask('Is joining the warmth plan optional?')
    const kim = a.claims.find((c) => c.statement.includes('totally optional'))
    expect(kim?.note).toMatch(
      /^Contested: Jane Doe, in .*, says (otherwise: )?“.*mandatory.*”, against Kim Reader’s comment\.$/,
    )
  })

  it('reads a fact-check’s verdict as a dispute of the claim it rates, whose “Claim:” line is no support', () => {
    const sold = claimLedBy('harbour lamp')
    expect(sold.disputes.map((x) => textOf(x.sentenceId))).toContain('Status: False (see details below)')
    expect(sold.members.map(fileOf)).not.toContain('lamp-check.md')
  })

  it('answers with the rated claim, contested, when the question matches the fact-check’s restatement best', () => {
    const answer = engine.ask('Claim: the harbour lamp of the old quay was sold to a museum in Bergen?')
    const [first] = answer.claims
    expect(first?.contested).toBe(true)
    expect(first?.support.map((q) => q.file)).not.toContain('lamp-check.md')
    expect(first?.disputes.map((q) => q.file)).toContain('lamp-check.md')
  })

  it('reads a verdict on a line of its own above a heading (“PROBABLY FALSE”) as the page’s dispute of what it retells', () => {
    const lifted = claimLedBy('A giant kite lifted a fishing boat out of the harbour at Nairn on Sunday')
    const verdict = lifted.disputes.find((d) => fileOf(d.sentenceId) === 'kite-check.md')
    expect(verdict?.detail).toBe('PROBABLY FALSE')
    expect(lifted.members.map(fileOf)).not.toContain('kite-check.md')
  })

  it('reads “This rumour is ridiculous” at the top of a passage as a dispute of the rumour told next', () => {
    const stole = claimLedBy(
      'A grey heron stole the brass bell from the chapel at Dunbar on Friday, the warden said',
    )
    const d = stole.disputes.find((x) => fileOf(x.sentenceId) === 'heron-rumour.md')
    expect(d?.detail).toBe('ridiculous')
    expect(textOf(d?.sentenceId ?? '')).toMatch(/^This rumour is ridiculous/)
  })

  it('answers with the rumour a sentence calls ridiculous, never with that sentence as a claim of its own', () => {
    // The question matches the disputing sentence best ("fun to read"): it answers as a dispute.
    const a = engine.ask('Is the heron rumour from Dunbar fun to read?')
    expect(a.answered).toBe(true)
    const top = a.claims[0]
    expect(top?.statement).toMatch(/^A grey heron stole the brass bell/)
    expect(top?.contested).toBe(true)
    for (const c of a.claims)
      for (const q of c.support) expect(q.quote).not.toMatch(/^This rumour is ridiculous/)
  })

  it('reads “The report … is inaccurate” after the report is told as a dispute of what it told, and its teller as no support', () => {
    const closed = data.claims.find((c) => c.members.some((id) => fileOf(id) === 'market-close.md'))
    expect(closed).toBeDefined()
    const d = closed?.disputes.find((x) => fileOf(x.sentenceId) === 'market-report.md')
    expect(d?.detail).toBe('inaccurate')
    expect(textOf(d?.sentenceId ?? '')).toMatch(
      /^The report may have drawn many readers but is totally inaccurate/,
    )
    expect(closed?.members.map(fileOf)).not.toContain('market-report.md')
  })

  it('cites no sentence of an article that calls the story untrue as support of any claim of the answer', () => {
    const answer = engine.ask(
      'Did a tourist from Leeds photograph the snowy owl on the clock face of the Kelso town hall at dawn?',
    )
    const files = (c: { support: { file: string }[] }) => c.support.map((q) => q.file)
    expect(answer.claims.some((c) => files(c).includes('owl-report.md'))).toBe(true)
    // Its retelling of the photograph is told to debunk the story: it supports no claim.
    for (const c of answer.claims) expect(files(c)).not.toContain('owl-denied.md')
  })

  it('takes a retelling in a disputing source as the disputed claim only when it is nearer that claim than any it states', () => {
    const line = data.sentences.find((s) => textOf(s.id).startsWith('Claim: The harbour lamp'))
    expect(line).toBeDefined()
    const s = kb.sentences.get(line?.id ?? '')
    if (!s) throw new Error('the fact-check’s claim line is no sentence of the knowledge')
    expect(restatedDispute(kb, s)?.id).toBe(claimLedBy('harbour lamp').id)
    // As like another claim as can be (it states it outright): that one stands.
    expect(restatedDispute(kb, s, 1)).toBeNull()
  })
})
