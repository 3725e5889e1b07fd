import type {
  APIApplicationCommand,
  APIAttachment,
  APIMessage,
  APITextChannel,
  APIThreadChannel,
  APIUser,
} from 'discord.js'
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord.js'
import { nextSnowflake } from './discord-ids.js'
import { type FakeWorld, makeMessage, makeThread } from './discord-payloads.js'

/** A file part of a multipart request. */
export interface RecordedFile {
  /** The form field, e.g. `files[0]`. */
  field: string
  name: string
  size: number
  contentType: string
  /** The file's bytes. */
  bytes: Buffer
}

/** A REST request as the route handlers see it. */
export interface RestRequest {
  method: string
  /** Route under `/api/v10`, without the query: `/channels/123/messages`. */
  path: string
  /** Query parameters, e.g. `{ with_response: 'false' }` on interaction callbacks, `{ wait: 'true' }` on follow-ups. */
  query: Record<string, string>
  /** Parsed JSON body (or `payload_json` of a multipart body); undefined when there is none. */
  body: unknown
  files: RecordedFile[]
  headers: Record<string, string>
  at: number
}

/** What a handler answers. */
export interface RestReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** What the fake knows about an interaction it dispatched. */
export interface InteractionRecord {
  id: string
  token: string
  type: InteractionType
  channelId: string
  user: APIUser
  /** Command name, for interaction_metadata. */
  name?: string
  /** The message a component sits on. */
  componentMessageId?: string
  dispatchedAt: number
  /** The callback type that acknowledged it (4, 5, 6, 7, ...). */
  responseType?: InteractionResponseType
  /** The message `@original` refers to, once there is one. */
  originalMessageId?: string
}

/** The state the REST routes read and change; owned by FakeDiscord. */
export interface RestContext {
  world: FakeWorld
  channels: Map<string, APITextChannel | APIThreadChannel>
  messages: Map<string, APIMessage>
  interactions: Map<string, InteractionRecord>
  globalCommands: APIApplicationCommand[]
  guildCommands: Map<string, APIApplicationCommand[]>
  gatewayUrl: string
  /** ms after dispatch within which an interaction must get its first callback (Discord: 3000). */
  interactionDeadlineMs: number
  /** Tells connected gateway sessions about a message the bot created or edited. */
  echoMessage(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: APIMessage): void
  /** Tells connected gateway sessions about a new thread. */
  echoThread(thread: APIThreadChannel): void
}

type Params = string[]
type Handler = (ctx: RestContext, req: RestRequest, params: Params) => RestReply

interface Route {
  method: string
  pattern: RegExp
  /** Needs `Authorization: Bot <token>` (interaction callbacks and webhook-token routes do not). */
  auth: boolean
  handle: Handler
}

/** Discord's messages for the error codes the fake uses. */
export const ERROR_MESSAGES: Readonly<Record<number, string>> = {
  0: 'Unknown',
  10002: 'Unknown Application',
  10003: 'Unknown Channel',
  10008: 'Unknown Message',
  10015: 'Unknown Webhook',
  10062: 'Unknown interaction',
  40060: 'Interaction has already been acknowledged.',
  50001: 'Missing Access',
  50005: 'Cannot edit a message authored by another user',
  50006: 'Cannot send an empty message',
  50013: 'Missing Permissions',
  50035: 'Invalid Form Body',
  160004: 'A thread has already been created for this message',
}

/** A JSON error reply `{ message, code }` as Discord sends it. */
export function errorReply(status: number, code: number, errors?: object): RestReply {
  return {
    status,
    body: { message: ERROR_MESSAGES[code] ?? 'Unknown', code, ...(errors === undefined ? {} : { errors }) },
  }
}

const ok = (body: unknown): RestReply => ({ status: 200, body })
const noContent: RestReply = { status: 204 }

// ---------------------------------------------------------------------------------------------------------
// Message validation: the limits Discord enforces and discord.js does not check before sending.

