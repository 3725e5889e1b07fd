import { typedText } from './typed-text.js'

/** What a person asked for, whatever the platform. */
export type Command =
  | { kind: 'ask'; question: string }
  | {
      kind: 'sources'
      /** `/sources map`: the console also writes the map of the sources to a file. */
      map?: boolean
    }
  | { kind: 'help' }
  | { kind: 'digest'; args: string }
  | { kind: 'usage'; command: string; message: string }

/** The commands people can use, in every chat, with what each does. */
export const COMMANDS: readonly { name: string; usage: string; description: string }[] = [
  { name: 'ask', usage: '/ask <question>', description: 'Ask about the sources; the answer quotes them.' },
  {
    name: 'sources',
    usage: '/sources',
    description: 'List the source documents I quote from, what each draws on, and a map of them.',
  },
  {
    name: 'digest',
    usage: '/digest subscribe [HH:MM] [time zone] | unsubscribe | status | now',
    description: 'Daily digest of this channel: a claim of the day and yesterday’s questions.',
  },
  { name: 'help', usage: '/help', description: 'Show this help.' },
]

/** The usage line of a command. */
export function usageOf(name: string): string {
  return COMMANDS.find((c) => c.name === name)?.usage ?? '/help'
}

/**
 * Reads a chat message (console line, DM, mention without the mention) or a slash command's
 * name and text as a command. Text that is not a command is a question. Control characters and
 * bidi overrides are removed first (see `typedText`), so no command carries them.
 */
export function parseCommand(text: string, slash?: string): Command {
  let name = slash?.replace(/^\//, '').toLowerCase()
  let rest = typedText(text).trim()
  if (name === undefined) {
    const m = /^\/(\S+)\s*([\s\S]*)$/.exec(rest)
    // "help" or "?" alone, typed or said to the bot, asks for the help rather than the sources.
    if (!m) return /^(help|\?)$/i.test(rest) ? { kind: 'help' } : { kind: 'ask', question: rest }
    name = (m[1] ?? '').toLowerCase()
    rest = (m[2] ?? '').trim()
  }
  switch (name) {
    case 'ask':
      return rest === ''
        ? {
            kind: 'usage',
            command: 'ask',
            message: `Usage: ${usageOf('ask')} — for example /ask is it mandatory?`,
          }
        : { kind: 'ask', question: rest }
    case 'sources':
      return /^map$/i.test(rest) ? { kind: 'sources', map: true } : { kind: 'sources' }
    case 'help':
      return { kind: 'help' }
    case 'digest':
      return { kind: 'digest', args: rest }
    default:
      return {
        kind: 'usage',
        command: name,
        message: `I don’t know /${name}. Commands: ${COMMANDS.map((c) => `/${c.name}`).join(', ')}; or just ask a question.`,
      }
  }
}
