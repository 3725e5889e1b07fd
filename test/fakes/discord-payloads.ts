import type {
  APIApplicationCommandInteractionDataBasicOption,
  APIChatInputApplicationCommandGuildInteraction,
  APIGuildMember,
  APIInteractionDataResolvedChannel,
  APIMessage,
  APIMessageComponentGuildInteraction,
  APIRole,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  ApplicationFlags,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GatewayMessageCreateDispatchData,
  GatewayReadyDispatchData,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js'
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js'
import { snowflakeTime } from './discord-ids.js'

/** The ids and objects that make up the fake's single guild, shared by the REST side and the gateway side. */
export interface FakeWorld {
  /** The bot's user (`bot: true`); its id is also the application id, as for every modern Discord app. */
  readonly botUser: APIUser
  /** The application id (equal to the bot user's id). */
  readonly applicationId: string
  /** The default human who writes messages and runs commands. */
  readonly user: APIUser
  /** The guild's id; also the id of its @everyone role. */
  readonly guildId: string
  /** The guild's name. */
  readonly guildName: string
  /** The id of the guild's default text channel ("general"). */
  readonly textChannelId: string
  /** When the bot and the user joined the guild (ISO 8601). */
  readonly joinedAt: string
}

/** Permissions of @everyone in the fake guild: what a bot needs to read, answer, thread and react. */
export const EVERYONE_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseApplicationCommands,
  PermissionFlagsBits.UseExternalEmojis,
]
  .reduce((all, bit) => all | bit, 0n)
  .toString()

/** A user object as Discord sends it (discriminator "0" since the username migration). */
export function makeUser(id: string, username: string, bot = false): APIUser {
  const user: APIUser = {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  }
  if (bot) user.bot = true
  return user
}

/** The @everyone role, whose id is the guild's id. */
export function makeEveryoneRole(guildId: string): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: EVERYONE_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  }
}

/** A guild member with no roles beyond @everyone. */
export function makeMember(user: APIUser, joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  }
}

/** A guild text channel (type 0). */
export function makeTextChannel(id: string, guildId: string, name: string, position: number): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  }
}

/** A public thread (type 11) owned by `ownerId`; a thread started from a message takes that message's id. */
export function makeThread(
  id: string,
  parent: { id: string; guildId: string },
  name: string,
  ownerId: string,
  autoArchiveDuration: 60 | 1440 | 4320 | 10080,
): APIThreadChannel {
  return {
    id,
    type: ChannelType.PublicThread,
    guild_id: parent.guildId,
    parent_id: parent.id,
    name,
    owner_id: ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0 as ChannelFlags,
    thread_metadata: {
      archived: false,
      auto_archive_duration: autoArchiveDuration,
      archive_timestamp: new Date().toISOString(),
      locked: false,
      create_timestamp: new Date().toISOString(),
    },
    applied_tags: [],
  }
}

/**
 * The READY payload. discord.js reads `user` (becomes client.user), `guilds` (cached as unavailable until
 * their GUILD_CREATE), `application` (client.application: id and flags); @discordjs/ws keeps `session_id` and
 * `resume_gateway_url` for RESUME.
 */
export function makeReady(world: FakeWorld, session: string, resumeUrl: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...world.botUser, verified: true, mfa_enabled: false, email: null },
    guilds: [{ id: world.guildId, unavailable: true }],
    session_id: session,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  }
}

/**
 * The GUILD_CREATE payload for the fake guild: a full guild object plus the gateway-only fields
 * (`channels`, `threads`, `members`, `member_count`, `joined_at`, ...). discord.js caches the channels
 * (without them a guild stays `available: false`), the roles (permissions) and the members (guild.members.me).
 */
export function makeGuildCreate(
  world: FakeWorld,
  channels: readonly APITextChannel[],
  threads: readonly APIThreadChannel[],
): GatewayGuildCreateDispatchData {
  return {
    id: world.guildId,
    name: world.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    features: [],
    owner_id: world.user.id,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [makeEveryoneRole(world.guildId)],
    emojis: [],
    stickers: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: world.textChannelId,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
    region: 'us-west',
    // Gateway-only fields of GUILD_CREATE:
    joined_at: world.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [makeMember(world.botUser, world.joinedAt), makeMember(world.user, world.joinedAt)],
    channels: [...channels],
    threads: [...threads],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  }
}

/** What a message needs beyond its text: who wrote it, where, and what it answers. */
export interface MessageParts {
  id: string
  channelId: string
  author: APIUser
  content: string
  embeds?: APIMessage['embeds']
  components?: APIMessage['components']
  attachments?: APIMessage['attachments']
  flags?: number
  tts?: boolean
  nonce?: string | number
  mentions?: APIUser[]
  /** The message this one replies to (type 19 REPLY, with message_reference and referenced_message). */
  replyTo?: APIMessage
  guildId?: string
  webhookId?: string
  applicationId?: string
  type?: MessageType
}

