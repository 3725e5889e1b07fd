import { createInterface } from 'node:readline'
import { Engine } from '../answer/engine.js'
import { renderAnswerText } from '../render/plain-text.js'
import { type CommandSpec, commandLine } from './args.js'
import { CORPUS_FLAGS, corpusPaths } from './corpus-args.js'
import { knowledgeFor } from './knowledge.js'

const SPEC: CommandSpec = {
  name: 'ask',
  usage: '[--json] [--seeds DIR] [--index DIR] [question…]',
  description:
    'Answers a question from the sources with quotes. With no question, reads one question a line from standard input (blank lines skipped) and answers each, in order.',
  flags: {
    json: { type: 'boolean', short: 'j', description: 'Print each answer as one line of JSON.' },
    ...CORPUS_FLAGS,
  },
  positionals: true,
  examples: [
    'npm run ask -- "is it mandatory?"',
    'npm run --silent ask -- --json "is it mandatory?"',
    'npm run --silent ask -- --json < questions.txt',
    'npm run ask -- --seeds ../team-docs --index /tmp/team-index "is it mandatory?"',
    'npm run ask -- -- "--a question that starts with dashes"',
  ],
}

const args = commandLine(SPEC)
if (args !== null) {
  const json = args.values.json === true
  const question = args.positionals.join(' ')
  const knowledge = await knowledgeFor(corpusPaths(args.values), process.stderr)
  const engine = new Engine(knowledge)
  const print = (q: string) => {
    const answer = engine.ask(q)
    process.stdout.write(json ? `${JSON.stringify(answer)}\n` : `${renderAnswerText(answer)}\n\n`)
  }
  if (question.trim() !== '') print(question)
  else {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
    for await (const line of lines) if (line.trim() !== '') print(line)
  }
}
