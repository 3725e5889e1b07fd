import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/build/build-index.js'
import type { IndexData } from '../../src/build/index-data.js'
import type { Corpus } from '../../src/corpus/types.js'
import { ROOT } from '../helpers/built.js'
import { claimLookups } from '../helpers/claim-lookups.js'

// Pages written for this test: two wiki pages, each with a section of the same heading that
// reports a misconception and corrects it.
const DOCS: Record<string, string> = {
  'harbour-bell.md': `---
title: Portree harbour bell
publisher: Skye Wiki
---
The harbour bell of Portree was cast in 1881 and hangs above the pier.

## Misconceptions

Visitors often say the harbour bell of Portree rings every hour through the night. Much of this has stemmed from false stories told by tour guides.
`,
  'neist-light.md': `---
title: Neist Point lighthouse
publisher: Skye Wiki
---
The Neist Point lighthouse was first lit in 1909 and stands on the westernmost point of Skye.

## Misconceptions

Postcards often say the keeper of the Neist Point lighthouse still lives in its tower. Much of this has stemmed from false information in old guidebooks.
`,
}

let dir: string
let data: IndexData
let corpus: Corpus
const { fileOf, claimLedBy } = claimLookups(() => ({ data, corpus }))

beforeAll(() => {
  // The pages beside the seeds, so that words weigh as in a real corpus.
  dir = mkdtempSync(join(tmpdir(), 'citebot-corrections-'))
  for (const f of readdirSync(join(ROOT, 'seeds'))) cpSync(join(ROOT, 'seeds', f), join(dir, f))
  for (const [file, text] of Object.entries(DOCS)) writeFileSync(join(dir, file), text)
  ;({ data, corpus } = buildIndex(dir))
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('what a correction section corrects', () => {
  it('takes a section’s correction for a dispute of its own page’s misconception, not of another page’s under the same heading', () => {
    const bell = claimLedBy('rings every hour through the night')
    const by = bell.disputes.map((d) => fileOf(d.sentenceId))
    expect(by).toContain('harbour-bell.md')
    expect(by).not.toContain('neist-light.md')
    const keeper = claimLedBy('still lives in its tower')
    expect(keeper.disputes.map((d) => fileOf(d.sentenceId))).not.toContain('harbour-bell.md')
  })
})
