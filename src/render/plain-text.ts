import type { Answer, Citation, Claim } from '../answer/types.js'
import type { Reply } from '../chat/service.js'
import { renderSourcesText } from '../chat/sources.js'
import { attributionOf } from './attribution.js'

/** Text without markup, for a terminal or a log: one answer as a person reads it. */
export function renderAnswerText(answer: Answer): string {
  if (!answer.answered) return answer.message ?? 'The sources don’t answer that. /sources lists them.'
  const lines: string[] = []
  answer.claims.forEach((claim, i) => {
    if (i > 0) lines.push('')
    lines.push(...claimLines(claim, i + 1))
  })
  if (answer.caveats.length > 0) {
    lines.push('', 'Caveats on the sources:')
    for (const c of answer.caveats) lines.push(`  • ${c.note}`)
  }
  return lines.join('\n')
}

function claimLines(claim: Claim, n: number): string[] {
  const lines = [`${n}. ${squash(claim.statement)}`, `   ${claim.contested ? '⚠ ' : '✓ '}${claim.note}`]
  lines.push('   Stated by:')
  for (const c of claim.support) lines.push(...quoteLines(c))
  if (claim.disputes.length > 0) {
    lines.push('   Disputed by:')
    for (const c of claim.disputes) lines.push(...quoteLines(c))
  }
  return lines
}

function quoteLines(c: Citation): string[] {
  const a = attributionOf(c)
  return [`     “${squash(c.quote)}”`, `        — ${a.who} (${a.role}), ${a.title}`]
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

/** Any reply as plain text. */
export function renderReplyText(reply: Reply): string {
  switch (reply.kind) {
    case 'answer':
      return renderAnswerText(reply.answer)
    case 'sources':
      return renderSourcesText(reply.sources)
    case 'help':
      return [
        'Ask me anything about the sources, or use a command:',
        ...reply.commands.map((c) => `  ${c.usage.padEnd(24)} ${c.description}`),
      ].join('\n')
    case 'text':
      return reply.text
    case 'digest':
      return `Daily digest for ${reply.digest.localDate} (not rendered yet).`
  }
}
