import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { measureEngine } from './engine.js'
import { peakRssMb, round } from './stats.js'

// `npm run bench`: how fast citebot answers and what it costs, on the seeds. Prints a table and
// writes the same figures to bench/results.json.
const seeds = join(import.meta.dirname, '..', 'seeds')
const scratch = mkdtempSync(join(tmpdir(), 'citebot-bench-'))
const figures = measureEngine(seeds, join(scratch, 'index'), 2000)
const results = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
  },
  seeds: { ...figures, peakRssMb: round(peakRssMb(), 0) },
}
console.table({ seeds: results.seeds })
mkdirSync(join(import.meta.dirname), { recursive: true })
writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log(
  `Targets on the seeds: ask p99 < 5 ms (${figures.askP99Ms} ms), load < 300 ms (${figures.loadMs} ms).`,
)
