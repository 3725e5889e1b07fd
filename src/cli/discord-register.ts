import { pathToFileURL } from 'node:url'
import {
  type APIApplicationCommand,
  ApplicationCommandOptionType,
  DiscordAPIError,
  REST,
  Routes,
} from 'discord.js'
import { DISCORD_COMMANDS } from '../adapters/discord/commands.js'
import { ConfigError, loadConfig } from '../config.js'
import { type CommandSpec, commandLine } from './args.js'

/** Where and as whom to register citebot's slash commands. */
export interface RegisterOptions {
  /** The bot token (`DISCORD_TOKEN`). */
  token: string
  /** The application id (`DISCORD_APPLICATION_ID`). */
  applicationId: string
  /** A server id to register to that server only (instant), or null to register globally. */
  guildId: string | null
  /** REST base (`DISCORD_API_URL`), or null for Discord's public API. */
  apiUrl: string | null
}

/** What was registered. */
export interface RegisterResult {
  scope: 'guild' | 'global'
  guildId: string | null
  /** The commands as Discord stored them (with their ids). */
  commands: APIApplicationCommand[]
}

/** Registration failed; the message says why and what to do. */
export class RegisterError extends Error {
  override name = 'RegisterError'
  readonly code = 'DISCORD_REGISTER_FAILED'
  constructor(
    message: string,
    /** Discord's JSON error code, or null. */
    readonly discordCode: number | null,
    options: { cause: unknown },
  ) {
    super(message, options)
  }
}

/**
 * Replaces the application's slash commands with citebot's (`PUT` of the whole list, so old ones go away):
 * in one server when `guildId` is set (they appear at once), else globally.
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST(options.apiUrl === null ? {} : { api: options.apiUrl }).setToken(options.token)
  const route =
    options.guildId === null
      ? Routes.applicationCommands(options.applicationId)
      : Routes.applicationGuildCommands(options.applicationId, options.guildId)
  try {
    const commands = (await rest.put(route, { body: DISCORD_COMMANDS })) as APIApplicationCommand[]
    return { scope: options.guildId === null ? 'global' : 'guild', guildId: options.guildId, commands }
  } catch (error) {
    throw registerError(error, options)
  }
}

function registerError(error: unknown, options: RegisterOptions): RegisterError {
  if (!(error instanceof DiscordAPIError)) {
    const why = error instanceof Error ? error.message : String(error)
    return new RegisterError(
      `Could not reach Discord to register commands: ${why}. Check the network and DISCORD_API_URL.`,
      null,
      { cause: error },
    )
  }
  const code = typeof error.code === 'number' ? error.code : null
  let message: string
  if (error.status === 401) {
    message =
      'Discord rejected DISCORD_TOKEN (401); copy a fresh one from the Developer Portal (Bot → Reset Token).'
  } else if (code === UNKNOWN_APPLICATION) {
    message = `Discord knows no application ${options.applicationId} (${oneLine(error)}): set DISCORD_APPLICATION_ID to the Application ID on the Developer Portal's General Information page of the application whose bot DISCORD_TOKEN belongs to (not the bot's user id, a server id or the public key).`
  } else if (error.status === 404) {
    message = `Discord answered 404 (${oneLine(error)}) for ${error.url}: check DISCORD_API_URL (the REST base without /v10, e.g. https://discord.com/api) and DISCORD_APPLICATION_ID.`
  } else if (error.status === 403 && options.guildId !== null) {
    message = `Discord refused to register commands in server ${options.guildId} (${oneLine(error)}): invite the bot there first (scopes bot and applications.commands), check DISCORD_GUILD_ID, or unset it to register globally.`
  } else if (error.status === 403) {
    message = `Discord refused to register commands for application ${options.applicationId} (${oneLine(error)}): DISCORD_APPLICATION_ID must be the id of the application whose bot token DISCORD_TOKEN is.`
  } else {
    message = `Discord refused the commands (status ${error.status}, code ${String(error.code)}): ${oneLine(error)}.`
  }
  return new RegisterError(message, code, { cause: error })
}

/** Discord's JSON code for "Unknown Application". */
const UNKNOWN_APPLICATION = 10002

// discord.js puts each field error of a 400 on a line of its own ("Invalid Form Body\n0.name[…]: …"): the
// terminal gets them on one line.
function oneLine(error: DiscordAPIError): string {
  return error.message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('; ')
    .replace(/\.$/, '')
}

/** One line per command, with subcommands, for the terminal. */
export function describeRegistration(result: RegisterResult): string {
  const where =
    result.scope === 'guild'
      ? `in server ${result.guildId} (they appear at once)`
      : 'globally (they can take a few minutes to appear in every server)'
  const lines = result.commands.map((c) => {
    const subs = (c.options ?? [])
      .filter((o) => o.type === ApplicationCommandOptionType.Subcommand)
      .map((o) => o.name)
    const who = c.default_member_permissions ? ' — Manage Channels by default' : ''
    return `  /${c.name}${subs.length > 0 ? ` (${subs.join(', ')})` : ''}${who}`
  })
  return [`Registered ${result.commands.length} slash commands ${where}:`, ...lines].join('\n')
}

const SPEC: CommandSpec = {
  name: 'discord:register',
  usage: '',
  description:
    'Registers /ask, /sources and /digest with the Discord application of DISCORD_TOKEN and DISCORD_APPLICATION_ID: in the server DISCORD_GUILD_ID when set (at once), else globally. Run it again whenever the commands change.',
  flags: {},
}

// `npm run discord:register`: registers the commands with the configured Discord application.
async function main(): Promise<void> {
  if (commandLine(SPEC) === null) return
  const config = loadConfig()
  for (const warning of config.warnings) process.stderr.write(`discord:register: warning: ${warning}\n`)
  if (config.discord === null) {
    throw new ConfigError(
      'DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register commands; copy them from the Discord Developer Portal (Bot → Reset Token; General Information → Application ID) into .env.',
    )
  }
  const { token, applicationId, guildId, apiUrl } = config.discord
  const result = await registerCommands({ token, applicationId, guildId, apiUrl })
  process.stdout.write(`${describeRegistration(result)}\n`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    const known = error instanceof ConfigError || error instanceof RegisterError
    process.stderr.write(
      `discord:register: ${known ? (error as Error).message : String((error as Error).stack ?? error)}\n`,
    )
    process.exitCode = 1
  })
}
