import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import { parseCommand } from '../../chat/commands.js'
import type { ChatService } from '../../chat/service.js'
import { renderReplyText } from '../../render/plain-text.js'
import { writeSourceMap } from './source-map-file.js'

/** Where the console chat reads and writes. */
export interface ConsoleOptions {
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
  /**
   * True on a terminal: a greeting, a prompt, the line echoed as it is typed and edited, ↑/↓ through earlier
   * questions, `/quit` (or Ctrl-D, Ctrl-C) to leave. False (piped input): each line answered, then the end.
   */
  interactive: boolean
  /** The first thing said on a terminal. Default: a line saying what to type. */
  greeting?: string
  /** How many earlier lines ↑ reaches. Default 200. */
  historySize?: number
  /** Where `/sources map` writes the map of the sources (`sources-map.png` and `.svg`). Default: the system's temporary folder. */
  mapDir?: string
}

/** The prompt on a terminal. */
export const PROMPT = 'you> '

const DEFAULT_GREETING =
  'citebot — ask about the sources and I answer with quotes. /sources lists them, /help the commands, /quit leaves.'

/**
 * The console chat: the bots' commands in a terminal, or one answer per line of piped input. One run is one
 * conversation, so a follow-up ("who disputes that?") is about the answer before it.
 */
export async function runConsole(service: ChatService, options: ConsoleOptions): Promise<void> {
  const { input, output, interactive } = options
  // With `output` and `terminal`, readline draws the prompt, echoes and edits the line, and keeps the history;
  // without a terminal it only splits the input into lines, as a pipe needs.
  const rl = interactive
    ? createInterface({
        input,
        output,
        terminal: true,
        prompt: PROMPT,
        historySize: options.historySize ?? 200,
        removeHistoryDuplicates: true,
      })
    : createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY })
  // Ctrl-C leaves, as /quit does (readline would otherwise only pause the input).
  rl.on('SIGINT', () => rl.close())
  const write = (text: string) => output.write(`${text}\n`)
  const ctx = { platform: 'console', channelId: 'console', conversation: { key: randomUUID() } } as const
  if (interactive) {
    write(options.greeting ?? DEFAULT_GREETING)
    write('')
    rl.prompt()
  }
  for await (const line of rl) {
    const text = line.trim()
    if (text === '') {
      if (interactive) rl.prompt()
      continue
    }
    // A person at a terminal types "exit" as often as "/exit": neither is a question for the sources.
    if (/^\/?(quit|exit)$/i.test(text)) break
    const reply = await service.handle(parseCommand(text), ctx)
    let shown = renderReplyText(reply)
    if (reply.kind === 'sources' && reply.mapAsked && reply.map)
      shown += `\n${writeSourceMap(reply.map, options.mapDir)}`
    write(interactive ? `\n${shown}\n` : `${shown}\n`)
    if (interactive) rl.prompt()
  }
  rl.close()
}