interface FieldError {
  path: (string | number)[]
  code: string
  message: string
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

function maxLength(errors: FieldError[], path: (string | number)[], value: unknown, max: number): number {
  const text = str(value)
  if (text.length > max) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` })
  }
  return text.length
}

function embedErrors(embeds: unknown[], errors: FieldError[]): void {
  if (embeds.length > 10) {
    errors.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' })
  }
  let total = 0
  embeds.forEach((raw, i) => {
    const e = (raw ?? {}) as Record<string, unknown>
    const at = (...rest: (string | number)[]) => ['embeds', i, ...rest]
    total += maxLength(errors, at('title'), e.title, 256)
    total += maxLength(errors, at('description'), e.description, 4096)
    total += maxLength(errors, at('footer', 'text'), (e.footer as { text?: unknown } | undefined)?.text, 2048)
    total += maxLength(errors, at('author', 'name'), (e.author as { name?: unknown } | undefined)?.name, 256)
    const fields = Array.isArray(e.fields) ? (e.fields as { name?: unknown; value?: unknown }[]) : []
    if (fields.length > 25) {
      errors.push({
        path: at('fields'),
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      })
    }
    fields.forEach((f, j) => {
      total += maxLength(errors, at('fields', j, 'name'), f.name, 256)
      total += maxLength(errors, at('fields', j, 'value'), f.value, 1024)
    })
  })
  if (total > 6000) {
    errors.push({
      path: ['embeds'],
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    })
  }
}

function nest(errors: FieldError[]): object {
  const root: Record<string, unknown> = {}
  for (const { path, code, message } of errors) {
    let node = root
    for (const key of path) {
      const k = String(key)
      node[k] ??= {}
      node = node[k] as Record<string, unknown>
    }
    const list = (node._errors ?? []) as { code: string; message: string }[]
    list.push({ code, message })
    node._errors = list
  }
  return root
}

/**
 * Checks a message body the way Discord does: content ≤ 2000 characters, ≤ 10 embeds within their limits
 * (title 256, description 4096, 25 fields, total 6000), and not empty. Returns the error reply or undefined.
 */
export function validateMessageBody(body: Record<string, unknown>, hasFiles: boolean): RestReply | undefined {
  const errors: FieldError[] = []
  maxLength(errors, ['content'], body.content, 2000)
  const embeds = Array.isArray(body.embeds) ? body.embeds : []
  embedErrors(embeds, errors)
  if (errors.length > 0) return errorReply(400, 50035, nest(errors))
  const components = Array.isArray(body.components) ? body.components : []
  const stickers = Array.isArray(body.sticker_ids) ? body.sticker_ids : []
  if (str(body.content) === '' && embeds.length === 0 && components.length === 0 && stickers.length === 0) {
    if (!hasFiles && body.poll === undefined) return errorReply(400, 50006)
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------------------
// Messages

function asObject(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {}
}

function attachmentsFor(channelId: string, files: RecordedFile[]): APIAttachment[] {
  return files.map((file) => {
    const id = nextSnowflake()
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.name)}`
    return {
      id,
      filename: file.name,
      size: file.size,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
      content_type: file.contentType,
    }
  })
}

/** The parts of a new bot message taken from a request body (content, embeds, components, flags, tts). */
function bodyParts(body: Record<string, unknown>) {
  return {
    content: str(body.content),
    embeds: (Array.isArray(body.embeds) ? body.embeds : []) as APIMessage['embeds'],
    components: (Array.isArray(body.components) ? body.components : []) as APIMessage['components'],
    flags: typeof body.flags === 'number' ? body.flags : 0,
    tts: body.tts === true,
  }
}

/** Applies an edit body to a stored message; the Loading flag of a deferred reply goes away. */
function applyEdit(message: APIMessage, body: Record<string, unknown>, files: RecordedFile[]): APIMessage {
  const edited: APIMessage = { ...message }
  if ('content' in body) edited.content = str(body.content)
  if ('embeds' in body)
    edited.embeds = (Array.isArray(body.embeds) ? body.embeds : []) as APIMessage['embeds']
  if ('components' in body) {
    edited.components = (Array.isArray(body.components) ? body.components : []) as NonNullable<
      APIMessage['components']
    >
  }
  if (files.length > 0)
    edited.attachments = [...edited.attachments, ...attachmentsFor(message.channel_id, files)]
  if ('attachments' in body && files.length === 0 && Array.isArray(body.attachments)) {
    const keep = new Set((body.attachments as { id?: unknown }[]).map((a) => String(a.id)))
    edited.attachments = edited.attachments.filter((a) => keep.has(a.id))
  }
  const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0
  edited.flags = (message.flags ?? 0) & ~MessageFlags.Loading
  if (!wasLoading) edited.edited_timestamp = new Date().toISOString()
  return edited
}

