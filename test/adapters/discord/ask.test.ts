import type { APIEmbed } from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import { botMessages, checkAndClose, type Running, responseTo, sentMessages, startBot } from './harness.js'

let running: Running | undefined

afterEach(async () => {
  const r = running
  running = undefined
  await checkAndClose(r)
})

const callbackOf = (r: Running, id: string) =>
  r.fake.requestsTo('POST', new RegExp(`^/interactions/${id}/[^/]+/callback$`))

describe('/ask and /sources on Discord', () => {
  it('answers /ask in the channel: deferred within 3 s, then the contested claim with quotes, the note and buttons', async () => {
    running = await startBot()
    const { fake } = running
    const { id } = fake.interactionCreate({
      type: 'command',
      name: 'ask',
      options: [{ name: 'question', value: 'is it mandatory?' }],
    })
    const edit = await fake.waitForRequest('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/)

    expect(fake.firstResponseMs(id)).toBeLessThan(3000)
    expect(callbackOf(running, id)[0]?.body).toEqual({ type: 5, data: { flags: 0 } })
    const answer = responseTo(fake, id)
    expect(answer?.flags ?? 0).toBe(0) // public: everyone in the channel sees it
    expect(answer?.id).toBe((edit.response as { id: string }).id)
    const embeds = answer?.embeds ?? []
    const first = embeds[0]
    const caveats = embeds[embeds.length - 1]
    expect(first?.author?.name).toBe('❓ is it mandatory?')
    // The first claim (numbered when the reader's claim it contests is answered too).
    expect(first?.title).toMatch(
      /^(1\. )?While the system is voluntary for now, it will be mandatory by 2020\.$/,
    )
    expect(first?.description).toContain('⚠️ **Contested**: Edward Lin, in a reader comment')
    expect(first?.description).toContain(
      '> While the system is voluntary for now, it will be mandatory by 2020.',
    )
    expect(first?.description).toContain('**Disputed by**\n> Besides,nobody ever cares about Sesame Credit')
    expect(first?.description).toContain('— Edward Lin (reader comment), *In China, Your Credit Score')
    expect(caveats?.title).toBe('Caveats on the sources')
    const buttons = answer?.components?.[0] as { components: { custom_id: string }[] } | undefined
    expect(buttons?.components.map((b) => b.custom_id)).toEqual(['feedback:up', 'feedback:down'])
    expect(sentMessages(fake).map((b) => b.allowed_mentions)).toEqual([{ parse: [] }])
    expect(fake.unhandledRequests).toEqual([])
  })

  it('says in the channel that the sources do not answer an out-of-scope question', async () => {
    running = await startBot()
    const { fake } = running
    const { id } = fake.interactionCreate({
      type: 'command',
      name: 'ask',
      options: [{ name: 'question', value: 'what is the weather in Tokyo?' }],
    })
    await fake.waitForRequest('PATCH', /\/messages\/@original$/)
    const embed = responseTo(fake, id)?.embeds[0] as APIEmbed | undefined
    expect(embed?.description).toContain('The sources don’t answer that')
    expect(fake.firstResponseMs(id)).toBeLessThan(3000)
  })

  it('pings nobody: @everyone, <@123> and <@&456> are left out of the question, Markdown is shown as typed', async () => {
    running = await startBot()
    const { fake } = running
    const { id } = fake.interactionCreate({
      type: 'command',
      name: 'ask',
      options: [{ name: 'question', value: '@everyone <@123> <@&456> is it **mandatory**?' }],
    })
    await fake.waitForRequest('PATCH', /\/messages\/@original$/)
    const sent = sentMessages(fake)
    expect(sent).toHaveLength(1)
    for (const body of sent) expect(body.allowed_mentions).toEqual({ parse: [] })
    expect(JSON.stringify(sent)).not.toMatch(/@everyone|<@\d|<@&\d/)
    const author = responseTo(fake, id)?.embeds[0]?.author?.name
    expect(author).toBe('❓ is it **mandatory**?')
    expect(responseTo(fake, id)?.mention_everyone).toBe(false)
  })

  it('answers a blank question privately with how to ask', async () => {
    running = await startBot()
    const { fake } = running
    const { id } = fake.interactionCreate({
      type: 'command',
      name: 'ask',
      options: [{ name: 'question', value: '  ' }],
    })
    const callback = await fake.waitForRequest('POST', new RegExp(`^/interactions/${id}/`))
    expect(callback.body).toMatchObject({
      type: 4,
      data: {
        flags: 64,
        content: expect.stringContaining('Usage: /ask <question>'),
        allowed_mentions: { parse: [] },
      },
    })
  })

  it('lists /sources privately (ephemeral, flags 64) within 3 s', async () => {
    running = await startBot()
    const { fake } = running
    const { id } = fake.interactionCreate({ type: 'command', name: 'sources' })
    const callback = await fake.waitForRequest('POST', new RegExp(`^/interactions/${id}/`))
    expect(fake.firstResponseMs(id)).toBeLessThan(3000)
    const body = callback.body as {
      type: number
      data: { flags: number; embeds: APIEmbed[]; allowed_mentions: unknown }
    }
    expect(body.type).toBe(4)
    expect(body.data.flags).toBe(64)
    expect(body.data.allowed_mentions).toEqual({ parse: [] })
    expect(body.data.embeds[0]?.title).toBe('Sources I quote from (5)')
    expect(body.data.embeds[0]?.fields).toHaveLength(5)
    // Ephemeral: not echoed to the channel.
    expect(botMessages(fake).every((m) => (m.flags ?? 0) & 64)).toBe(true)
  })
})
