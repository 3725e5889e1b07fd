import { describe, expect, it } from 'vitest'
import { builtPages } from '../helpers/built-pages.js'
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

const built = builtPages('corrections', DOCS, true)
const { fileOf, claimLedBy } = claimLookups(built)

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