function postChannelMessage(ctx: RestContext, req: RestRequest, [channelId]: Params): RestReply {
  const channel = ctx.channels.get(channelId ?? '')
  if (channel === undefined) return errorReply(404, 10003)
  const body = asObject(req.body)
  const invalid = validateMessageBody(body, req.files.length > 0)
  if (invalid) return invalid
  const reference = asObject(body.message_reference)
  let replyTo: APIMessage | undefined
  if (typeof reference.message_id === 'string') {
    replyTo = ctx.messages.get(reference.message_id)
    if (replyTo === undefined && reference.fail_if_not_exists !== false) {
      return errorReply(
        400,
        50035,
        nest([
          {
            path: ['message_reference'],
            code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE',
            message: 'Unknown message',
          },
        ]),
      )
    }
  }
  const message = makeMessage({
    id: nextSnowflake(),
    channelId: channel.id,
    author: ctx.world.botUser,
    ...bodyParts(body),
    attachments: attachmentsFor(channel.id, req.files),
    ...(typeof body.nonce === 'string' || typeof body.nonce === 'number' ? { nonce: body.nonce } : {}),
    ...(replyTo === undefined ? {} : { replyTo, guildId: ctx.world.guildId }),
  })
  ctx.messages.set(message.id, message)
  channel.last_message_id = message.id
  ctx.echoMessage('MESSAGE_CREATE', message)
  return ok(message)
}

function channelMessage(ctx: RestContext, channelId: string | undefined, messageId: string | undefined) {
  const message = ctx.messages.get(messageId ?? '')
  return message !== undefined && message.channel_id === channelId ? message : undefined
}

function patchChannelMessage(ctx: RestContext, req: RestRequest, [channelId, messageId]: Params): RestReply {
  if (!ctx.channels.has(channelId ?? '')) return errorReply(404, 10003)
  const message = channelMessage(ctx, channelId, messageId)
  if (message === undefined) return errorReply(404, 10008)
  if (message.author.id !== ctx.world.botUser.id) return errorReply(403, 50005)
  const body = asObject(req.body)
  const edited = applyEdit(message, body, req.files)
  const invalid = validateMessageBody(
    edited as unknown as Record<string, unknown>,
    edited.attachments.length > 0,
  )
  if (invalid) return invalid
  ctx.messages.set(edited.id, edited)
  ctx.echoMessage('MESSAGE_UPDATE', edited)
  return ok(edited)
}

