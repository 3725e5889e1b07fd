import { ApplicationCommandOptionType } from 'discord.js'
import { afterEach, describe, expect, it } from 'vitest'
import { DISCORD_COMMANDS, digestArgs } from '../../../src/adapters/discord/commands.js'
import { describeRegistration, RegisterError, registerCommands } from '../../../src/cli/discord-register.js'
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord.js'

let fake: FakeDiscord | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const TOKEN = 'fake-bot-token'

describe('registering the slash commands', () => {
  it('PUTs /ask, /sources and /digest to the guild when DISCORD_GUILD_ID is set', async () => {
    fake = await startFakeDiscord({ token: TOKEN })
    const result = await registerCommands({
      token: TOKEN,
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      apiUrl: fake.apiBase,
    })

    const [put] = fake.requestsTo('PUT', /^\/applications\/\d+\/guilds\/\d+\/commands$/)
    expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`)
    expect(put?.headers.authorization).toBe(`Bot ${TOKEN}`)
    expect(put?.body).toEqual(DISCORD_COMMANDS)
    expect(fake.commands.guild.map((c) => c.name)).toEqual(['ask', 'sources', 'digest'])
    expect(fake.commands.global).toEqual([])
    expect(result).toMatchObject({ scope: 'guild', guildId: fake.guildId })
    expect(result.commands.map((c) => c.id)).toEqual(fake.commands.guild.map((c) => c.id))

    const [ask, sources, digest] = (put?.body ?? []) as (typeof DISCORD_COMMANDS)[number][]
    expect(ask?.options).toEqual([
      expect.objectContaining({
        type: ApplicationCommandOptionType.String,
        name: 'question',
        required: true,
      }),
    ])
    expect(sources?.default_member_permissions).toBeUndefined()
    expect(digest?.default_member_permissions).toBe('16') // Manage Channels
    expect(digest?.options?.map((o) => [o.type, o.name])).toEqual([
      [ApplicationCommandOptionType.Subcommand, 'subscribe'],
      [ApplicationCommandOptionType.Subcommand, 'unsubscribe'],
      [ApplicationCommandOptionType.Subcommand, 'status'],
      [ApplicationCommandOptionType.Subcommand, 'now'],
    ])
    const subscribe = digest?.options?.[0]
    expect(
      subscribe && 'options' in subscribe ? subscribe.options?.map((o) => [o.name, o.required]) : null,
    ).toEqual([
      ['time', false],
      ['timezone', false],
    ])

    expect(describeRegistration(result)).toBe(
      [
        `Registered 3 slash commands in server ${fake.guildId} (they appear at once):`,
        '  /ask',
        '  /sources',
        '  /digest (subscribe, unsubscribe, status, now) — Manage Channels by default',
      ].join('\n'),
    )
  })

  it('PUTs them globally when no guild is set', async () => {
    fake = await startFakeDiscord()
    const result = await registerCommands({
      token: TOKEN,
      applicationId: fake.applicationId,
      guildId: null,
      apiUrl: fake.apiBase,
    })
    const [put] = fake.requestsTo('PUT', /^\/applications\/\d+\/commands$/)
    expect(put?.body).toEqual(DISCORD_COMMANDS)
    expect(fake.commands.global.map((c) => c.name)).toEqual(['ask', 'sources', 'digest'])
    expect(result.scope).toBe('global')
    expect(describeRegistration(result)).toContain('globally')
  })

  it('says how to fix a rejected token and a server the bot is not in', async () => {
    fake = await startFakeDiscord({ token: TOKEN })
    const base = { applicationId: fake.applicationId, apiUrl: fake.apiBase }
    const badToken = await registerCommands({ ...base, token: 'wrong', guildId: null }).catch(
      (e: unknown) => e,
    )
    expect(badToken).toBeInstanceOf(RegisterError)
    expect((badToken as Error).message).toContain('Discord rejected DISCORD_TOKEN (401)')

    const otherGuild = await registerCommands({ ...base, token: TOKEN, guildId: '123456789012345678' }).catch(
      (e: unknown) => e,
    )
    expect(otherGuild).toMatchObject({ name: 'RegisterError', discordCode: 50001 })
    expect((otherGuild as Error).message).toContain('invite the bot there first')
  })

  it('says that an unknown application means a wrong DISCORD_APPLICATION_ID', async () => {
    fake = await startFakeDiscord({ token: TOKEN })
    fake.failNext('PUT', /\/commands$/, { status: 404, code: 10002 })
    const error = await registerCommands({
      token: TOKEN,
      applicationId: fake.applicationId,
      guildId: null,
      apiUrl: fake.apiBase,
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'RegisterError', discordCode: 10002 })
    expect((error as Error).message).toBe(
      `Discord knows no application ${fake.applicationId} (Unknown Application): set DISCORD_APPLICATION_ID to the Application ID on the Developer Portal's General Information page of the application whose bot DISCORD_TOKEN belongs to (not the bot's user id, a server id or the public key).`,
    )
  })

  it('puts a 400 with its field errors on one line', async () => {
    fake = await startFakeDiscord({ token: TOKEN })
    const errors = {
      0: {
        name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' }] },
      },
      2: {
        description: {
          _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }],
        },
      },
    }
    fake.failNext('PUT', /\/commands$/, { status: 400, code: 50035, errors })
    const error = await registerCommands({
      token: TOKEN,
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      apiUrl: fake.apiBase,
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'RegisterError', discordCode: 50035 })
    expect((error as Error).message).toBe(
      'Discord refused the commands (status 400, code 50035): Invalid Form Body; 0.name[APPLICATION_COMMAND_INVALID_NAME]: Command name is invalid; 2.description[BASE_TYPE_BAD_LENGTH]: Must be between 1 and 100 in length.',
    )
  })

  it('turns /digest subcommands and options into the chat service’s arguments', () => {
    expect(digestArgs('subscribe', { time: '08:30', timezone: 'America/New York' })).toBe(
      'subscribe 08:30 America/New_York',
    )
    expect(digestArgs('subscribe', { time: null, timezone: 'UTC' })).toBe('subscribe UTC')
    expect(digestArgs('status', { time: '08:30', timezone: null })).toBe('status')
  })
})