/** A message object as the REST API returns it (no guild_id/member: those are gateway-only). */
export function makeMessage(parts: MessageParts): APIMessage {
  const message: APIMessage = {
    id: parts.id,
    type: parts.type ?? (parts.replyTo ? MessageType.Reply : MessageType.Default),
    channel_id: parts.channelId,
    author: parts.author,
    content: parts.content,
    timestamp: new Date(snowflakeTime(parts.id)).toISOString(),
    edited_timestamp: null,
    tts: parts.tts ?? false,
    mention_everyone: false,
    mentions: parts.mentions ?? [],
    mention_roles: [],
    attachments: parts.attachments ?? [],
    embeds: parts.embeds ?? [],
    pinned: false,
    flags: parts.flags ?? 0,
    components: parts.components ?? [],
  }
  if (parts.nonce !== undefined) message.nonce = parts.nonce
  if (parts.webhookId !== undefined) message.webhook_id = parts.webhookId
  if (parts.applicationId !== undefined) message.application_id = parts.applicationId
  if (parts.replyTo) {
    message.message_reference = {
      type: 0,
      message_id: parts.replyTo.id,
      channel_id: parts.replyTo.channel_id,
      ...(parts.guildId === undefined ? {} : { guild_id: parts.guildId }),
    }
    message.referenced_message = parts.replyTo
  }
  return message
}

/** The MESSAGE_CREATE payload: a message plus the gateway-only guild_id, member, and members of mentions. */
export function makeMessageCreate(
  world: FakeWorld,
  message: APIMessage,
  author: APIUser,
  channelType: NonNullable<GatewayMessageCreateDispatchData['channel_type']> = ChannelType.GuildText,
): GatewayMessageCreateDispatchData {
  const { user: _user, ...authorMember } = makeMember(author, world.joinedAt)
  return {
    ...message,
    guild_id: world.guildId,
    member: authorMember,
    mentions: message.mentions.map((u) => {
      const { user: _u, ...m } = makeMember(u, world.joinedAt)
      return { ...u, member: m }
    }),
    channel_type: channelType,
  }
}

/** One option of a chat-input command as the user filled it in. */
export interface CommandOptionInput {
  name: string
  value: string | number | boolean
  /** Defaults from the value: string 3, boolean 5, integer 4, other number 10. */
  type?:
    | ApplicationCommandOptionType.String
    | ApplicationCommandOptionType.Integer
    | ApplicationCommandOptionType.Boolean
    | ApplicationCommandOptionType.Number
}

function toOption(input: CommandOptionInput): APIApplicationCommandInteractionDataBasicOption {
  const { name, value } = input
  if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value }
  if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value }
  const type =
    input.type === ApplicationCommandOptionType.Number || !Number.isInteger(value)
      ? ApplicationCommandOptionType.Number
      : ApplicationCommandOptionType.Integer
  return { name, type, value }
}

/** Where an interaction happens and who triggers it. */
export interface InteractionPlace {
  id: string
  token: string
  channel: APITextChannel | APIThreadChannel
  user: APIUser
}

function interactionBase(world: FakeWorld, place: InteractionPlace) {
  const { user: _user, ...member } = makeMember(place.user, world.joinedAt)
  const channel = {
    ...place.channel,
    permissions: EVERYONE_PERMISSIONS,
  } as unknown as APIInteractionDataResolvedChannel & APITextChannel
  return {
    id: place.id,
    application_id: world.applicationId,
    token: place.token,
    version: 1 as const,
    guild_id: world.guildId,
    guild: { id: world.guildId, locale: Locale.EnglishUS, features: [] },
    channel_id: place.channel.id,
    channel,
    member: { ...member, user: place.user, permissions: EVERYONE_PERMISSIONS },
    app_permissions: EVERYONE_PERMISSIONS,
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { '0': world.guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10_485_760,
  }
}

/** An INTERACTION_CREATE payload for a chat-input (slash) command run in the guild. */
export function makeCommandInteraction(
  world: FakeWorld,
  place: InteractionPlace,
  command: { id: string; name: string; options: readonly CommandOptionInput[] },
): APIChatInputApplicationCommandGuildInteraction {
  return {
    ...interactionBase(world, place),
    type: InteractionType.ApplicationCommand,
    data: {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: world.guildId,
      options: command.options.map(toOption),
    },
  }
}

/** An INTERACTION_CREATE payload for a click on a button of `message`. */
export function makeButtonInteraction(
  world: FakeWorld,
  place: InteractionPlace,
  customId: string,
  message: APIMessage,
): APIMessageComponentGuildInteraction {
  return {
    ...interactionBase(world, place),
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message,
  }
}
