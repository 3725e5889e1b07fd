import { existsSync } from 'node:fs'
import { z } from 'zod'

/** Log levels pino knows. */
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])

/** The folders of the documents and of their built index (see `CorpusPaths`). */
function CorpusEnv() {
  return z.object({
    SEEDS_DIR: z.string().min(1).default('seeds'),
    INDEX_DIR: z.string().min(1).default('index'),
  })
}

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
  SLACK_API_URL: z.string().url('must be a URL such as https://slack.com/api/').optional(),
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DISCORD_TOKEN: z.string().min(20, 'is too short (the bot token, under Bot → Reset Token)').optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'must be the numeric Application ID')
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'must be a numeric server (guild) ID')
    .optional(),
  DISCORD_API_URL: z.string().url('must be a URL such as https://discord.com/api').optional(),
  DATABASE_PATH: z.string().min(1).default('data/citebot.db'),
  LOG_LEVEL: LogLevel.default('info'),
  ...CorpusEnv().shape,
})

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
  /** SQLite file for subscriptions, digests, the question log and feedback. Default `data/citebot.db`. */
  databasePath: string
  logLevel: z.infer<typeof LogLevel>
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
 * Reads and checks the environment once (and `.env` in the working directory, when there is
 * one, without overriding what is set). No other file reads `process.env`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenv = '.env'): Config {
  const e = parseEnv(Env, env, dotenv)
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
  return {
    slack,
    discord,
    databasePath: e.DATABASE_PATH,
    logLevel: e.LOG_LEVEL,
    seedsDir: e.SEEDS_DIR,
    indexDir: e.INDEX_DIR,
  }
}

/**
 * Reads only `SEEDS_DIR` and `INDEX_DIR` (and `.env`, as `loadConfig` does): the command-line tools
 * need the folders, not the platform tokens, so a token set for the bot does not stop them.
 */
export function loadCorpusPaths(env: NodeJS.ProcessEnv = process.env, dotenv = '.env'): CorpusPaths {
  const e = parseEnv(CorpusEnv(), env, dotenv)
  return { seedsDir: e.SEEDS_DIR, indexDir: e.INDEX_DIR }
}

function parseEnv<T extends z.ZodObject>(schema: T, env: NodeJS.ProcessEnv, dotenv: string): z.infer<T> {
  if (env === process.env && dotenv && existsSync(dotenv)) process.loadEnvFile(dotenv)
  const blank = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''))
  const parsed = schema.safeParse(blank)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(`${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}.`)
  }
  return parsed.data
}
