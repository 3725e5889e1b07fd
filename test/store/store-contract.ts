import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isStoreError } from '../../src/store/errors.js'
import type { OpenStoreOptions, Store } from '../../src/store/types.js'

/** Opens a fresh, empty store for one test. */
export type OpenFreshStore = (options?: OpenStoreOptions) => Promise<Store>

const day = '2024-05-01'
const t0 = new Date('2024-05-01T07:00:00.000Z')
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000)

async function expectStoreError(run: () => Promise<unknown>, code: string): Promise<void> {
  let thrown: unknown
  try {
    await run()
  } catch (error) {
    thrown = error
  }
  expect(isStoreError(thrown), `expected a StoreError, got ${String(thrown)}`).toBe(true)
  expect((thrown as { code: string }).code).toBe(code)
}

/**
 * The behaviour every Store must have, whatever it is opened on. `open` is called once per test and must return
 * a store on a fresh, empty database; the suite closes it.
 */
export function describeStoreContract(name: string, open: OpenFreshStore): void {
  describe(`Store contract: ${name}`, () => {
    let now: Date
    let store: Store
    const opened: Store[] = []
    const openWith = async (options: OpenStoreOptions = {}): Promise<Store> => {
      const opening = await open({ now: () => now, ...options })
      opened.push(opening)
      return opening
    }

    beforeEach(async () => {
      now = t0
      store = await openWith()
    })
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close()
    })

    describe('subscriptions', () => {
      it('subscribing creates an active subscription stamped with the current time', async () => {
        const sub = await store.subscribe({
          platform: 'slack',
          channelId: 'C1',
          time: '08:30',
          timeZone: 'Europe/Berlin',
        })
        expect(sub).toEqual({
          platform: 'slack',
          channelId: 'C1',
          time: '08:30',
          timeZone: 'Europe/Berlin',
          active: true,
          inactiveReason: null,
          createdAt: t0,
          updatedAt: t0,
        })
        expect(await store.getSubscription('slack', 'C1')).toEqual(sub)
      })

      it('an unknown channel has no subscription', async () => {
        expect(await store.getSubscription('slack', 'nope')).toBeNull()
      })

      it('subscribing again updates time and zone, keeps createdAt and bumps updatedAt', async () => {
        await store.subscribe({
          platform: 'discord',
          channelId: '42',
          time: '08:30',
          timeZone: 'Europe/Berlin',
        })
        now = minutes(60)
        const sub = await store.subscribe({
          platform: 'discord',
          channelId: '42',
          time: '17:05',
          timeZone: 'Asia/Tokyo',
        })
        expect(sub).toMatchObject({
          time: '17:05',
          timeZone: 'Asia/Tokyo',
          createdAt: t0,
          updatedAt: minutes(60),
        })
        expect(await store.listActiveSubscriptions()).toHaveLength(1)
      })

      it('subscribing an inactive subscription reactivates it and clears the reason', async () => {
        await store.subscribe({ platform: 'slack', channelId: 'C1', time: '08:30', timeZone: 'UTC' })
        await store.markInactive('slack', 'C1', 'channel_not_found')
        const sub = await store.subscribe({
          platform: 'slack',
          channelId: 'C1',
          time: '09:00',
          timeZone: 'UTC',
        })
        expect(sub).toMatchObject({ active: true, inactiveReason: null, time: '09:00', createdAt: t0 })
        expect((await store.listActiveSubscriptions()).map((s) => s.channelId)).toEqual(['C1'])
      })

      it('unsubscribing reports whether the subscription was active and keeps it as inactive', async () => {
        await store.subscribe({ platform: 'slack', channelId: 'C1', time: '08:30', timeZone: 'UTC' })
        now = minutes(5)
        expect(await store.unsubscribe('slack', 'C1')).toBe(true)
        expect(await store.unsubscribe('slack', 'C1')).toBe(false)
        expect(await store.unsubscribe('slack', 'never-subscribed')).toBe(false)
        expect(await store.getSubscription('slack', 'C1')).toMatchObject({
          active: false,
          inactiveReason: 'unsubscribed',
          updatedAt: minutes(5),
        })
        expect(await store.listActiveSubscriptions()).toEqual([])
      })

      it('markInactive hides a subscription from listActiveSubscriptions and keeps the first reason', async () => {
        await store.subscribe({ platform: 'slack', channelId: 'C1', time: '08:30', timeZone: 'UTC' })
        await store.subscribe({ platform: 'slack', channelId: 'C2', time: '08:30', timeZone: 'UTC' })
        expect(await store.markInactive('slack', 'C1', 'not_in_channel')).toBe(true)
        expect(await store.markInactive('slack', 'C1', 'something else')).toBe(false)
        expect((await store.listActiveSubscriptions()).map((s) => s.channelId)).toEqual(['C2'])
        expect((await store.getSubscription('slack', 'C1'))?.inactiveReason).toBe('not_in_channel')
      })

      it('lists active subscriptions of one platform or all, ordered by platform then channel', async () => {
        await store.subscribe({ platform: 'slack', channelId: 'C2', time: '08:30', timeZone: 'UTC' })
        await store.subscribe({ platform: 'discord', channelId: '9', time: '08:30', timeZone: 'UTC' })
        await store.subscribe({ platform: 'slack', channelId: 'C1', time: '08:30', timeZone: 'UTC' })
        const keys = (subs: { platform: string; channelId: string }[]) =>
          subs.map((s) => `${s.platform}:${s.channelId}`)
        expect(keys(await store.listActiveSubscriptions())).toEqual(['discord:9', 'slack:C1', 'slack:C2'])
        expect(keys(await store.listActiveSubscriptions('slack'))).toEqual(['slack:C1', 'slack:C2'])
        expect(await store.listActiveSubscriptions('console')).toEqual([])
      })

      it('the same channel id on two platforms is two subscriptions', async () => {
        await store.subscribe({ platform: 'slack', channelId: 'X', time: '08:30', timeZone: 'UTC' })
        await store.subscribe({ platform: 'discord', channelId: 'X', time: '10:00', timeZone: 'UTC' })
        await store.unsubscribe('slack', 'X')
        expect(await store.getSubscription('discord', 'X')).toMatchObject({ active: true, time: '10:00' })
      })

      it('rejects a time that is not HH:MM, an unknown time zone and an unknown platform', async () => {
        const base = { platform: 'slack', channelId: 'C1', time: '08:30', timeZone: 'UTC' } as const
        for (const time of ['8:30', '24:00', '08:60', '08:30:00', '']) {
          await expectStoreError(() => store.subscribe({ ...base, time }), 'STORE_INVALID_INPUT')
        }
        await expectStoreError(
          () => store.subscribe({ ...base, timeZone: 'Mars/Olympus' }),
          'STORE_INVALID_INPUT',
        )
        await expectStoreError(
          () => store.subscribe({ ...base, platform: 'teams' as unknown as 'slack' }),
          'STORE_INVALID_INPUT',
        )
        await expectStoreError(() => store.subscribe({ ...base, channelId: '' }), 'STORE_INVALID_INPUT')
        expect(await store.getSubscription('slack', 'C1')).toBeNull()
      })
    })

    describe('digest runs', () => {
      const scheduled = {
        platform: 'slack',
        channelId: 'C1',
        localDate: day,
        kind: 'scheduled',
        now: t0,
      } as const

      it('only the first scheduled claim of a channel-day wins', async () => {
        const id = await store.claimDigestRun(scheduled)
        expect(id).toEqual(expect.any(Number))
        expect(await store.claimDigestRun({ ...scheduled, now: minutes(1) })).toBeNull()
        expect(await store.getRun('slack', 'C1', day)).toMatchObject({
          id,
          status: 'claimed',
          kind: 'scheduled',
          claims: 1,
        })
      })

      it('another day, channel or platform is a separate claim', async () => {
        expect(await store.claimDigestRun(scheduled)).not.toBeNull()
        expect(await store.claimDigestRun({ ...scheduled, localDate: '2024-05-02' })).not.toBeNull()
        expect(await store.claimDigestRun({ ...scheduled, channelId: 'C2' })).not.toBeNull()
        expect(await store.claimDigestRun({ ...scheduled, platform: 'discord' })).not.toBeNull()
      })

      it('a posted or failed scheduled run still blocks the day', async () => {
        const posted = await store.claimDigestRun(scheduled)
        await store.completeDigestRun(posted ?? 0, { status: 'posted', attempts: 1, postedAt: minutes(1) })
        expect(await store.claimDigestRun({ ...scheduled, now: minutes(60) })).toBeNull()

        const failed = await store.claimDigestRun({ ...scheduled, channelId: 'C2' })
        await store.completeDigestRun(failed ?? 0, {
          status: 'failed',
          attempts: 3,
          error: 'boom',
          postedAt: minutes(1),
        })
        expect(await store.claimDigestRun({ ...scheduled, channelId: 'C2', now: minutes(60) })).toBeNull()
      })

      it('manual runs are always allowed and do not count as the day’s scheduled digest', async () => {
        const manual1 = await store.claimDigestRun({ ...scheduled, kind: 'manual' })
        const manual2 = await store.claimDigestRun({ ...scheduled, kind: 'manual' })
        expect(manual1).not.toBeNull()
        expect(manual2).not.toBeNull()
        expect(manual2).not.toBe(manual1)
        expect(await store.getRun('slack', 'C1', day)).toBeNull()

        const id = await store.claimDigestRun(scheduled)
        expect(id).not.toBeNull()
        expect(await store.claimDigestRun({ ...scheduled, kind: 'manual' })).not.toBeNull()
        expect((await store.getRun('slack', 'C1', day))?.id).toBe(id)
      })

      it('completing a run records its outcome', async () => {
        const id = (await store.claimDigestRun(scheduled)) ?? 0
        expect(
          await store.completeDigestRun(id, {
            status: 'failed',
            attempts: 3,
            error: 'rate limited',
            postedAt: minutes(2),
          }),
        ).toBe(true)
        expect(await store.getRun('slack', 'C1', day)).toEqual({
          id,
          platform: 'slack',
          channelId: 'C1',
          localDate: day,
          kind: 'scheduled',
          status: 'failed',
          claimedAt: t0,
          claims: 1,
          attempts: 3,
          error: 'rate limited',
          completedAt: minutes(2),
          postedAt: null,
        })
      })

      it('a run completes once; completing an unknown id is an error', async () => {
        const id = (await store.claimDigestRun(scheduled)) ?? 0
        expect(
          await store.completeDigestRun(id, { status: 'posted', attempts: 1, postedAt: minutes(1) }),
        ).toBe(true)
        expect(
          await store.completeDigestRun(id, { status: 'failed', attempts: 2, postedAt: minutes(2) }),
        ).toBe(false)
        expect(await store.getRun('slack', 'C1', day)).toMatchObject({
          status: 'posted',
          postedAt: minutes(1),
        })
        await expectStoreError(
          () => store.completeDigestRun(id + 1000, { status: 'posted', attempts: 1, postedAt: t0 }),
          'STORE_RUN_NOT_FOUND',
        )
      })

      it('lastPostedRun is the latest posted run, scheduled or manual, ignoring failed and unfinished ones', async () => {
        expect(await store.lastPostedRun('slack', 'C1')).toBeNull()
        const first = (await store.claimDigestRun(scheduled)) ?? 0
        await store.completeDigestRun(first, { status: 'posted', attempts: 1, postedAt: minutes(1) })
        const manual = (await store.claimDigestRun({ ...scheduled, kind: 'manual', now: minutes(30) })) ?? 0
        await store.completeDigestRun(manual, { status: 'posted', attempts: 2, postedAt: minutes(31) })
        const failed =
          (await store.claimDigestRun({ ...scheduled, localDate: '2024-05-02', now: minutes(1440) })) ?? 0
        await store.completeDigestRun(failed, { status: 'failed', attempts: 3, postedAt: minutes(1441) })
        await store.claimDigestRun({ ...scheduled, kind: 'manual', now: minutes(1500) })

        expect(await store.lastPostedRun('slack', 'C1')).toMatchObject({
          id: manual,
          kind: 'manual',
          postedAt: minutes(31),
        })
        expect(await store.lastPostedRun('slack', 'C2')).toBeNull()
      })

      it('a scheduled claim left unfinished past staleClaimMinutes is re-claimed once, then given up', async () => {
        await store.close()
        store = await openWith({ staleClaimMinutes: 15 })
        const id = await store.claimDigestRun(scheduled)
        expect(await store.claimDigestRun({ ...scheduled, now: minutes(15) })).toBeNull()

        expect(await store.claimDigestRun({ ...scheduled, now: minutes(16) })).toBe(id)
        expect(await store.getRun('slack', 'C1', day)).toMatchObject({
          status: 'claimed',
          claims: 2,
          claimedAt: minutes(16),
        })
        expect(await store.claimDigestRun({ ...scheduled, now: minutes(20) })).toBeNull()

        expect(await store.claimDigestRun({ ...scheduled, now: minutes(40) })).toBeNull()
        expect(await store.getRun('slack', 'C1', day)).toMatchObject({
          status: 'failed',
          claims: 2,
          completedAt: minutes(40),
          error: expect.stringContaining('stale'),
        })
      })

      it('the re-claimer completes the run; the original claimer finishing late is told it was too late', async () => {
        const id = (await store.claimDigestRun(scheduled)) ?? 0
        expect(await store.claimDigestRun({ ...scheduled, now: minutes(11) })).toBe(id)
        expect(
          await store.completeDigestRun(id, { status: 'posted', attempts: 1, postedAt: minutes(12) }),
        ).toBe(true)
        expect(
          await store.completeDigestRun(id, { status: 'posted', attempts: 1, postedAt: minutes(13) }),
        ).toBe(false)
        expect((await store.lastPostedRun('slack', 'C1'))?.postedAt).toEqual(minutes(12))
      })

      it('staleClaimRetries 0 never re-claims: the stale run is marked failed', async () => {
        await store.close()
        store = await openWith({ staleClaimRetries: 0 })
        await store.claimDigestRun(scheduled)
        expect(await store.claimDigestRun({ ...scheduled, now: minutes(11) })).toBeNull()
        expect((await store.getRun('slack', 'C1', day))?.status).toBe('failed')
      })

      it('rejects malformed dates and kinds', async () => {
        for (const localDate of ['2024-5-1', '2024-02-30', '01/05/2024']) {
          await expectStoreError(
            () => store.claimDigestRun({ ...scheduled, localDate }),
            'STORE_INVALID_INPUT',
          )
        }
        await expectStoreError(
          () => store.claimDigestRun({ ...scheduled, kind: 'weekly' as unknown as 'manual' }),
          'STORE_INVALID_INPUT',
        )
        await expectStoreError(
          () => store.claimDigestRun({ ...scheduled, now: new Date('nope') }),
          'STORE_INVALID_INPUT',
        )
        await expectStoreError(
          () => store.completeDigestRun(1, { status: 'posted', attempts: -1, postedAt: t0 }),
          'STORE_INVALID_INPUT',
        )
      })
    })

    describe('claim rotation', () => {
      it('lists the claims shown in the current cycle, in the order first shown, without repeats', async () => {
        expect(await store.shownClaims('slack', 'C1')).toEqual([])
        await store.recordShownClaim('slack', 'C1', 'claim-b', minutes(0))
        await store.recordShownClaim('slack', 'C1', 'claim-a', minutes(1))
        await store.recordShownClaim('slack', 'C1', 'claim-b', minutes(2))
        expect(await store.shownClaims('slack', 'C1')).toEqual(['claim-b', 'claim-a'])
      })

      it('keeps each channel’s rotation separate', async () => {
        await store.recordShownClaim('slack', 'C1', 'claim-a', t0)
        await store.recordShownClaim('discord', 'C1', 'claim-z', t0)
        expect(await store.shownClaims('slack', 'C2')).toEqual([])
        expect(await store.shownClaims('discord', 'C1')).toEqual(['claim-z'])
      })

      it('a new cycle forgets the channel’s shown claims, and only that channel’s', async () => {
        await store.recordShownClaim('slack', 'C1', 'claim-a', t0)
        await store.recordShownClaim('slack', 'C1', 'claim-b', t0)
        await store.recordShownClaim('slack', 'C2', 'claim-a', t0)
        expect(await store.startNewRotationCycle('slack', 'C1')).toBe(2)
        expect(await store.shownClaims('slack', 'C1')).toEqual([])
        expect(await store.shownClaims('slack', 'C2')).toEqual(['claim-a'])
        await store.recordShownClaim('slack', 'C1', 'claim-b', minutes(1))
        expect(await store.shownClaims('slack', 'C1')).toEqual(['claim-b'])
      })
    })

    describe('sources snapshots', () => {
      it('a channel has no snapshot before its first digest', async () => {
        expect(await store.getSourcesSnapshot('slack', 'C1')).toBeNull()
      })

      it('a snapshot reads back as saved, is replaced whole, and is per channel', async () => {
        await store.setSourcesSnapshot('slack', 'C1', { 'source-a': 'aa11', 'source-b': 'bb22' })
        expect(await store.getSourcesSnapshot('slack', 'C1')).toEqual({
          'source-a': 'aa11',
          'source-b': 'bb22',
        })
        await store.setSourcesSnapshot('slack', 'C1', { 'source-b': 'bb33' })
        expect(await store.getSourcesSnapshot('slack', 'C1')).toEqual({ 'source-b': 'bb33' })
        expect(await store.getSourcesSnapshot('slack', 'C2')).toBeNull()
        await store.setSourcesSnapshot('slack', 'C2', {})
        expect(await store.getSourcesSnapshot('slack', 'C2')).toEqual({})
      })

      it('rejects hashes that are not strings', async () => {
        const bad = { 'source-a': 12 } as unknown as Record<string, string>
        await expectStoreError(() => store.setSourcesSnapshot('slack', 'C1', bad), 'STORE_INVALID_INPUT')
      })
    })

    describe('question log', () => {
      it('returns the channel’s questions in [from, to), oldest first', async () => {
        const log = (question: string, at: Date, channelId = 'C1', answered = true) =>
          store.logQuestion({ platform: 'slack', channelId, question, answered, at })
        await log('third', minutes(20))
        await log('first', minutes(0), 'C1', false)
        await log('second', minutes(10))
        await log('at the end, excluded', minutes(30))
        await log('other channel', minutes(10), 'C2')
        await store.logQuestion({
          platform: 'discord',
          channelId: 'C1',
          question: 'other platform',
          answered: true,
          at: t0,
        })

        expect(await store.questionsBetween('slack', 'C1', minutes(0), minutes(30))).toEqual([
          { question: 'first', answered: false, at: minutes(0) },
          { question: 'second', answered: true, at: minutes(10) },
          { question: 'third', answered: true, at: minutes(20) },
        ])
        expect(
          (await store.questionsBetween('slack', 'C1', minutes(5), minutes(15))).map((q) => q.question),
        ).toEqual(['second'])
        expect(await store.questionsBetween('slack', 'C1', minutes(31), minutes(60))).toEqual([])
      })

      it('keeps questions asked at the same instant in the order they were logged', async () => {
        for (const question of ['a', 'b', 'c']) {
          await store.logQuestion({ platform: 'slack', channelId: 'C1', question, answered: true, at: t0 })
        }
        expect((await store.questionsBetween('slack', 'C1', t0, minutes(1))).map((q) => q.question)).toEqual([
          'a',
          'b',
          'c',
        ])
      })
    })

    describe('answer feedback', () => {
      const vote = {
        platform: 'slack',
        channelId: 'C1',
        answerKey: '1714546800.000100',
        question: 'Is the score mandatory?',
        vote: 'up',
        userKey: 'hash-of-user-1',
        at: t0,
      } as const

      it('a first vote is a change with no previous vote', async () => {
        expect(await store.recordFeedback(vote)).toEqual({ changed: true, previous: null })
        expect(await store.feedbackSummary()).toEqual({ up: 1, down: 0 })
      })

      it('the same vote again changes nothing; a different vote replaces it', async () => {
        await store.recordFeedback(vote)
        expect(await store.recordFeedback({ ...vote, at: minutes(1) })).toEqual({
          changed: false,
          previous: 'up',
        })
        expect(await store.recordFeedback({ ...vote, vote: 'down', at: minutes(2) })).toEqual({
          changed: true,
          previous: 'up',
        })
        expect(await store.feedbackSummary()).toEqual({ up: 0, down: 1 })
      })

      it('counts one vote per voter per answer, filtered by platform and channel', async () => {
        await store.recordFeedback(vote)
        await store.recordFeedback({ ...vote, userKey: 'hash-of-user-2' })
        await store.recordFeedback({ ...vote, userKey: 'hash-of-user-3', vote: 'down' })
        await store.recordFeedback({ ...vote, answerKey: 'another answer', vote: 'down' })
        await store.recordFeedback({ ...vote, channelId: 'C2', answerKey: 'in C2' })
        await store.recordFeedback({ ...vote, platform: 'discord', channelId: '99', answerKey: 'on discord' })

        expect(await store.feedbackSummary()).toEqual({ up: 4, down: 2 })
        expect(await store.feedbackSummary('slack')).toEqual({ up: 3, down: 2 })
        expect(await store.feedbackSummary('slack', 'C1')).toEqual({ up: 2, down: 2 })
        expect(await store.feedbackSummary('discord', 'C1')).toEqual({ up: 0, down: 0 })
        expect(await store.feedbackSummary('console')).toEqual({ up: 0, down: 0 })
      })

      it('rejects a vote that is neither up nor down and an empty voter key', async () => {
        await expectStoreError(
          () => store.recordFeedback({ ...vote, vote: 'meh' as unknown as 'up' }),
          'STORE_INVALID_INPUT',
        )
        await expectStoreError(() => store.recordFeedback({ ...vote, userKey: '' }), 'STORE_INVALID_INPUT')
        expect(await store.feedbackSummary()).toEqual({ up: 0, down: 0 })
      })
    })

    describe('events and threads, shared by the processes on one database', () => {
      it('an event is claimed once: a repeat of its key on that platform is refused', async () => {
        expect(await store.claimEvent('slack', 'event:Ev1', t0)).toBe(true)
        expect(await store.claimEvent('slack', 'event:Ev1', minutes(5))).toBe(false)
        expect(await store.claimEvent('slack', 'event:Ev2', minutes(5))).toBe(true)
        expect(await store.claimEvent('discord', 'event:Ev1', minutes(5))).toBe(true)
      })

      it('an event claimed more than eventHours ago is forgotten, and claimed again once', async () => {
        store = await openWith({ eventHours: 1 })
        expect(await store.claimEvent('slack', 'msg:C1:1.0', t0)).toBe(true)
        expect(await store.claimEvent('slack', 'msg:C1:1.0', minutes(60))).toBe(false)
        expect(await store.claimEvent('slack', 'msg:C1:1.0', minutes(61))).toBe(true)
        expect(await store.claimEvent('slack', 'msg:C1:1.0', minutes(62))).toBe(false)
      })

      it('knows a thread it answered in for threadDays after its last answer there', async () => {
        store = await openWith({ threadDays: 1 })
        expect(await store.knowsThread('slack', 'C1:1.0', t0)).toBe(false)
        await store.rememberThread('slack', 'C1:1.0', t0)
        expect(await store.knowsThread('slack', 'C1:1.0', minutes(60))).toBe(true)
        expect(await store.knowsThread('slack', 'C1:2.0', minutes(60))).toBe(false)
        expect(await store.knowsThread('discord', 'C1:1.0', minutes(60))).toBe(false)
        expect(await store.knowsThread('slack', 'C1:1.0', minutes(1441))).toBe(false)
        await store.rememberThread('slack', 'C1:1.0', minutes(1000))
        // An older answer reported late does not shorten the memory.
        await store.rememberThread('slack', 'C1:1.0', minutes(10))
        expect(await store.knowsThread('slack', 'C1:1.0', minutes(1441))).toBe(true)
        expect(await store.knowsThread('slack', 'C1:1.0', minutes(2441))).toBe(false)
      })

      it('rejects an empty key, an unknown platform and an invalid time', async () => {
        await expectStoreError(() => store.claimEvent('slack', '', t0), 'STORE_INVALID_INPUT')
        await expectStoreError(
          () => store.claimEvent('teams' as unknown as 'slack', 'event:Ev1', t0),
          'STORE_INVALID_INPUT',
        )
        await expectStoreError(() => store.rememberThread('slack', '', t0), 'STORE_INVALID_INPUT')
        await expectStoreError(
          () => store.knowsThread('slack', 'C1:1.0', new Date('nope')),
          'STORE_INVALID_INPUT',
        )
        await expectStoreError(() => openWith({ eventHours: 0 }), 'STORE_INVALID_INPUT')
        expect(await store.claimEvent('slack', 'event:Ev1', t0)).toBe(true)
      })
    })

    describe('conversation turns', () => {
      const turn = (n: number, key = 'C1:1714546800.000100', platform: 'slack' | 'discord' = 'slack') => ({
        platform,
        conversationKey: key,
        payload: JSON.stringify({ question: `q${n}` }),
        at: minutes(n),
      })
      const questions = (turns: { payload: string }[]) =>
        turns.map((t) => (JSON.parse(t.payload) as { question: string }).question)

      it('remembers a conversation’s answers, newest first, and no other conversation’s', async () => {
        const first = await store.recordTurn(turn(1))
        await store.recordTurn(turn(2))
        await store.recordTurn(turn(3, 'C1:other-thread'))
        await store.recordTurn(turn(4, 'C1:1714546800.000100', 'discord'))
        const recent = await store.recentTurns('slack', 'C1:1714546800.000100', minutes(5))
        expect(questions(recent)).toEqual(['q2', 'q1'])
        expect(recent[1]).toEqual({
          id: first,
          platform: 'slack',
          conversationKey: 'C1:1714546800.000100',
          messageKey: null,
          payload: '{"question":"q1"}',
          at: minutes(1),
        })
        expect(await store.recentTurns('slack', 'never-seen', minutes(5))).toEqual([])
      })

      it('keeps only the newest turns of a conversation (3 by default)', async () => {
        for (let n = 1; n <= 5; n++) await store.recordTurn(turn(n))
        expect(questions(await store.recentTurns('slack', 'C1:1714546800.000100', minutes(6)))).toEqual([
          'q5',
          'q4',
          'q3',
        ])
        const small = await openWith({ conversationTurns: 1 })
        await small.recordTurn(turn(1))
        await small.recordTurn(turn(2))
        expect(questions(await small.recentTurns('slack', 'C1:1714546800.000100', minutes(3)))).toEqual([
          'q2',
        ])
      })

      it('forgets turns after conversationDays, and drops them from the database at the next write', async () => {
        const short = await openWith({ conversationDays: 1 })
        await short.recordTurn(turn(0, 'old'))
        const day = 24 * 60
        expect(await short.recentTurns('slack', 'old', minutes(day - 1))).toHaveLength(1)
        expect(await short.recentTurns('slack', 'old', minutes(day + 1))).toEqual([])
        await short.recordTurn(turn(day + 1, 'new'))
        // The expired turn is gone even for a clock that would still see it.
        expect(await short.recentTurns('slack', 'old', minutes(1))).toEqual([])
      })

      it('finds a turn by the bot message that showed it; a message linked again moves to the newer turn', async () => {
        const a = await store.recordTurn(turn(1, 'chain-1', 'discord'))
        const b = await store.recordTurn(turn(2, 'chain-2', 'discord'))
        expect(await store.turnByMessage('discord', '555', minutes(3))).toBeNull()
        expect(await store.linkTurn('discord', a, '555')).toBe(true)
        expect(await store.turnByMessage('discord', '555', minutes(3))).toMatchObject({
          id: a,
          conversationKey: 'chain-1',
          messageKey: '555',
        })
        expect(await store.turnByMessage('slack', '555', minutes(3))).toBeNull()
        expect(await store.linkTurn('discord', b, '555')).toBe(true)
        expect((await store.turnByMessage('discord', '555', minutes(3)))?.id).toBe(b)
        expect(await store.linkTurn('discord', 9999, '556')).toBe(false)
      })

      it('rejects a payload that is not JSON and an empty conversation', async () => {
        await expectStoreError(
          () => store.recordTurn({ ...turn(1), payload: '{not json' }),
          'STORE_INVALID_INPUT',
        )
        await expectStoreError(
          () => store.recordTurn({ ...turn(1), conversationKey: '' }),
          'STORE_INVALID_INPUT',
        )
        await expectStoreError(() => openWith({ conversationTurns: 0 }), 'STORE_INVALID_INPUT')
      })
    })

    describe('installation secret', () => {
      it('is 256 random bits in hex, made once and the same on every call', async () => {
        const secret = await store.installationSecret()
        expect(secret).toMatch(/^[0-9a-f]{64}$/)
        expect(await store.installationSecret()).toBe(secret)
        expect(await (await openWith()).installationSecret()).not.toBe(secret)
      })
    })

    it('closing twice is harmless', async () => {
      await store.close()
      await expect(store.close()).resolves.toBeUndefined()
    })
  })
}
