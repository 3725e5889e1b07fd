import type { APIEmbed, APIEmbedField } from 'discord.js'
import type { COMMANDS } from '../chat/commands.js'
import type { Reply } from '../chat/service.js'
import { linkLines, type SourceSummary } from '../chat/sources.js'
import { type DiscordRenderOptions, renderAnswer } from './discord-answer.js'
import { renderDigest } from './discord-digest.js'
import { escapeText, fitText, linkUrl, neutralizeMentions } from './discord-escape.js'
import { plural } from './discord-fit.js'
import type { DiscordLimits } from './discord-message.js'
import { COLORS, type DiscordMessage, embedLength, noMentions } from './discord-message.js'
import { DISCORD_LIMITS } from './limits.js'

export type { DiscordRenderOptions } from './discord-answer.js'
export { renderAnswer } from './discord-answer.js'
export { renderDigest } from './discord-digest.js'
export type { DiscordMessage, NoMentions } from './discord-message.js'

/** Plain text as a message: mentions broken (Markdown kept: these are the bot's own words), within 2000. */
export function renderText(text: string, limits: DiscordLimits = DISCORD_LIMITS): DiscordMessage {
  const content = fitText(text.trim() === '' ? '…' : text, limits.content, neutralizeMentions)
  return { content, embeds: [], components: [], allowedMentions: noMentions() }
}

function sourceField(s: SourceSummary, n: number, limits: DiscordLimits): APIEmbedField {
  const by = [s.author, s.publisher, s.date].filter((x): x is string => Boolean(x)).map(escapeText)
  const p = s.passages
  const lines = [
    by.join(', ') || 'author unknown',
    `${p.article} article, ${p.update} update, ${p.comment} comment passages · ${plural(s.claims, 'claim')}`,
  ]
  const href = linkUrl(s.url)
  if (href) lines.push(`[Read the original](${href})`)
  lines.push(...linkLines(s).map(escapeText))
  return {
    name: fitText(`${n}. ${s.title}`, limits.fieldName),
    value: fitText(lines.join('\n'), limits.fieldValue, (x) => x),
  }
}

/** The source list: one field per source, over several embeds when needed, within Discord's limits. */
export function renderSources(
  list: readonly SourceSummary[],
  limits: DiscordLimits = DISCORD_LIMITS,
): DiscordMessage {
  const message = (embeds: APIEmbed[]): DiscordMessage => ({
    embeds,
    components: [],
    allowedMentions: noMentions(),
  })
  if (list.length === 0) {
    return message([
      {
        title: 'No sources',
        color: COLORS.neutral,
        description:
          'No sources are loaded. Add documents (.txt, .md, .html, .pdf, .docx) to seeds/ and run `npm run index`.',
      },
    ])
  }
  const first: APIEmbed = {
    title: `Sources I quote from (${list.length})`,
    color: COLORS.neutral,
    fields: [],
  }
  const embeds = [first]
  const reserve = `${plural(list.length, 'more source')} left out.`.length
  let used = embedLength(first)
  let shown = 0
  for (const [i, s] of list.entries()) {
    const field = sourceField(s, i + 1, limits)
    const size = field.name.length + field.value.length
    let current = embeds[embeds.length - 1] ?? first
    const fields = current.fields ?? []
    const lastOne = i === list.length - 1
    if (used + size + (lastOne ? 0 : reserve) > limits.embedTotal) break
    if (fields.length >= limits.embedFields) {
      if (embeds.length >= limits.embeds) break
      current = { color: COLORS.neutral, fields: [] }
      embeds.push(current)
    }
    current.fields = [...(current.fields ?? []), field]
    used += size
    shown += 1
  }
  const last = embeds[embeds.length - 1]
  if (shown < list.length && last)
    last.footer = { text: `${plural(list.length - shown, 'more source')} left out.` }
  return message(embeds)
}

/** What the bot can do, for /help or a bare mention. */
export function renderHelp(commands: typeof COMMANDS): DiscordMessage {
  const fields = commands
    .filter((c) => c.name !== 'help')
    .map((c) => ({
      name: fitText(c.usage, DISCORD_LIMITS.fieldName, (x) => x),
      value: escapeText(c.description),
    }))
  return {
    embeds: [
      {
        title: 'Ask me about the sources',
        color: COLORS.neutral,
        description:
          'Use `/ask`, or mention me with a question. I answer with verbatim quotes, who said them and ' +
          'whether another source disputes them. Reply to one of my answers to ask a follow-up.',
        fields,
      },
    ],
    components: [],
    allowedMentions: noMentions(),
  }
}

/**
 * Any reply of the chat service as a discord.js message payload (`{ content?, embeds, components,
 * allowedMentions: { parse: [] } }`), within Discord's limits.
 */
export function renderReply(reply: Reply, options: DiscordRenderOptions = {}): DiscordMessage {
  const limits = options.limits ?? DISCORD_LIMITS
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply.answer, reply.lead === undefined ? options : { ...options, lead: reply.lead })
    case 'sources':
      return renderSources(reply.sources, limits)
    case 'help':
      return renderHelp(reply.commands)
    case 'text':
      return renderText(reply.text, limits)
    case 'digest':
      return renderDigest(reply.digest, { limits })
  }
}
