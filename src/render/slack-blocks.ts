import type { Reply } from '../chat/service.js'
import { independenceLine, linkLines, type SourceSummary } from '../chat/sources.js'
import { SLACK_LIMITS } from './limits.js'
import { renderAnswerBlocks, type SlackAnswerOptions } from './slack-answer.js'
import { renderDigestBlocks } from './slack-digest.js'
import { escapeSlack, fitText, slackLink, squash } from './slack-escape.js'
import { context, packSections, plural, type SlackLimits, type SlackMessage, section } from './slack-fit.js'

export { ACTION_IDS, type AnswerRef, decodeAnswerRef, encodeAnswerRef, voteOf } from './slack-actions.js'
export { renderAnswerBlocks, type SlackAnswerOptions } from './slack-answer.js'
export { renderDigestBlocks, type SlackDigestOptions } from './slack-digest.js'
export { escapeSlack, mentionTokens } from './slack-escape.js'
export { limitProblems, type SlackBlock, type SlackMessage } from './slack-fit.js'

function sourceEntry(s: SourceSummary, i: number): string {
  const by = [s.author, s.publisher, s.date].filter((x): x is string => typeof x === 'string' && x !== '')
  const counts = `${s.passages.article} article, ${s.passages.update} update, ${s.passages.comment} comment passages`
  const byline = by.length > 0 ? ` — ${fitText(squash(by.join(', ')), 200)}` : ''
  const links = linkLines(s).map((line) => `\n      ${escapeSlack(fitText(line, 600))}`)
  return `*${i + 1}.* ${slackLink(s.title, s.url)}${byline}\n      \`${escapeSlack(s.file)}\` · ${counts} · ${plural(s.claims, 'claim')}${links.join('')}`
}

/** The source list (`/sources`): one entry per source, title linked, by whom, passages and claims. */
export function renderSourcesBlocks(
  list: readonly SourceSummary[],
  limits: SlackLimits = SLACK_LIMITS,
): SlackMessage {
  if (list.length === 0) {
    const text =
      'No sources are loaded. Add documents (.txt, .md, .html, .pdf, .docx) to seeds/ and run `npm run index`.'
    return { text, blocks: [section(text)] }
  }
  const head = `*I quote from ${plural(list.length, 'source')}:*`
  const packed = packSections(list.map(sourceEntry), limits.sectionText, {
    head,
    maxSections: limits.blocks - 1,
  })
  const blocks = packed.texts.map(section)
  if (packed.dropped > 0) blocks.push(context(`_${plural(packed.dropped, 'more source')} left out._`))
  if (list.length > 1 && blocks.length < limits.blocks)
    blocks.push(context(escapeSlack(independenceLine(list))))
  return { text: `I quote from ${plural(list.length, 'source')}.`, blocks }
}

/** The help: what to ask and the commands. */
export function renderHelpBlocks(commands: Extract<Reply, { kind: 'help' }>['commands']): SlackMessage {
  // Slack has no /help of ours: help is asked for in a mention, a DM or `/ask help`.
  const usage = (c: (typeof commands)[number]) => (c.name === 'help' ? '@citebot help' : c.usage)
  const lines = commands.map((c) => `\`${escapeSlack(usage(c))}\` — ${escapeSlack(c.description)}`)
  const intro =
    'Mention me with a question (or DM me) and I answer with quotes from the sources, saying who said what and whether it is contested.'
  return {
    text: 'How to use citebot',
    blocks: [section(`${intro}\n\n${lines.join('\n')}`)],
  }
}

/** A short message (usage, a notice) as one section, escaped. */
export function renderTextBlocks(text: string, limits: SlackLimits = SLACK_LIMITS): SlackMessage {
  const fitted = fitText(text, limits.sectionText)
  return { text: fitText(text, 1000), blocks: [section(fitted)] }
}

/** Any reply in Block Kit; `answer` options apply to answers only. */
export function renderReplyBlocks(reply: Reply, answer: SlackAnswerOptions = {}): SlackMessage {
  switch (reply.kind) {
    case 'answer':
      return renderAnswerBlocks(
        reply.answer,
        reply.lead === undefined ? answer : { ...answer, lead: reply.lead },
      )
    case 'sources':
      return renderSourcesBlocks(reply.sources)
    case 'help':
      return renderHelpBlocks(reply.commands)
    case 'text':
      return renderTextBlocks(reply.text)
    case 'digest':
      return renderDigestBlocks(reply.digest)
  }
}
