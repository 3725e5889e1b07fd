import { loadKnowledge } from '../build/load.js'
import { renderSourcesText, summarizeSources } from '../chat/sources.js'
import { loadNotices } from './notices.js'

// `npm run sources [-- --json]`: the source list.
const loaded = loadKnowledge(loadNotices(process.stderr))
const list = summarizeSources(loaded.knowledge)
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
else process.stdout.write(`${renderSourcesText(list)}\n`)
