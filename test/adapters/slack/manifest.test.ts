import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../helpers/built.js'

const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Manifest
const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/slack/manifest.schema.json'), 'utf8'))
const validate = new Ajv({ allErrors: true }).compile(schema)

interface Manifest {
  features: { slash_commands: { command: string; url?: string }[] }
  oauth_config: { scopes: { bot: string[] } }
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] }
    interactivity: { is_enabled: boolean; request_url?: string }
    socket_mode_enabled: boolean
  }
}

const socket = read('manifest.json')
const http = read('manifest.http.json')

/** Every request URL a manifest names. */
const urls = (m: Manifest) =>
  [
    ...m.features.slash_commands.map((c) => c.url),
    m.settings.event_subscriptions.request_url,
    m.settings.interactivity.request_url,
  ].filter((u): u is string => u !== undefined)

// What each event needs (Slack's event reference: "Required scopes").
const SCOPE_OF_EVENT: Record<string, string> = {
  app_mention: 'app_mentions:read',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
  'message.mpim': 'mpim:history',
}

describe('the Slack app manifests', () => {
  it.each([
    ['manifest.json', socket],
    ['manifest.http.json', http],
  ])('%s passes the app manifest schema', (_file, manifest) => {
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true)
  })

  it('the schema refuses what Slack refuses: a command without its slash, an unknown key, a URL without https', () => {
    const bad = structuredClone(http)
    bad.features.slash_commands[0] = { command: 'ask', url: 'citebot.example.com/slack/events' }
    ;(bad.settings as unknown as Record<string, unknown>).socket_mode = true
    expect(validate(bad)).toBe(false)
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/features\/slash_commands\/0\/command must match pattern/),
        expect.stringMatching(/^\/features\/slash_commands\/0 must have required property 'description'/),
        expect.stringMatching(/^\/features\/slash_commands\/0\/url must match pattern/),
        '/settings must NOT have additional properties',
      ]),
    )
  })

  it('Socket Mode: no request URL anywhere', () => {
    expect(socket.settings.socket_mode_enabled).toBe(true)
    expect(urls(socket)).toEqual([])
  })

  it('HTTP mode: Socket Mode off and one URL to replace, at Bolt’s /slack/events, for commands, events and buttons', () => {
    expect(http.settings.socket_mode_enabled).toBe(false)
    expect(urls(http)).toHaveLength(http.features.slash_commands.length + 2)
    expect(new Set(urls(http))).toEqual(new Set(['https://citebot.example.com/slack/events']))
  })

  it('both ask for the same scopes, events and commands, and HTTP mode differs only in its URLs', () => {
    const strip = (m: Manifest) =>
      JSON.stringify(m, (key, value) =>
        key === 'url' || key === 'request_url' || key === 'socket_mode_enabled' ? undefined : value,
      )
    expect(strip(http)).toBe(strip(socket))
  })

  it('asks for the scope of each event it subscribes to, group DMs included, and no scope it does not use', () => {
    const events = socket.settings.event_subscriptions.bot_events
    expect(events).toEqual(expect.arrayContaining(['message.im', 'message.mpim']))
    const needed = new Set([
      ...events.map((e) => SCOPE_OF_EVENT[e]),
      'chat:write',
      'chat:write.public',
      // files.getUploadURLExternal and files.completeUploadExternal: the map of the sources.
      'files:write',
      'commands',
    ])
    expect(new Set(socket.oauth_config.scopes.bot)).toEqual(needed)
    expect(socket.oauth_config.scopes.bot).not.toContain('im:read')
  })

  it('declares the slash commands citebot answers', () => {
    expect(socket.features.slash_commands.map((c) => c.command)).toEqual(['/ask', '/sources', '/digest'])
  })
})
