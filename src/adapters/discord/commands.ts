import type {
  APIApplicationCommandBasicOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js'
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js'

/** Most characters of an /ask question (Discord allows 6000; questions are a sentence or two). */
export const MAX_QUESTION_LENGTH = 500

/** Options of `/digest subscribe`: both optional (the digest module defaults them). */
const SUBSCRIBE_OPTIONS: APIApplicationCommandBasicOption[] = [
  {
    type: ApplicationCommandOptionType.String,
    name: 'time',
    description: 'When to post it each day: HH:MM in 24-hour time, or 9:30pm (default 09:00)',
    required: false,
    max_length: 8,
  },
  {
    type: ApplicationCommandOptionType.String,
    name: 'timezone',
    description: 'IANA time zone such as Europe/Paris (default: the time zone citebot runs in)',
    required: false,
    max_length: 64,
  },
]

// Server-installed commands, used in server channels (the bot does not answer in DMs).
const WHERE: Pick<
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  'type' | 'contexts' | 'integration_types'
> = {
  type: ApplicationCommandType.ChatInput,
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
}

/**
 * citebot's slash commands, as `npm run discord:register` registers them.
 *
 * `default_member_permissions` is per command, not per subcommand: `/digest` as a whole is shown by default
 * only to members with Manage Channels. Server admins can open it to others (Server Settings → Integrations),
 * so the bot checks Manage Channels again for `subscribe` and `unsubscribe`; `status` and `now` then work
 * for whoever the admins allowed.
 */
export const DISCORD_COMMANDS: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    ...WHERE,
    name: 'ask',
    description: 'Ask about the sources; the answer quotes them and says what is contested.',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'Your question, e.g. "is it mandatory?"',
        required: true,
        max_length: MAX_QUESTION_LENGTH,
      },
    ],
  },
  {
    ...WHERE,
    name: 'sources',
    description: 'List the source documents I quote from (only you see the list).',
  },
  {
    ...WHERE,
    name: 'digest',
    description: 'Daily digest of this channel: a claim of the day and yesterday’s questions.',
    default_member_permissions: PermissionFlagsBits.ManageChannels.toString(),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'subscribe',
        description: 'Post a digest in this channel every day (needs Manage Channels).',
        options: SUBSCRIBE_OPTIONS,
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'unsubscribe',
        description: 'Stop the daily digest in this channel (needs Manage Channels).',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'status',
        description: 'Show whether and when this channel gets a digest.',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'now',
        description: 'Post a digest here now (not counted as the day’s).',
      },
    ],
  },
]

/** The `/digest` subcommands that change the channel's subscription and so need Manage Channels. */
export const MANAGE_SUBCOMMANDS: ReadonlySet<string> = new Set(['subscribe', 'unsubscribe'])

/**
 * The text `ChatService.handle({ kind: 'digest', args })` takes for a `/digest` subcommand and its options:
 * `subscribe 09:00 Europe/Paris`, `unsubscribe`, `status`, `now`.
 */
export function digestArgs(subcommand: string, options: { time?: string | null; timezone?: string | null }) {
  const parts = [subcommand]
  if (subcommand === 'subscribe') {
    for (const value of [options.time, options.timezone]) {
      const v = value?.trim()
      if (v) parts.push(v.replace(/\s+/g, '_'))
    }
  }
  return parts.join(' ')
}
