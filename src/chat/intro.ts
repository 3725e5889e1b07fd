import type { SmallTalk } from './small-talk.js'

/** What the short replies of the chat layer say, in words a person reads. */
export interface IntroFacts {
  /** How many source documents are loaded. */
  sources: number
  /** Example questions (usually two), quoted as they are. */
  examples: readonly string[]
}

const quoted = (examples: readonly string[]) => examples.map((q) => `“${q}”`).join(' or ')

function tryThese(examples: readonly string[]): string {
  return examples.length === 0 ? '' : ` Try ${quoted(examples)}.`
}

/** What citebot is and does, with example questions and where to look next. */
export function introText(facts: IntroFacts, greeting = false): string {
  const docs = facts.sources === 1 ? 'one source document' : `${facts.sources} source documents`
  return (
    `${greeting ? 'Hi! ' : ''}I’m citebot. I answer questions about ${docs} with verbatim quotes, saying who ` +
    'wrote each one (the article, the author’s later update or a reader’s comment) and whether another ' +
    `passage disputes it.${tryThese(facts.examples)} /sources lists the documents; help shows the commands.`
  )
}

/** The reply to small talk: the introduction for a greeting or a question about the bot, a short one for thanks. */
export function smallTalkText(kind: SmallTalk, facts: IntroFacts): string {
  if (kind !== 'thanks') return introText(facts, kind === 'greeting')
  const example = facts.examples[0]
  return `You’re welcome! Ask me another question whenever you like${example ? ` — for example “${example}”` : ''}; /sources lists the documents I quote.`
}

/** The reply to a question in another language than English. */
export function notEnglishText(facts: IntroFacts): string {
  return (
    'I can only read questions in English, and the sources I quote are in English. Please ask in English' +
    `${facts.examples[0] ? `, for example “${facts.examples[0]}”` : ''}. /sources lists the documents.`
  )
}
