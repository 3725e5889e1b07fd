import { afterEach, describe, expect, it } from 'vitest'
import { createDiscordBot, DiscordLoginError } from '../../../src/adapters/discord/index.js'
import { ChatService } from '../../../src/chat/service.js'
import { createLogger } from '../../../src/logger.js'
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord.js'
import { unusedUrl } from '../../helpers/free-port.js'
import { seedEngine } from './harness.js'

let fake: FakeDiscord | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

function bot(f: FakeDiscord, token: string) {
  return createDiscordBot({
    config: { token, applicationId: f.applicationId, guildId: null, apiUrl: f.apiBase },
    service: new ChatService({ engine: seedEngine(), store: null }),
    logger: createLogger('silent'),
  })
}

describe('the Discord bot’s life cycle', () => {
  it('connects through DISCORD_API_URL, gets ready, and disconnects on stop', async () => {
    fake = await startFakeDiscord({ token: 'right-token' })
    const b = bot(fake, 'right-token')
    await b.start()
    expect(b.client.isReady()).toBe(true)
    expect(fake.requestsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1)
    await b.stop()
    expect(b.client.isReady()).toBe(false)
  })

  it('fails to start with a clear error when Discord rejects the token', async () => {
    fake = await startFakeDiscord({ token: 'right-token' })
    const b = bot(fake, 'wrong-token')
    const error = await b.start().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DiscordLoginError)
    expect((error as Error).message).toBe(
      'Discord rejected DISCORD_TOKEN; copy a fresh one from the Developer Portal (Bot → Reset Token).',
    )
    await b.stop()
  })

  it('says Discord could not be reached at DISCORD_API_URL when nothing listens there, not that the token is wrong', async () => {
    const apiUrl = await unusedUrl('/api')
    const b = createDiscordBot({
      config: { token: 'right-token', applicationId: '123456789', guildId: null, apiUrl },
      service: new ChatService({ engine: seedEngine(), store: null }),
      logger: createLogger('silent'),
    })
    const error = await b.start().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DiscordLoginError)
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Discord could not be reached at ${apiUrl} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\)\\. Check DISCORD_API_URL \\(unset, it is https://discord\\.com/api\\) and the network\\.$`,
      ),
    )
    await b.stop()
  })
})
