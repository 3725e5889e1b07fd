import { describe, expect, it } from 'vitest'
import { buildDigest } from '../../src/digest/build-digest.js'
import { sourceHashes } from '../../src/digest/source-changes.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/types.js'
import { seedEngine } from '../helpers/built.js'

const kb = seedEngine().kb
const TOKYO = 'Asia/Tokyo'

async function build(store: Store, localDate: string, timeZone = TOKYO) {
  return await buildDigest({
    kb,
    store,
    platform: 'slack',
    channelId: 'C1',
    localDate,
    timeZone,
    kind: 'scheduled',
  })
}

async function ask(store: Store, at: string, question: string, answered = true, channelId = 'C1') {
  await store.logQuestion({ platform: 'slack', channelId, question, answered, at: new Date(at) })
}

describe('yesterday’s questions', () => {
  it('counts the questions of the local day before the digest’s date, in the channel’s time zone', async () => {
    const store = await openStore(':memory:')
    // Tokyo is UTC+9: its 30 April runs from 29 April 15:00 to 30 April 15:00 UTC.
    await ask(store, '2024-04-29T14:59:59.999Z', 'asked on the 29th in Tokyo')
    await ask(store, '2024-04-29T15:00:00.000Z', 'Is the social credit score mandatory?')
    await ask(store, '2024-04-30T14:59:59.999Z', 'Is the score mandatory for companies?')
    await ask(store, '2024-04-30T15:00:00.000Z', 'asked on 1 May in Tokyo')
    await ask(store, '2024-04-30T10:00:00.000Z', 'in another channel', true, 'C2')

    expect((await build(store, '2024-05-01')).digest.questions.total).toBe(2)
    // The same questions, read in UTC, fall on other days.
    expect((await build(store, '2024-05-01', 'UTC')).digest.questions.total).toBe(2)
    expect((await build(store, '2024-04-30', 'UTC')).digest.questions.total).toBe(2)
  })

  it('counts a day that daylight saving shortens as the local day it is', async () => {
    const store = await openStore(':memory:')
    // New York, 10 March 2024: 05:00 to 04:00 UTC the next day (23 hours).
    await ask(store, '2024-03-10T04:59:00Z', 'before')
    await ask(store, '2024-03-10T05:00:00Z', 'first')
    await ask(store, '2024-03-11T03:59:00Z', 'last')
    await ask(store, '2024-03-11T04:00:00Z', 'after')
    expect((await build(store, '2024-03-11', 'America/New_York')).digest.questions.total).toBe(2)
  })

  it('lists the topics asked most as words, and the unanswered questions as asked', async () => {
    const store = await openStore(':memory:')
    const day = '2024-04-30T03:00:00Z'
    await ask(store, day, 'Is the social credit score mandatory?')
    await ask(store, day, 'Is the score mandatory for companies?')
    await ask(store, day, 'who scores the companies')
    await ask(store, day, 'What is the weather in Tokyo?', false)
    await ask(store, day, 'what is   the weather in Tokyo?', false)
    await ask(store, day, 'Who won the 1998 World Cup?', false)

    const { questions } = (await build(store, '2024-05-01')).digest
    expect(questions.total).toBe(6)
    expect(questions.topics.slice(0, 3)).toEqual([
      { term: 'score', count: 3 },
      { term: 'companies', count: 2 },
      { term: 'mandatory', count: 2 },
    ])
    expect(questions.unanswered).toEqual(['What is the weather in Tokyo?', 'Who won the 1998 World Cup?'])
  })

  it('says nobody asked when nobody did', async () => {
    expect((await build(await openStore(':memory:'), '2024-05-01')).digest.questions).toEqual({
      total: 0,
      topics: [],
      unanswered: [],
    })
  })
})

describe('sources since the last digest', () => {
  it('lists none in a channel’s first digest, and records what it saw once posted', async () => {
    const store = await openStore(':memory:')
    const first = await build(store, '2024-05-01')
    expect(first.digest.sources).toEqual({ added: [], changed: [] })
    expect(await store.getSourcesSnapshot('slack', 'C1')).toBeNull()
    await first.commit(new Date())
    expect(await store.getSourcesSnapshot('slack', 'C1')).toEqual(sourceHashes(kb))
    expect((await build(store, '2024-05-02')).digest.sources).toEqual({ added: [], changed: [] })
  })

  it('lists the sources added or changed since the channel’s last digest', async () => {
    const store = await openStore(':memory:')
    const [changed, added, same] = [...kb.sources.values()]
    if (!changed || !added || !same) throw new Error('the seeds have fewer than three sources')
    const snapshot = sourceHashes(kb)
    snapshot[changed.id] = 'an older hash'
    delete snapshot[added.id]
    snapshot['a-removed-source'] = 'whatever'
    await store.setSourcesSnapshot('slack', 'C1', snapshot)

    expect((await build(store, '2024-05-01')).digest.sources).toEqual({
      added: [{ id: added.id, title: added.title, url: added.url }],
      changed: [{ id: changed.id, title: changed.title, url: changed.url }],
    })
  })
})
