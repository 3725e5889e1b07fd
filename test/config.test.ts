import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, loadCorpusPaths } from '../src/config.js'

const load = (env: Record<string, string>) => loadConfig(env, '')

describe('configuration', () => {
  it('runs the console chat with no platform token, with the defaults', () => {
    expect(load({})).toEqual({
      slack: null,
      discord: null,
      databasePath: 'data/citebot.db',
      logLevel: 'info',
      seedsDir: 'seeds',
      indexDir: 'index',
    })
  })

  it('reads the documents from SEEDS_DIR and keeps their index in INDEX_DIR', () => {
    expect(load({ SEEDS_DIR: '/srv/docs', INDEX_DIR: '/var/cache/citebot' })).toMatchObject({
      seedsDir: '/srv/docs',
      indexDir: '/var/cache/citebot',
    })
    // The command-line tools read only the folders: a half-set Slack token does not stop them.
    expect(loadCorpusPaths({ SEEDS_DIR: 'docs', SLACK_BOT_TOKEN: 'oops' }, '')).toEqual({
      seedsDir: 'docs',
      indexDir: 'index',
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

  it('treats blank values as unset', () => {
    expect(load({ SLACK_BOT_TOKEN: '  ', DISCORD_TOKEN: '' })).toMatchObject({ slack: null, discord: null })
  })
})
