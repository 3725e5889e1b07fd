import { describe, expect, it } from 'vitest'
import type { Answer, Claim } from '../../src/answer/types.js'
import { renderAnswerText } from '../../src/render/plain-text.js'
import { citation, claim } from '../helpers/answers.js'

const answer = (claims: Claim[]): Answer => ({ question: 'what is it?', answered: true, claims, caveats: [] })

// A long sentence of a document written for the test, 300 characters and more.
const LONG =
  'The harbour office kept the old brass lamp in the quay store for forty winters, lit it on the night of the regatta, ' +
  'lent it twice to the town museum for its summer show of ships and lights, and took it back each autumn when the ' +
  'storms came in from the west and the quay store was the only dry room left on the whole of the waterfront.'

describe('an answer as plain text', () => {
  it('quotes the first claim whole and cuts a later claim’s long quote at a word, marked “…”', () => {
    const text = renderAnswerText(
      answer([
        claim({ support: [citation({ quote: LONG })] }),
        claim({ support: [citation({ quote: LONG })] }),
      ]),
    )
    const [first, second] = text.split('\n\n')
    expect(first).toContain(`“${LONG}”`)
    const shown = /“([^”]*)…”/.exec(second ?? '')?.[1] ?? ''
    expect(shown.length).toBeGreaterThan(100)
    expect(shown.length).toBeLessThanOrEqual(140)
    expect(LONG.startsWith(shown)).toBe(true)
  })

  it('cuts a caveat’s long doubt at a word, and keeps who doubts what', () => {
    const doubt = citation({ quote: LONG, author: 'Ann Reader', voice: 'comment' })
    const text = renderAnswerText({
      ...answer([claim({ support: [citation({ quote: 'The lamp is brass.' })] })]),
      caveats: [
        {
          sourceId: 's1',
          title: 'Harbour news',
          note: `Ann Reader, in a reader comment on the Harbour post, doubts the source as a whole: “${LONG}”`,
          citation: doubt,
        },
      ],
    })
    const line = text.split('\n').find((l) => l.startsWith('Caveat: ')) ?? ''
    expect(line).toMatch(
      /^Caveat: Ann Reader, in a reader comment on the Harbour post, doubts the source as a whole: “The harbour office/,
    )
    const shown = /“([^”]*)…”/.exec(line)?.[1] ?? ''
    expect(shown.length).toBeGreaterThan(100)
    expect(shown.length).toBeLessThanOrEqual(140)
    expect(LONG.startsWith(shown)).toBe(true)
  })

  it('leaves out who states an undisputed claim when its quotes all show that one writer', () => {
    const text = renderAnswerText(answer([claim()]))
    expect(text).toContain('✓ Not disputed in the sources.')
    expect(text).not.toContain('stated only by')
    // Two writers: the note is kept whole.
    const two = claim({
      support: [citation(), citation({ sourceId: 's2', author: 'Bo Other' })],
      note: 'Not disputed in the sources; stated by 2 of them.',
    })
    expect(renderAnswerText(answer([two]))).toContain('✓ Not disputed in the sources; stated by 2 of them.')
  })

  it('quotes the first claim’s first dispute whole under a note that cut it, and a later claim’s only in its note', () => {
    const dispute = citation({ sourceId: 's3', author: 'Cy Reader', voice: 'comment', quote: LONG })
    const contested = () =>
      claim({
        contested: true,
        disputes: [dispute],
        note: 'Contested: Cy Reader says “The harbour office kept…”.',
      })
    const text = renderAnswerText(answer([contested(), contested()]))
    const [first, second] = text.split('\n\n')
    expect(first).toContain(`“${LONG}”`)
    expect(second).not.toContain(LONG)
  })
})
