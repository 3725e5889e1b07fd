import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { checkAndClose, type Running, responseTo, startBot } from './harness.js'

let running: Running | undefined

afterEach(async () => {
  const r = running
  running = undefined
  await checkAndClose(r)
})

/** Asks with /ask and returns the id of the posted answer. */
async function askAndAnswer(r: Running, question: string): Promise<string> {
  const { id } = r.fake.interactionCreate({
    type: 'command',
    name: 'ask',
    options: [{ name: 'question', value: question }],
  })
  await r.fake.waitForRequest('PATCH', /\/messages\/@original$/)
  const answer = responseTo(r.fake, id)
  if (!answer) throw new Error('no answer posted')
  return answer.id
}

/** Clicks a button on a message and returns the text of the bot's private acknowledgement. */
async function click(r: Running, messageId: string, customId: string, user?: { id: string }) {
  const { id } = r.fake.interactionCreate({ type: 'button', customId, messageId, ...(user ? { user } : {}) })
  const callback = await r.fake.waitForRequest('POST', new RegExp(`^/interactions/${id}/`))
  expect(r.fake.firstResponseMs(id)).toBeLessThan(3000)
  return callback.body as {
    type: number
    data: { flags: number; content: string; allowed_mentions: unknown }
  }
}

describe('👍/👎 feedback on Discord', () => {
  it('stores a vote on the answer with its question and thanks only the clicker', async () => {
    running = await startBot()
    const answerId = await askAndAnswer(running, 'is it mandatory?')

    const ack = await click(running, answerId, 'feedback:up')
    expect(ack).toEqual({
      type: 4,
      data: expect.objectContaining({
        flags: 64,
        content: 'Thanks for the 👍: it tells me which answers help.',
        allowed_mentions: { parse: [] },
      }),
    })
    expect(await running.store.feedbackSummary('discord', running.fake.textChannelId)).toEqual({
      up: 1,
      down: 0,
    })
    const db = new Database(running.databasePath, { readonly: true })
    const rows = db
      .prepare('SELECT platform, channel_id, answer_key, question, vote, user_key FROM feedback')
      .all()
    db.close()
    expect(rows).toEqual([
      {
        platform: 'discord',
        channel_id: running.fake.textChannelId,
        answer_key: answerId,
        question: 'is it mandatory?',
        vote: 'up',
        user_key: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ])
    expect(JSON.stringify(rows)).not.toContain(running.fake.user.id)
  })

  it('changes a vote on a second click and counts each person once', async () => {
    running = await startBot()
    const answerId = await askAndAnswer(running, 'who scores citizens?')

    await click(running, answerId, 'feedback:up')
    expect((await click(running, answerId, 'feedback:down')).data.content).toBe(
      'Changed your vote on this answer to 👎.',
    )
    expect((await click(running, answerId, 'feedback:down')).data.content).toBe(
      'You already gave this answer a 👎.',
    )
    await click(running, answerId, 'feedback:up', { id: '200000000000000001' })
    expect(await running.store.feedbackSummary('discord')).toEqual({ up: 1, down: 1 })
  })

  it('leaves the answer message as it was (the acknowledgement is a private message, not an update)', async () => {
    running = await startBot()
    const answerId = await askAndAnswer(running, 'is it mandatory?')
    const before = running.fake.messages.get(answerId)
    await click(running, answerId, 'feedback:down')
    expect(running.fake.messages.get(answerId)).toEqual(before)
  })
})
