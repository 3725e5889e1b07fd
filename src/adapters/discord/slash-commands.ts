import { type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js'
import { parseCommand } from '../../chat/commands.js'
import type { ChatContext } from '../../chat/service.js'
import { renderText } from '../../render/discord-embeds.js'
import { digestArgs, MANAGE_SUBCOMMANDS } from './commands.js'
import type { HandlerDeps } from './deps.js'
import { questionFromDiscord } from './discord-text.js'
import { respond, send } from './respond.js'
import { withSourceMap } from './source-map.js'

/**
 * Answers a slash command: `/ask` in the channel (deferred at once, as answering blocks), `/sources` privately,
 * `/digest …` through the chat service (privately, except a digest posted by `/digest now`).
 */
export async function handleSlashCommand(i: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void> {
  const ctx: ChatContext = { platform: 'discord', channelId: i.channelId }
  const { service, render } = deps
  switch (i.commandName) {
    case 'ask': {
      const command = parseCommand(questionFromDiscord(i.options.getString('question') ?? ''), 'ask')
      if (command.kind !== 'ask') {
        const text = command.kind === 'usage' ? command.message : 'Ask a question.'
        return send(i, renderText(text), true)
      }
      return respond(
        i,
        async () => {
          const reply = await service.handle(command, ctx)
          return { message: render(reply), private: reply.kind === 'text' }
        },
        { deferFirst: 'public' },
      )
    }
    case 'sources':
      return respond(
        i,
        async () => {
          const reply = await service.handle({ kind: 'sources' }, ctx)
          return { message: withSourceMap(render(reply), reply), private: true }
        },
        { deferAfterMs: deps.deferAfterMs, privateIfLate: true },
      )
    case 'digest':
      return handleDigest(i, ctx, deps)
    default:
      return send(i, renderText(`I don’t know /${i.commandName}. Try /ask or /sources.`), true)
  }
}

async function handleDigest(i: ChatInputCommandInteraction, ctx: ChatContext, deps: HandlerDeps) {
  const sub = i.options.getSubcommand(false)
  if (sub === null) {
    return send(i, renderText('Use /digest subscribe, unsubscribe, status or now.'), true)
  }
  // default_member_permissions covers /digest as a whole and server admins may open it to more people;
  // changing the subscription still takes Manage Channels in this channel.
  if (MANAGE_SUBCOMMANDS.has(sub) && !i.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) {
    const text = `Only members who can manage this channel (Manage Channels) can ${sub} it. /digest status shows its digest.`
    return send(i, renderText(text), true)
  }
  const args = digestArgs(sub, {
    time: i.options.getString('time'),
    timezone: i.options.getString('timezone'),
  })
  return respond(
    i,
    async () => {
      const reply = await deps.service.handle({ kind: 'digest', args }, ctx)
      return { message: deps.render(reply), private: reply.kind !== 'digest' }
    },
    sub === 'now' ? { deferFirst: 'public' } : { deferAfterMs: deps.deferAfterMs, privateIfLate: true },
  )
}
