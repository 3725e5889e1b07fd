import { describe, expect, it } from 'vitest'
import { buildDigest } from '../../src/digest/build-digest.js'
import { sourceHashes } from '../../src/digest/source-changes.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/types.js'
import { seedEngine } from '../helpers/built.js'

const kb = seedEngine().kb
const TOKYO = 'Asia/Tokyo'

function build(store: Store, localDate: string, timeZone = TOKYO) {
  return buildDigest({
    kb,
    store,
    platform: 'slack',
    channelId: 'C1',
    localDate,
    timeZone,
    kind: 'scheduled',
  })
}

function ask(store: Store, at: string, question: string, answered = true, channelId = 'C1') {
  store.logQuestion({ platform: 'slack', channelId, question, answered, at: new Date(at) })
}

describe('yesterday’s questions', () => {
  it('counts the questions of the local day before the digest’s date, in the channel’s time zone', () => {
    const store = openStore(':memory:')
    // Tokyo is UTC+9: its 30 April runs from 29 April 15:00 to 30 April 15:00 UTC.
    ask(store, '2024-04-29T14:59:59.999Z', 'asked on the 29th in Tokyo')
    ask(store, '2024-04-29T15:00:00.000Z', 'Is the social credit score mandatory?')
    ask(store, '2024-04-30T14:59:59.999Z', 'Is the score mandatory for companies?')
    ask(store, '2024-04-30T15:00:00.000Z', 'asked on 1 May in Tokyo')
    ask(store, '2024-04-30T10:00:00.000Z', 'in another channel', true, 'C2')

    expect(build(store, '2024-05-01').digest.questions.total).toBe(2)
    // The same questions, read in UTC, fall on other days.
    expect(build(store, '2024-05-01', 'UTC').digest.questions.total).toBe(2)
    expect(build(store, '2024-04-30', 'UTC').digest.questions.total).toBe(2)
  })

  it('counts a day that daylight saving shortens as the local day it is', () => {
    const store = openStore(':memory:')
    // New York, 10 March 2024: 05:00 to 04:00 UTC the next day (23 hours).
    ask(store, '2024-03-10T04:59:00Z', 'before')
    ask(store, '2024-03-10T05:00:00Z', 'first')
    ask(store, '2024-03-11T03:59:00Z', 'last')
    ask(store, '2024-03-11T04:00:00Z', 'after')
    expect(build(store, '2024-03-11', 'America/New_York').digest.questions.total).toBe(2)
  })

  it('lists the topics asked most as words, and the unanswered questions as asked', () => {
    const store = openStore(':memory:')
    const day = '2024-04-30T03:00:00Z'
    ask(store, day, 'Is the social credit score mandatory?')
    ask(store, day, 'Is the score mandatory for companies?')
    ask(store, day, 'who scores the companies')
    ask(store, day, 'What is the weather in Tokyo?', false)
    ask(store, day, 'what is   the weather in Tokyo?', false)
    ask(store, day, 'Who won the 1998 World Cup?', false)

    const { questions } = build(store, '2024-05-01').digest
    expect(questions.total).toBe(6)
    expect(questions.topics.slice(0, 3)).toEqual([
      { term: 'score', count: 3 },
      { term: 'companies', count: 2 },
      { term: 'mandatory', count: 2 },
    ])
    expect(questions.unanswered).toEqual(['What is the weather in Tokyo?', 'Who won the 1998 World Cup?'])
  })

  it('says nobody asked when nobody did', () => {
    expect(build(openStore(':memory:'), '2024-05-01').digest.questions).toEqual({
      total: 0,
      topics: [],
      unanswered: [],
    })
  })
})

describe('sources since the last digest', () => {
  it('lists none in a channel’s first digest, and records what it saw once posted', () => {
    const store = openStore(':memory:')
    const first = build(store, '2024-05-01')
    expect(first.digest.sources).toEqual({ added: [], changed: [] })
    expect(store.getSourcesSnapshot('slack', 'C1')).toBeNull()
    first.commit(new Date())
    expect(store.getSourcesSnapshot('slack', 'C1')).toEqual(sourceHashes(kb))
    expect(build(store, '2024-05-02').digest.sources).toEqual({ added: [], changed: [] })
  })

  it('lists the sources added or changed since the channel’s last digest', () => {
    const store = openStore(':memory:')
    const [changed, added, same] = [...kb.sources.values()]
    if (!changed || !added || !same) throw new Error('the seeds have fewer than three sources')
    const snapshot = sourceHashes(kb)
    snapshot[changed.id] = 'an older hash'
    delete snapshot[added.id]
    snapshot['a-removed-source'] = 'whatever'
    store.setSourcesSnapshot('slack', 'C1', snapshot)

    expect(build(store, '2024-05-01').digest.sources).toEqual({
      added: [{ id: added.id, title: added.title, url: added.url }],
      changed: [{ id: changed.id, title: changed.title, url: changed.url }],
    })
  })
})