function startThread(ctx: RestContext, req: RestRequest, [channelId, messageId]: Params): RestReply {
  const channel = ctx.channels.get(channelId ?? '')
  if (channel === undefined) return errorReply(404, 10003)
  const body = asObject(req.body)
  let id = nextSnowflake()
  if (messageId !== undefined) {
    const message = channelMessage(ctx, channelId, messageId)
    if (message === undefined) return errorReply(404, 10008)
    if (ctx.channels.has(message.id)) return errorReply(400, 160004)
    id = message.id // a thread started from a message takes the message's id
  }
  const name = str(body.name)
  if (name.length < 1 || name.length > 100) {
    return errorReply(
      400,
      50035,
      nest([
        { path: ['name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' },
      ]),
    )
  }
  const duration = [60, 1440, 4320, 10080].includes(Number(body.auto_archive_duration))
    ? (Number(body.auto_archive_duration) as 60 | 1440 | 4320 | 10080)
    : 4320
  const thread = makeThread(
    id,
    { id: channel.id, guildId: ctx.world.guildId },
    name,
    ctx.world.botUser.id,
    duration,
  )
  ctx.channels.set(thread.id, thread)
  if (messageId !== undefined) {
    const message = ctx.messages.get(messageId)
    if (message) ctx.messages.set(message.id, { ...message, thread })
  }
  ctx.echoThread(thread)
  return { status: 201, body: thread }
}

// ---------------------------------------------------------------------------------------------------------
// Interactions and their webhooks

function interactionMessage(
  ctx: RestContext,
  interaction: InteractionRecord,
  body: Record<string, unknown>,
  files: RecordedFile[],
  extraFlags = 0,
): APIMessage {
  const parts = bodyParts(body)
  const message = makeMessage({
    id: nextSnowflake(),
    channelId: interaction.channelId,
    author: ctx.world.botUser,
    ...parts,
    flags: parts.flags | extraFlags,
    attachments: attachmentsFor(interaction.channelId, files),
    webhookId: ctx.world.applicationId,
    applicationId: ctx.world.applicationId,
    type:
      interaction.type === InteractionType.ApplicationCommand
        ? MessageType.ChatInputCommand
        : MessageType.Default,
  })
  const meta = {
    id: interaction.id,
    user: interaction.user,
    authorizing_integration_owners: { '0': ctx.world.guildId },
  }
  message.interaction_metadata =
    interaction.type === InteractionType.MessageComponent
      ? {
          ...meta,
          type: InteractionType.MessageComponent,
          interacted_message_id: interaction.componentMessageId ?? '',
        }
      : { ...meta, type: InteractionType.ApplicationCommand }
  ctx.messages.set(message.id, message)
  return message
}

const isEphemeral = (message: APIMessage) => ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0

function interactionCallback(ctx: RestContext, req: RestRequest, [id, token]: Params): RestReply {
  const interaction = ctx.interactions.get(id ?? '')
  if (interaction === undefined || interaction.token !== token) return errorReply(404, 10062)
  if (interaction.responseType !== undefined) return errorReply(400, 40060)
  if (req.at - interaction.dispatchedAt > ctx.interactionDeadlineMs) return errorReply(404, 10062)
  const body = asObject(req.body)
  const data = asObject(body.data)
  const type = body.type as InteractionResponseType
  let message: APIMessage | undefined
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource: {
      const invalid = validateMessageBody(data, req.files.length > 0)
      if (invalid) return invalid
      message = interactionMessage(ctx, interaction, data, req.files)
      break
    }
    case InteractionResponseType.DeferredChannelMessageWithSource:
      message = interactionMessage(ctx, interaction, { flags: data.flags }, [], MessageFlags.Loading)
      break
    case InteractionResponseType.DeferredMessageUpdate:
    case InteractionResponseType.UpdateMessage: {
      const original = ctx.messages.get(interaction.componentMessageId ?? '')
      if (interaction.type !== InteractionType.MessageComponent || original === undefined) {
        return errorReply(
          400,
          50035,
          nest([{ path: ['type'], code: 'INTERACTION_TYPE', message: 'Invalid type' }]),
        )
      }
      message = original
      if (type === InteractionResponseType.UpdateMessage) {
        message = applyEdit(original, data, req.files)
        ctx.messages.set(message.id, message)
        ctx.echoMessage('MESSAGE_UPDATE', message)
      }
      break
    }
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
    case InteractionResponseType.Modal:
      break
    default:
      return errorReply(
        400,
        50035,
        nest([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: 'Invalid type' }]),
      )
  }
  interaction.responseType = type
  if (message !== undefined) {
    interaction.originalMessageId = message.id
    const created =
      type === InteractionResponseType.ChannelMessageWithSource ||
      type === InteractionResponseType.DeferredChannelMessageWithSource
    if (created && !isEphemeral(message)) ctx.echoMessage('MESSAGE_CREATE', message)
  }
  if (req.query.with_response !== 'true') return noContent
  return ok({
    interaction: {
      id: interaction.id,
      type: interaction.type,
      ...(message === undefined
        ? {}
        : {
            response_message_id: message.id,
            response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
            response_message_ephemeral: isEphemeral(message),
          }),
    },
    resource: { type, ...(message === undefined ? {} : { message }) },
  })
}

function webhookInteraction(ctx: RestContext, appId: string | undefined, token: string | undefined) {
  if (appId !== ctx.world.applicationId) return undefined
  for (const interaction of ctx.interactions.values()) if (interaction.token === token) return interaction
  return undefined
}

function webhookMessage(ctx: RestContext, interaction: InteractionRecord, messageId: string | undefined) {
  const id = messageId === '@original' ? interaction.originalMessageId : messageId
  return id === undefined ? undefined : ctx.messages.get(id)
}

function getWebhookMessage(
  ctx: RestContext,
  _req: RestRequest,
  [appId, token, messageId]: Params,
): RestReply {
  const interaction = webhookInteraction(ctx, appId, token)
  if (interaction === undefined) return errorReply(404, 10015)
  const message = webhookMessage(ctx, interaction, messageId)
  return message === undefined ? errorReply(404, 10008) : ok(message)
}

