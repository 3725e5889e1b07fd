import { existsSync } from 'node:fs'
import { z } from 'zod'
import { EnvFileError, readEnvFile } from './env-file.js'
import { unknownNameWarnings } from './env-names.js'

/** Log levels pino knows. */
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'must be one of fatal, error, warn, info, debug, trace or silent',
})

/** An http(s) URL with a host; `localhost:9` (no scheme) is not one. */
const httpUrl = (example: string) =>
  z.string().refine(
    (value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
      } catch {
        return false
      }
    },
    { error: `must be an http(s) URL such as ${example}` },
  )

const Port = z
  .string()
  .refine((value) => /^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 65535, {
    error: 'must be a port number 1–65535',
  })
  .transform(Number)

/** The folders of the documents and of their built index (see `CorpusPaths`). */
const CorpusEnv = z.object({
  SEEDS_DIR: z.string().min(1).default('seeds'),
  INDEX_DIR: z.string().min(1).default('index'),
})

const Env = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must start with xoxb- (the Bot User OAuth Token, under OAuth & Permissions)')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(
      /^xapp-/,
      'must start with xapp- (an App-Level Token with connections:write, under Basic Information)',
    )
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .min(8, 'is too short (find it under Basic Information → App Credentials)')
    .optional(),
  SLACK_API_URL: httpUrl('https://slack.com/api/').optional(),
  SLACK_PORT: Port.default(3000),
  DISCORD_TOKEN: z.string().min(20, 'is too short (the bot token, under Bot → Reset Token)').optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'must be the numeric Application ID')
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'must be a numeric server (guild) ID')
    .optional(),
  DISCORD_API_URL: httpUrl('https://discord.com/api').optional(),
  CITEBOT_SECRET: z
    .string()
    .min(
      16,
      'is too short: use at least 16 random characters (for example the output of openssl rand -hex 32)',
    )
    .optional(),
  CITEBOT_EXAMPLES: z.string().optional(),
  DATABASE_PATH: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/i,
      'must be a Postgres URL such as postgres://citebot:password@db.internal:5432/citebot',
    )
    .optional(),
  LOG_LEVEL: LogLevel.default('info'),
  ...CorpusEnv.shape,
})

/** The settings citebot reads. */
export const SETTING_NAMES: readonly string[] = Object.keys(Env.shape)

// Values that may be shown back in an error message; tokens and secrets never are.
const SHOWN = new Set([
  'SLACK_API_URL',
  'SLACK_PORT',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
  'LOG_LEVEL',
])

/** The checked configuration. Secrets are never logged (see logger.ts). */
export interface Config {
  slack: {
    /** Bot token (`xoxb-…`); Slack is off without it. */
    botToken: string
    /** App-level token (`xapp-…`) for Socket Mode; null in HTTP mode. */
    appToken: string | null
    /** Signing secret for HTTP mode; null in Socket Mode. */
    signingSecret: string | null
    /** Web API base, default Slack's public API. */
    apiUrl: string | null
    /** Port of the HTTP receiver (HTTP mode). Default 3000. */
    port: number
  } | null
  discord: {
    token: string
    applicationId: string
    /** Registers commands to this server only (instant) instead of globally. */
    guildId: string | null
    /** REST base, default Discord's public API. */
    apiUrl: string | null
  } | null
  /**
   * Where subscriptions, digests, the question log, feedback, handled events and answered threads are kept:
   * the Postgres URL of `DATABASE_URL` (several processes, on any machines), else the SQLite file of
   * `DATABASE_PATH` (default `data/citebot.db`, one machine).
   */
  database: { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string }
  logLevel: z.infer<typeof LogLevel>
  /** `CITEBOT_SECRET`: the key of the voter hashes in stored feedback; null to use the one kept in the store. */
  secret: string | null
  /** `CITEBOT_EXAMPLES`: example questions shown in greetings, `|`-separated; empty to take them from the sources. */
  examples: string[]
  /** Variables named like citebot's that it does not read (misspellings), one warning each, to log once. */
  warnings: string[]
  /** The folder of the source documents (`SEEDS_DIR`). Default `seeds`. */
  seedsDir: string
  /** The folder of the built index (`INDEX_DIR`). Default `index`. */
  indexDir: string
}

