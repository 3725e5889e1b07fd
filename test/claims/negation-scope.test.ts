import { describe, expect, it } from 'vitest'
import { CorpusContext } from '../../src/claims/context.js'
import { findDisputes } from '../../src/claims/disputes.js'
import { sentenceRecords } from '../../src/claims/sentences.js'
import type { ClaimRecord, SentenceRecord } from '../../src/claims/types.js'
import { builtPages } from '../helpers/built-pages.js'
import { claimLookups } from '../helpers/claim-lookups.js'

// Pages written for this test: a manual's page that names a tool and a rule that negates a word
// of its name; a report of what was done to a beacon and a check that says it was not.
const DOCS: Record<string, string> = {
  'berth-tools.md': `---
title: Berth tools
publisher: Harbour Manual
---
Two tools move a boat between berths: the dock-crane and the berth-swap-winch.
`,
  'berth-rules.md': `---
title: Berth rules
publisher: Harbour Manual
---
You cannot swap a berth with the dock-crane when the tide is out.
`,
  'beacon-dimmed.md': `---
title: Beacon dimmed
publisher: Firth Gazette
---
The quay beacon was reportedly dimmed by the port office on Sunday for the visit of Mrs. Ross, the new governor.
`,
  'beacon-photos.md': `---
title: Beacon photos
publisher: Firth Check
---
Pictures taken that evening show no dimming of the quay beacon for Mrs. Ross, the keepers said.
`,
  'lifeboat-taken.md': `---
title: Lifeboat taken
publisher: Oban Times
---
Thieves stole the red lifeboat from the quay at Oban on Friday night, the harbour office said.
`,
  'lifeboat-safe.md': `---
title: Lifeboat safe
publisher: West Coast Check
---
The red lifeboat from the quay at Oban was not stolen on Friday night, the coastguard said.
`,
}

const built = builtPages('negation', DOCS, true)
const { fileOf, claimLedBy } = claimLookups(built)

describe('what a negation disputes', () => {
  it('takes a negation for a dispute of what the claim states, not of a word of a name it holds', () => {
    // "cannot swap a berth" negates swapping; the claim only names the berth-swap-winch.
    const tools = claimLedBy('Two tools move a boat between berths')
    expect(tools.disputes.map((x) => fileOf(x.sentenceId))).not.toContain('berth-rules.md')
    // "no dimming of the quay beacon for Mrs. Ross" negates what the claim says was done to it
    // (the abbreviation's full stop does not end the negation's clause).
    const dimmed = claimLedBy('The quay beacon was reportedly dimmed')
    expect(dimmed.disputes.map((x) => fileOf(x.sentenceId))).toContain('beacon-photos.md')
  })

  it('takes a member of a claim that negates what it states for its dispute, not its support', () => {
    // Claims that say the same in other words are merged whatever their words (merge.ts): a
    // member may so deny the statement. Here the two sentences are made one claim by hand.
    const ctx = new CorpusContext(built().corpus.documents, sentenceRecords(built().corpus.documents), {})
    const sentence = (needle: string): SentenceRecord => {
      const s = ctx.sentenceList.find((x) => ctx.textOf(x).includes(needle))
      if (!s) throw new Error(`no sentence holds ${needle}`)
      return s
    }
    const taken = sentence('Thieves stole the red lifeboat')
    const safe = sentence('was not stolen on Friday night')
    const claim: ClaimRecord = {
      id: 'c1',
      leader: taken.id,
      members: [taken.id, safe.id],
      similarity: [1, 0.6],
      sources: 2,
      disputes: [],
    }
    findDisputes(ctx, [claim], new Map())
    expect(claim.disputes.map((d) => d.sentenceId)).toContain(safe.id)
  })
})
