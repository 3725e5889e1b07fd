import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.js'

const load = (env: Record<string, string>) => loadConfig(env, '')

describe('configuration', () => {
  it('runs the console chat with no platform token, with the defaults', () => {
    expect(load({})).toEqual({
      slack: null,
      discord: null,
      database: { kind: 'sqlite', path: 'data/citebot.db' },
      logLevel: 'info',
    })
  })

  it('chooses Socket Mode with an app token and HTTP mode with a signing secret', () => {
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toMatchObject({
      appToken: 'xapp-1',
      signingSecret: null,
    })
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef123456' }).slack).toMatchObject({
      appToken: null,
      signingSecret: 'abcdef123456',
      port: 3000,
    })
  })

  it('stops with one clear line for a missing or malformed value', () => {
    expect(() => load({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(
      /SLACK_APP_TOKEN \(Socket Mode\) nor SLACK_SIGNING_SECRET/,
    )
    expect(() => load({ SLACK_BOT_TOKEN: 'oops' })).toThrow(/SLACK_BOT_TOKEN must start with xoxb-/)
    expect(() => load({ DISCORD_TOKEN: 'x'.repeat(30) })).toThrow(/DISCORD_APPLICATION_ID/)
    expect(() => load({ LOG_LEVEL: 'loud' })).toThrow(ConfigError)
    expect(() =>
      load({ SLACK_API_URL: 'not a url', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }),
    ).toThrow(/SLACK_API_URL/)
  })

  it('keeps the store in DATABASE_PATH’s SQLite file, or on the Postgres server of DATABASE_URL', () => {
    expect(load({ DATABASE_PATH: '/var/lib/citebot/citebot.db' }).database).toEqual({
      kind: 'sqlite',
      path: '/var/lib/citebot/citebot.db',
    })
    const url = 'postgres://citebot:pw@db.internal:5432/citebot'
    expect(load({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url })
    expect(load({ DATABASE_URL: 'postgresql://db/citebot' }).database.kind).toBe('postgres')
    expect(() => load({ DATABASE_URL: 'mysql://db/citebot' })).toThrow(
      /^DATABASE_URL must be a Postgres URL such as postgres:\/\//,
    )
    expect(() => load({ DATABASE_URL: url, DATABASE_PATH: 'x.db' })).toThrow(/both set/)
  })

  it('treats blank values as unset', () => {
    expect(load({ SLACK_BOT_TOKEN: '  ', DISCORD_TOKEN: '' })).toMatchObject({ slack: null, discord: null })
  })
})
