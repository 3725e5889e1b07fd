import { createInterface } from 'node:readline'
import { parseCommand } from '../../chat/commands.js'
import type { ChatService } from '../../chat/service.js'
import { renderReplyText } from '../../render/plain-text.js'

/** Where the console chat reads and writes. */
export interface ConsoleOptions {
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
  /** True on a terminal: a prompt and a greeting; false: answer each line and stop. */
  interactive: boolean
}

const GREETING =
  'citebot — ask about the sources and I answer with quotes. Try “is it mandatory?”, /sources or /help; /quit to leave.'

/** The console chat: the bots' commands in a terminal, or one answer per line of piped input. */
export async function runConsole(service: ChatService, options: ConsoleOptions): Promise<void> {
  const { input, output, interactive } = options
  const rl = createInterface({ input, terminal: interactive, crlfDelay: Number.POSITIVE_INFINITY })
  const write = (text: string) => output.write(`${text}\n`)
  if (interactive) {
    write(GREETING)
    rl.setPrompt('\nyou> ')
    rl.prompt()
  }
  for await (const line of rl) {
    const text = line.trim()
    if (text === '') {
      if (interactive) rl.prompt()
      continue
    }
    if (/^\/(quit|exit)$/i.test(text)) break
    const reply = await service.handle(parseCommand(text), { platform: 'console', channelId: 'console' })
    write(interactive ? `\n${renderReplyText(reply)}` : `${renderReplyText(reply)}\n`)
    if (interactive) rl.prompt()
  }
  rl.close()
}