function patchWebhookMessage(
  ctx: RestContext,
  req: RestRequest,
  [appId, token, messageId]: Params,
): RestReply {
  const interaction = webhookInteraction(ctx, appId, token)
  if (interaction === undefined) return errorReply(404, 10015)
  const message = webhookMessage(ctx, interaction, messageId)
  if (message === undefined) return errorReply(404, 10008)
  const edited = applyEdit(message, asObject(req.body), req.files)
  const invalid = validateMessageBody(
    edited as unknown as Record<string, unknown>,
    edited.attachments.length > 0,
  )
  if (invalid) return invalid
  ctx.messages.set(edited.id, edited)
  if (!isEphemeral(edited)) ctx.echoMessage('MESSAGE_UPDATE', edited)
  return ok(edited)
}

function deleteWebhookMessage(
  ctx: RestContext,
  _req: RestRequest,
  [appId, token, messageId]: Params,
): RestReply {
  const interaction = webhookInteraction(ctx, appId, token)
  if (interaction === undefined) return errorReply(404, 10015)
  const message = webhookMessage(ctx, interaction, messageId)
  if (message === undefined) return errorReply(404, 10008)
  ctx.messages.delete(message.id)
  return noContent
}

function postFollowUp(ctx: RestContext, req: RestRequest, [appId, token]: Params): RestReply {
  const interaction = webhookInteraction(ctx, appId, token)
  // Before the first callback the interaction's webhook does not exist yet.
  if (interaction === undefined || interaction.responseType === undefined) return errorReply(404, 10015)
  const body = asObject(req.body)
  const invalid = validateMessageBody(body, req.files.length > 0)
  if (invalid) return invalid
  const message = interactionMessage(ctx, interaction, body, req.files)
  if (!isEphemeral(message)) ctx.echoMessage('MESSAGE_CREATE', message)
  return req.query.wait === 'true' ? ok(message) : noContent
}

// ---------------------------------------------------------------------------------------------------------
// Application commands

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u

