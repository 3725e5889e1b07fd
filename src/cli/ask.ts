import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { Engine } from '../answer/engine.js'
import { loadKnowledge } from '../build/load.js'
import { renderAnswerText } from '../render/plain-text.js'
import { CORPUS_OPTIONS, corpusPaths, orUsage } from './corpus-args.js'
import { loadNotices } from './notices.js'

// `npm run ask -- [--json] [--seeds DIR] [--index DIR] "question"`; with no question, one question a line from standard input.
const { values, positionals } = orUsage(
  'npm run ask -- [--json] [--seeds DIR] [--index DIR] ["question"]',
  () =>
    parseArgs({
      args: process.argv.slice(2),
      options: { json: { type: 'boolean', default: false }, ...CORPUS_OPTIONS },
      allowPositionals: true,
    }),
)
const json = values.json === true
const question = positionals.join(' ')
const loaded = loadKnowledge({ ...loadNotices(process.stderr), ...corpusPaths(values) })
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
