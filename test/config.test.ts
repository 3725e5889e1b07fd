import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, loadCorpusPaths } from '../src/config.js'
import { useTempDir } from './store/temp-dir.js'

const load = (env: Record<string, string>) => loadConfig(env, '')

describe('configuration', () => {
  it('runs the console chat with no platform token, with the defaults', () => {
    expect(load({})).toEqual({
      slack: null,
      discord: null,
      database: { kind: 'sqlite', path: 'data/citebot.db' },
      logLevel: 'info',
      secret: null,
      examples: [],
      warnings: [],
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

  it('says what a port must be, showing the value it got', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef123456' }
    expect(() => load({ ...slack, SLACK_PORT: 'abc' })).toThrow(
      new ConfigError("SLACK_PORT must be a port number 1–65535, got 'abc'."),
    )
    expect(() => load({ ...slack, SLACK_PORT: '70000' })).toThrow(/got '70000'/)
    expect(load({ ...slack, SLACK_PORT: '8080' }).slack?.port).toBe(8080)
  })

  it('refuses an API URL without http(s), on one line', () => {
    const error = catchConfig(() => load({ DISCORD_API_URL: 'localhost:9' }))
    expect(error.message).toBe(
      "DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, got 'localhost:9'.",
    )
    expect(error.message).not.toContain('\n')
    expect(() => load({ SLACK_API_URL: 'ftp://example.org/api/' })).toThrow(
      /SLACK_API_URL must be an http\(s\) URL/,
    )
    expect(load({ DISCORD_API_URL: 'http://127.0.0.1:9/api' })).toMatchObject({ warnings: [] })
  })

  it('never shows a token it refuses', () => {
    const error = catchConfig(() => load({ SLACK_BOT_TOKEN: 'xapp-secret-value' }))
    expect(error.message).not.toContain('secret-value')
    expect(catchConfig(() => load({ CITEBOT_SECRET: 'short-secret' })).message).not.toContain('short-secret')
  })

  it('warns once about each unknown SLACK_, DISCORD_ or CITEBOT_ name, with the closest known one', () => {
    const config = load({
      SLACK_BOT_TOKN: 'xoxb-1',
      DISCORD_GUILD: '1',
      CITEBOT_SECRETS: 'x',
      SLACK_FOO_BAR_BAZ: '1',
      HOME: '/root',
    })
    expect(config.slack).toBeNull()
    expect(config.warnings).toEqual([
      'SLACK_BOT_TOKN (in the environment) is not a setting citebot reads; did you mean SLACK_BOT_TOKEN?',
      'DISCORD_GUILD (in the environment) is not a setting citebot reads; did you mean DISCORD_GUILD_ID?',
      'CITEBOT_SECRETS (in the environment) is not a setting citebot reads; did you mean CITEBOT_SECRET?',
      'SLACK_FOO_BAR_BAZ (in the environment) is not a setting citebot reads; it is ignored.',
    ])
  })

  it('reads .env without overriding the environment, and warns about the names it misspells', () => {
    const path = join(dir, 'names.env')
    writeFileSync(path, '# settings\nLOG_LEVEL=debug\nDATABASE_PATH="/tmp/x.db"\nSLACK_APP_TOKN=xapp-1\n')
    const config = loadConfig({ LOG_LEVEL: 'warn' }, path)
    expect(config).toMatchObject({ logLevel: 'warn', database: { kind: 'sqlite', path: '/tmp/x.db' } })
    expect(config.warnings).toEqual([
      `SLACK_APP_TOKN (in ${path}) is not a setting citebot reads; did you mean SLACK_APP_TOKEN?`,
    ])
  })

  it('stops at a quote that .env opens and does not close, naming the line', () => {
    const path = join(dir, 'quote.env')
    writeFileSync(path, 'LOG_LEVEL=debug\nSLACK_BOT_TOKEN="xoxb-1\nSLACK_APP_TOKEN=xapp-1\n')
    expect(() => loadConfig({}, path)).toThrow(
      new ConfigError(
        `${path} line 2: the value of SLACK_BOT_TOKEN opens a " quote that is not closed on that line; close it (SLACK_BOT_TOKEN="…") or remove it.`,
      ),
    )
  })

  it('takes example questions from CITEBOT_EXAMPLES, split at |', () => {
    expect(load({ CITEBOT_EXAMPLES: ' Who runs it? | |What is Rongcheng?' }).examples).toEqual([
      'Who runs it?',
      'What is Rongcheng?',
    ])
  })
})

const dir = useTempDir('config')

function catchConfig(run: () => unknown): ConfigError {
  try {
    run()
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}