/** Where the documents and their built index are: all that `npm run index` and `npm run ask` need. */
export type CorpusPaths = Pick<Config, 'seedsDir' | 'indexDir'>

/** A configuration problem: one line that says what is wrong and how to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError'
  readonly code = 'CONFIG_INVALID'
}

/**
 * Reads and checks the environment once (and `dotenv`, `.env` in the working directory by default, when there
 * is one, without overriding what is set). No other file reads `process.env`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenv = '.env'): Config {
  const where = new Map(Object.keys(env).map((name) => [name, 'the environment']))
  let merged: Record<string, string | undefined> = env
  if (dotenv && existsSync(dotenv)) {
    let file: Record<string, string>
    try {
      file = readEnvFile(dotenv)
    } catch (error) {
      if (error instanceof EnvFileError) throw new ConfigError(error.message)
      throw new ConfigError(`Could not read ${dotenv}: ${(error as Error).message}.`)
    }
    for (const name of Object.keys(file)) if (!where.has(name)) where.set(name, dotenv)
    merged = { ...file, ...env }
  }
  const blank = Object.fromEntries(
    Object.entries(merged).filter(([, v]) => v !== undefined && v.trim() !== ''),
  )
  const parsed = Env.safeParse(blank)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const name = String(issue?.path[0] ?? 'environment')
    const got = SHOWN.has(name) && typeof blank[name] === 'string' ? `, got '${blank[name]}'` : ''
    throw new ConfigError(`${name} ${issue?.message ?? 'is invalid'}${got}.`)
  }
  const e = parsed.data
  let slack: Config['slack'] = null
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      throw new ConfigError(
        'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is; set one of them.',
      )
    }
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN ?? null,
      signingSecret: e.SLACK_APP_TOKEN ? null : (e.SLACK_SIGNING_SECRET ?? null),
      apiUrl: e.SLACK_API_URL ?? null,
      port: e.SLACK_PORT,
    }
  } else if (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set without SLACK_BOT_TOKEN; set the bot token (xoxb-…) too.',
    )
  }
  let discord: Config['discord'] = null
  if (e.DISCORD_TOKEN) {
    if (!e.DISCORD_APPLICATION_ID) {
      throw new ConfigError(
        'DISCORD_TOKEN is set without DISCORD_APPLICATION_ID; copy it from the Developer Portal (General Information).',
      )
    }
    discord = {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID ?? null,
      apiUrl: e.DISCORD_API_URL ?? null,
    }
  }
  if (e.DATABASE_URL && e.DATABASE_PATH) {
    throw new ConfigError(
      'DATABASE_URL (Postgres) and DATABASE_PATH (SQLite) are both set; keep the one store citebot should use.',
    )
  }
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'sqlite', path: e.DATABASE_PATH ?? 'data/citebot.db' }
  return {
    slack,
    discord,
    database,
    logLevel: e.LOG_LEVEL,
    secret: e.CITEBOT_SECRET ?? null,
    examples: (e.CITEBOT_EXAMPLES ?? '')
      .split('|')
      .map((q) => q.trim())
      .filter((q) => q !== ''),
    warnings: unknownNameWarnings(where, SETTING_NAMES),
    seedsDir: e.SEEDS_DIR,
    indexDir: e.INDEX_DIR,
  }
}

/**
 * Reads only `SEEDS_DIR` and `INDEX_DIR` (from the environment, then `dotenv` as `loadConfig`
 * does): the command-line tools need the folders, not the platform tokens, so a token set for the
 * bot does not stop them.
 */
export function loadCorpusPaths(env: NodeJS.ProcessEnv = process.env, dotenv = '.env'): CorpusPaths {
  let merged: Record<string, string | undefined> = env
  if (dotenv && existsSync(dotenv)) {
    try {
      merged = { ...readEnvFile(dotenv), ...env }
    } catch (error) {
      if (error instanceof EnvFileError) throw new ConfigError(error.message)
      throw new ConfigError(`Could not read ${dotenv}: ${(error as Error).message}.`)
    }
  }
  const blank = Object.fromEntries(
    Object.entries(merged).filter(([, v]) => v !== undefined && v.trim() !== ''),
  )
  const parsed = CorpusEnv.safeParse(blank)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(`${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}.`)
  }
  return { seedsDir: parsed.data.SEEDS_DIR, indexDir: parsed.data.INDEX_DIR }
}
