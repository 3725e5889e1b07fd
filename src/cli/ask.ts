import { createInterface } from 'node:readline'
import { Engine } from '../answer/engine.js'
import { loadKnowledge } from '../build/load.js'
import { renderAnswerText } from '../render/plain-text.js'
import { loadNotices } from './notices.js'

// `npm run ask -- [--json] "question"`; with no question, one question a line from standard input.
const args = process.argv.slice(2)
const json = args.includes('--json')
const question = args.filter((a) => a !== '--json').join(' ')
const loaded = loadKnowledge(loadNotices(process.stderr))
const engine = new Engine(loaded.knowledge)
const print = (q: string) => {
  const answer = engine.ask(q)
  process.stdout.write(json ? `${JSON.stringify(answer)}\n` : `${renderAnswerText(answer)}\n\n`)
}

if (question.trim() !== '') print(question)
else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  for await (const line of lines) if (line.trim() !== '') print(line)
}
