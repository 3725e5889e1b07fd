import { setTimeout as sleep } from 'node:timers/promises'
import { type ChatInputCommandInteraction, MessageFlags, type RepliableInteraction } from 'discord.js'
import type { DiscordMessage } from '../../render/discord-embeds.js'

/** How a slash command's reply is sent. */
export interface RespondOptions {
  /**
   * Acknowledge at once with a "thinking…" placeholder (`deferReply`), publicly or privately, before the
   * work starts: for work that may block the event loop (answering runs synchronously), which a timer
   * cannot interrupt. Default: reply directly, deferring only if the work takes longer than `deferAfterMs`.
   */
  deferFirst?: 'public' | 'private'
  /** ms to wait for the work before deferring (Discord wants the first response within 3 s). Default 2000. */
  deferAfterMs?: number
  /** Whether the placeholder of a late deferral should be private. Default false. */
  privateIfLate?: boolean
}

/** What the work produced: the message and whether only the person who asked should see it. */
export interface Outcome {
  message: DiscordMessage
  private: boolean
}

const LATE = Symbol('late')

/** `payload` with the ephemeral flag when private. */
function flagged(payload: DiscordMessage, isPrivate: boolean) {
  return isPrivate ? { ...payload, flags: MessageFlags.Ephemeral as const } : payload
}

/**
 * Sends `payload` as the interaction's response, whatever has been sent so far: a first reply, an edit
 * of a deferred placeholder, or a follow-up. A public placeholder cannot become private, so a private
 * message after a public deferral deletes the placeholder and follows up privately.
 */
export async function send(
  i: RepliableInteraction,
  payload: DiscordMessage,
  isPrivate: boolean,
): Promise<void> {
  if (!i.deferred && !i.replied) {
    await i.reply(flagged(payload, isPrivate))
  } else if (i.deferred && !i.replied) {
    if (i.ephemeral === true || !isPrivate) {
      await i.editReply(payload)
    } else {
      await i.deleteReply()
      await i.followUp(flagged(payload, true))
    }
  } else {
    await i.followUp(flagged(payload, isPrivate))
  }
}

/**
 * Runs `work` and sends what it produced, making sure the first response comes within Discord's 3 seconds:
 * deferred at once (`deferFirst`), or when the work is still running after `deferAfterMs`.
 */
export async function respond(
  i: ChatInputCommandInteraction,
  work: () => Promise<Outcome>,
  options: RespondOptions = {},
): Promise<void> {
  if (options.deferFirst) {
    await i.deferReply(options.deferFirst === 'private' ? { flags: MessageFlags.Ephemeral } : {})
  }
  const pending = work()
  let outcome: Outcome
  if (i.deferred) {
    outcome = await pending
  } else {
    const timer = new AbortController()
    const late: Promise<typeof LATE> = sleep(options.deferAfterMs ?? 2000, undefined, {
      signal: timer.signal,
    })
      .catch(() => undefined)
      .then(() => LATE)
    let first: Outcome | typeof LATE
    try {
      first = await Promise.race([pending, late])
    } finally {
      timer.abort()
    }
    if (first === LATE) {
      await i.deferReply(options.privateIfLate ? { flags: MessageFlags.Ephemeral } : {})
      outcome = await pending
    } else {
      outcome = first
    }
  }
  await send(i, outcome.message, outcome.private)
}
