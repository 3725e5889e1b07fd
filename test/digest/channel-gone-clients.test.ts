import { webApi } from '@slack/bolt'
import { REST, Routes } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { DiscordPostError } from '../../src/adapters/discord/errors.js'
import { SlackPostError } from '../../src/adapters/slack/errors.js'
import { goneCode, isChannelGone } from '../../src/digest/channel-gone.js'
import { startFakeDiscord } from '../fakes/discord.js'
import { startFakeSlack } from '../fakes/slack.js'

/** The rejection of a call, to read what the real client raised. */
async function rejectionOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call()
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

describe('isChannelGone on the real clients’ errors', () => {
  it('reads a Slack Web API channel_not_found, and leaves an internal_error to retry', async () => {
    const fake = await startFakeSlack()
    try {
      const client = new webApi.WebClient('xoxb-test', {
        slackApiUrl: fake.apiUrl,
        retryConfig: { retries: 0 },
      })
      const post = () => client.chat.postMessage({ channel: 'C404', text: 'digest' })
      fake.failNext('chat.postMessage', { error: 'channel_not_found' })
      const gone = await rejectionOf(post)
      expect(isChannelGone(gone)).toBe(true)
      // As the Slack adapter's postDigest throws it.
      expect(goneCode(new SlackPostError('chat.postMessage', 'C404', gone))).toBe('channel_not_found')
      fake.failNext('chat.postMessage', { error: 'internal_error' })
      const transient = await rejectionOf(post)
      expect(isChannelGone(transient)).toBe(false)
      expect(isChannelGone(new SlackPostError('chat.postMessage', 'C404', transient))).toBe(false)
    } finally {
      await fake.close()
    }
  })

  it('reads discord.js’s Missing Access (50001) and Unknown Channel (10003), and leaves a 500 to retry', async () => {
    const fake = await startFakeDiscord()
    try {
      const rest = new REST({ api: fake.apiBase, retries: 0 }).setToken('fake-bot-token')
      const post = () =>
        rest.post(Routes.channelMessages(fake.textChannelId), { body: { content: 'digest' } })
      const messages = /^\/channels\/\d+\/messages$/
      fake.failNext('POST', messages, { status: 403, code: 50001 })
      const missingAccess = await rejectionOf(post)
      expect(isChannelGone(missingAccess)).toBe(true)
      // As the Discord adapter's postDigest throws it.
      expect(goneCode(DiscordPostError.from(missingAccess, fake.textChannelId))).toBe('50001')
      fake.failNext('POST', messages, { status: 404, code: 10003 })
      expect(isChannelGone(await rejectionOf(post))).toBe(true)
      fake.failNext('POST', messages, { status: 500, code: 0 })
      const serverError = await rejectionOf(post)
      expect(isChannelGone(serverError)).toBe(false)
      expect(isChannelGone(DiscordPostError.from(serverError, fake.textChannelId))).toBe(false)
    } finally {
      await fake.close()
    }
  })
})
