import { renderSourcesText, summarizeSources } from '../chat/sources.js'
import { type CommandSpec, commandLine } from './args.js'
import { knowledgeFor } from './knowledge.js'

const SPEC: CommandSpec = {
  name: 'sources',
  usage: '[--json]',
  description: 'Lists the source documents citebot quotes from, with their passage counts per voice.',
  flags: { json: { type: 'boolean', short: 'j', description: 'Print the sources as a JSON array.' } },
  examples: ['npm run sources', 'npm run --silent sources -- --json'],
}

const args = commandLine(SPEC)
if (args !== null) {
  const list = summarizeSources(await knowledgeFor({ seedsDir: 'seeds', indexDir: 'index' }, process.stderr))
  if (args.values.json === true) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
  else process.stdout.write(`${renderSourcesText(list)}\n`)
}
