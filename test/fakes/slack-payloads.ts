/** The workspace, app and bot the fake Slack pretends to be; builders default to these ids. */
export const FAKE_IDS = {
  teamId: 'T1',
  teamDomain: 'citebot-test',
  appId: 'A1',
  botUserId: 'UBOT',
  botId: 'B1',
  userId: 'U1',
  channelId: 'C1',
  imChannelId: 'D1',
} as const

let tsCounter = 0

/** A fresh, increasing Slack message timestamp such as `'1732240000.000001'`. */
export function nextTs(): string {
  tsCounter += 1
  return `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`
}

/** Options shared by the event builders. */
export interface EventOptions {
  text?: string
  user?: string
  channel?: string
  ts?: string
  /** Set to make the event a reply inside a thread. */
  threadTs?: string
  teamId?: string
  appId?: string
  botUserId?: string
}

/** Wraps an inner event the way the Events API delivers it (`type: 'event_callback'`). */
export function eventCallback(
  event: Record<string, unknown>,
  opts: EventOptions = {},
): Record<string, unknown> {
  const teamId = opts.teamId ?? FAKE_IDS.teamId
  return {
    token: 'verification-token',
    team_id: teamId,
    api_app_id: opts.appId ?? FAKE_IDS.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${Date.now().toString(36).toUpperCase()}${++tsCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: opts.botUserId ?? FAKE_IDS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  }
}

/** An `app_mention` event callback, by default `'<@UBOT> question'` from U1 in C1. */
export function appMentionEvent(opts: EventOptions = {}): Record<string, unknown> {
  const ts = opts.ts ?? nextTs()
  return eventCallback(
    {
      type: 'app_mention',
      user: opts.user ?? FAKE_IDS.userId,
      text: opts.text ?? `<@${opts.botUserId ?? FAKE_IDS.botUserId}> question`,
      ts,
      channel: opts.channel ?? FAKE_IDS.channelId,
      event_ts: ts,
      ...(opts.threadTs === undefined ? {} : { thread_ts: opts.threadTs }),
    },
    opts,
  )
}

/** A `message` event callback in a direct message with the bot (`channel_type: 'im'`, channel D1). */
export function imMessageEvent(opts: EventOptions = {}): Record<string, unknown> {
  const ts = opts.ts ?? nextTs()
  return eventCallback(
    {
      type: 'message',
      channel_type: 'im',
      user: opts.user ?? FAKE_IDS.userId,
      text: opts.text ?? 'question',
      ts,
      channel: opts.channel ?? FAKE_IDS.imChannelId,
      event_ts: ts,
      ...(opts.threadTs === undefined ? {} : { thread_ts: opts.threadTs }),
    },
    opts,
  )
}

/** Options for {@link slashCommand}. */
export interface SlashCommandOptions {
  /** Where `respond()` posts; use `fake.responseUrl()`. */
  responseUrl: string
  command?: string
  text?: string
  userId?: string
  channelId?: string
  teamId?: string
  triggerId?: string
}

/**
 * A slash command payload. All values are strings, as Slack sends them: form fields over HTTP, or the same
 * object as the `payload` of a Socket Mode `slash_commands` envelope.
 */
export function slashCommand(opts: SlashCommandOptions): Record<string, string> {
  return {
    token: 'verification-token',
    team_id: opts.teamId ?? FAKE_IDS.teamId,
    team_domain: FAKE_IDS.teamDomain,
    channel_id: opts.channelId ?? FAKE_IDS.channelId,
    channel_name: 'general',
    user_id: opts.userId ?? FAKE_IDS.userId,
    user_name: 'alice',
    command: opts.command ?? '/ask',
    text: opts.text ?? 'question',
    api_app_id: FAKE_IDS.appId,
    is_enterprise_install: 'false',
    response_url: opts.responseUrl,
    trigger_id: opts.triggerId ?? `trigger.${nextTs()}`,
  }
}

/** Options for {@link blockActions}. */
export interface BlockActionsOptions {
  /** Where `respond()` posts; use `fake.responseUrl()`. */
  responseUrl: string
  actionId: string
  value?: string
  blockId?: string
  userId?: string
  channelId?: string
  /** The ts of the bot message holding the button. */
  messageTs?: string
  /** Set when that message sits in a thread. */
  threadTs?: string
  teamId?: string
}

/** A `block_actions` payload for a button click on a bot message. */
export function blockActions(opts: BlockActionsOptions): Record<string, unknown> {
  const teamId = opts.teamId ?? FAKE_IDS.teamId
  const channelId = opts.channelId ?? FAKE_IDS.channelId
  const messageTs = opts.messageTs ?? nextTs()
  const blockId = opts.blockId ?? 'actions'
  const thread = opts.threadTs === undefined ? {} : { thread_ts: opts.threadTs }
  return {
    type: 'block_actions',
    user: { id: opts.userId ?? FAKE_IDS.userId, username: 'alice', name: 'alice', team_id: teamId },
    api_app_id: FAKE_IDS.appId,
    token: 'verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channelId,
      is_ephemeral: false,
      ...thread,
    },
    trigger_id: `trigger.${nextTs()}`,
    team: { id: teamId, domain: FAKE_IDS.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'general' },
    message: {
      type: 'message',
      user: FAKE_IDS.botUserId,
      bot_id: FAKE_IDS.botId,
      text: 'An answer',
      ts: messageTs,
      ...thread,
    },
    state: { values: {} },
    response_url: opts.responseUrl,
    actions: [
      {
        action_id: opts.actionId,
        block_id: blockId,
        value: opts.value ?? '',
        type: 'button',
        text: { type: 'plain_text', text: 'Button', emoji: true },
        action_ts: nextTs(),
      },
    ],
  }
}