function putCommands(ctx: RestContext, req: RestRequest, [appId, guildId]: Params): RestReply {
  if (appId !== ctx.world.applicationId) return errorReply(403, 50001)
  if (guildId !== undefined && guildId !== ctx.world.guildId) return errorReply(403, 50001)
  if (!Array.isArray(req.body)) {
    return errorReply(400, 50035, nest([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]))
  }
  const previous = guildId === undefined ? ctx.globalCommands : (ctx.guildCommands.get(guildId) ?? [])
  const errors: FieldError[] = []
  const commands = (req.body as Record<string, unknown>[]).map((raw, i): APIApplicationCommand => {
    const type =
      typeof raw.type === 'number' ? (raw.type as ApplicationCommandType) : ApplicationCommandType.ChatInput
    const name = str(raw.name)
    const description = str(raw.description)
    if (
      !COMMAND_NAME.test(name) ||
      (type === ApplicationCommandType.ChatInput && name !== name.toLowerCase())
    ) {
      errors.push({
        path: [i, 'name'],
        code: 'APPLICATION_COMMAND_INVALID_NAME',
        message: 'Command name is invalid',
      })
    }
    if (type === ApplicationCommandType.ChatInput && (description.length < 1 || description.length > 100)) {
      errors.push({
        path: [i, 'description'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      })
    }
    const existing = previous.find((c) => c.name === name && c.type === type)
    return {
      ...(raw as object),
      id: existing?.id ?? nextSnowflake(),
      application_id: ctx.world.applicationId,
      ...(guildId === undefined ? {} : { guild_id: guildId }),
      type,
      name,
      description,
      default_member_permissions: (raw.default_member_permissions as string | null | undefined) ?? null,
      nsfw: raw.nsfw === true,
      version: nextSnowflake(),
    } as APIApplicationCommand
  })
  if (errors.length > 0) return errorReply(400, 50035, nest(errors))
  if (guildId === undefined) ctx.globalCommands.splice(0, ctx.globalCommands.length, ...commands)
  else ctx.guildCommands.set(guildId, commands)
  return ok(commands)
}

function getCommands(ctx: RestContext, _req: RestRequest, [appId, guildId]: Params): RestReply {
  if (appId !== ctx.world.applicationId) return errorReply(403, 50001)
  return ok(guildId === undefined ? ctx.globalCommands : (ctx.guildCommands.get(guildId) ?? []))
}

// ---------------------------------------------------------------------------------------------------------

const ID = '(\\d{17,20})'
const TOKEN = '([^/]+)'
const route = (method: string, path: string, auth: boolean, handle: Handler): Route => ({
  method,
  pattern: new RegExp(`^${path}$`),
  auth,
  handle,
})

/** Every REST route the fake answers; anything else gets 404 `{ message: 'Unknown', code: 0 }`. */
export const ROUTES: readonly Route[] = [
  route('GET', '/gateway', false, (ctx) => ok({ url: ctx.gatewayUrl })),
  route('GET', '/gateway/bot', true, (ctx) =>
    ok({
      url: ctx.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    }),
  ),
  route('GET', '/users/@me', true, (ctx) => ok({ ...ctx.world.botUser, verified: true, mfa_enabled: false })),
  route('GET', '/applications/@me', true, (ctx) =>
    ok({
      id: ctx.world.applicationId,
      name: ctx.world.botUser.username,
      icon: null,
      description: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      bot: ctx.world.botUser,
    }),
  ),
  route('GET', `/channels/${ID}`, true, (ctx, _req, [id]) => {
    const channel = ctx.channels.get(id ?? '')
    return channel === undefined ? errorReply(404, 10003) : ok(channel)
  }),
  route('POST', `/channels/${ID}/messages`, true, postChannelMessage),
  route('GET', `/channels/${ID}/messages/${ID}`, true, (ctx, _req, [channelId, messageId]) => {
    if (!ctx.channels.has(channelId ?? '')) return errorReply(404, 10003)
    const message = channelMessage(ctx, channelId, messageId)
    return message === undefined ? errorReply(404, 10008) : ok(message)
  }),
  route('PATCH', `/channels/${ID}/messages/${ID}`, true, patchChannelMessage),
  route('DELETE', `/channels/${ID}/messages/${ID}`, true, (ctx, _req, [channelId, messageId]) => {
    const message = channelMessage(ctx, channelId, messageId)
    if (message === undefined) return errorReply(404, 10008)
    ctx.messages.delete(message.id)
    return noContent
  }),
  route('POST', `/channels/${ID}/typing`, true, (ctx, _req, [id]) =>
    ctx.channels.has(id ?? '') ? noContent : errorReply(404, 10003),
  ),
  route(
    'PUT',
    `/channels/${ID}/messages/${ID}/reactions/[^/]+/@me`,
    true,
    (ctx, _req, [channelId, messageId]) =>
      channelMessage(ctx, channelId, messageId) === undefined ? errorReply(404, 10008) : noContent,
  ),
  route('POST', `/channels/${ID}/messages/${ID}/threads`, true, startThread),
  route('POST', `/channels/${ID}/threads`, true, (ctx, req, [channelId]) =>
    startThread(ctx, req, [channelId ?? '']),
  ),
  route('PUT', `/applications/${ID}/commands`, true, putCommands),
  route('GET', `/applications/${ID}/commands`, true, getCommands),
  route('PUT', `/applications/${ID}/guilds/${ID}/commands`, true, putCommands),
  route('GET', `/applications/${ID}/guilds/${ID}/commands`, true, getCommands),
  route('POST', `/interactions/${ID}/${TOKEN}/callback`, false, interactionCallback),
  route('POST', `/webhooks/${ID}/${TOKEN}`, false, postFollowUp),
  route('GET', `/webhooks/${ID}/${TOKEN}/messages/(@original|\\d{17,20})`, false, getWebhookMessage),
  route('PATCH', `/webhooks/${ID}/${TOKEN}/messages/(@original|\\d{17,20})`, false, patchWebhookMessage),
  route('DELETE', `/webhooks/${ID}/${TOKEN}/messages/(@original|\\d{17,20})`, false, deleteWebhookMessage),
]

/** The route for a request, with its captured path parameters, or undefined. */
export function findRoute(method: string, path: string): { route: Route; params: Params } | undefined {
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue
    const match = candidate.pattern.exec(path)
    if (match) return { route: candidate, params: match.slice(1).map((p) => p ?? '') }
  }
  return undefined
}
