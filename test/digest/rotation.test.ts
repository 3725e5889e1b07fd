import { describe, expect, it } from 'vitest'
import { buildDigest } from '../../src/digest/build-digest.js'
import { pickClaim, rotationOrder } from '../../src/digest/claim-of-the-day.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/types.js'
import { seedEngine } from '../helpers/built.js'

const kb = seedEngine().kb
const at = new Date('2024-05-01T07:00:00Z')

async function digestFor(store: Store) {
  return await buildDigest({
    kb,
    store,
    platform: 'slack',
    channelId: 'C1',
    localDate: '2024-05-01',
    timeZone: 'UTC',
    kind: 'scheduled',
  })
}

describe('the claim of the day', () => {
  it('shows every claim once before any repeats, contested claims first', async () => {
    const store = await openStore(':memory:')
    const claims = kb.claims.size
    const contested = [...kb.claims.values()].filter((c) => c.disputes.length > 0).length
    expect(contested).toBeGreaterThan(0)

    const shown: string[] = []
    for (let day = 0; day < claims + 2; day++) {
      const built = await digestFor(store)
      shown.push(built.claimId ?? '')
      await built.commit(at)
    }

    const cycle = shown.slice(0, claims)
    expect(new Set(cycle).size).toBe(claims)
    expect(cycle.slice(0, contested).every((id) => (kb.claims.get(id)?.disputes.length ?? 0) > 0)).toBe(true)
    expect(cycle.slice(contested).every((id) => kb.claims.get(id)?.disputes.length === 0)).toBe(true)
    // Then a new cycle, in the same order.
    expect(shown.slice(claims)).toEqual(cycle.slice(0, 2))
    expect(await store.shownClaims('slack', 'C1')).toEqual(cycle.slice(0, 2))
  })

  it('orders the uncontested claims by how many sources state them', () => {
    const order = rotationOrder(kb)
    const uncontested = order.map((id) => kb.claims.get(id)).filter((c) => c?.disputes.length === 0)
    const sources = uncontested.map((c) => c?.sources ?? 0)
    expect(sources).toEqual([...sources].sort((a, b) => b - a))
    expect(sources[0]).toBeGreaterThan(1)
  })

  it('quotes the claim of the day with its support and its disputes', async () => {
    const { digest } = await digestFor(await openStore(':memory:'))
    const claim = digest.claim
    expect(claim?.contested).toBe(true)
    expect(claim?.note).toMatch(/^Contested: /)
    expect(claim?.support.length).toBeGreaterThan(0)
    expect(claim?.disputes.length).toBeGreaterThan(0)
    for (const c of [...(claim?.support ?? []), ...(claim?.disputes ?? [])]) {
      expect(kb.slice(c.sourceId, c.start, c.end)).toBe(c.quote)
    }
    expect(claim?.statement).toBe(claim?.support[0]?.quote)
  })

  it('keeps the claim for the next digest while none was posted', async () => {
    const store = await openStore(':memory:')
    const first = await digestFor(store)
    expect((await digestFor(store)).claimId).toBe(first.claimId)
    await first.commit(at)
    expect((await digestFor(store)).claimId).not.toBe(first.claimId)
  })

  it('rotates per channel', async () => {
    const store = await openStore(':memory:')
    await (await digestFor(store)).commit(at)
    const other = await buildDigest({
      kb,
      store,
      platform: 'discord',
      channelId: 'C1',
      localDate: '2024-05-01',
      timeZone: 'UTC',
      kind: 'scheduled',
    })
    expect(other.claimId).toBe(rotationOrder(kb)[0])
  })

  it('ignores shown claims the index no longer has', () => {
    expect(pickClaim(kb, ['c-gone', ...rotationOrder(kb)])).toEqual({
      claimId: rotationOrder(kb)[0],
      newCycle: true,
    })
  })
})
