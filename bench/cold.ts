import { runChild } from './child.js'
import { quantile, round } from './stats.js'

/** What a person waits for: a cold `npm run ask -- "…"` from the shell to its answer. */
export interface ColdFigures {
  question: string
  runs: number
  /** Median time from starting npm to the first line of the answer, in ms. */
  firstAnswerMs: number
  /** Median time until the process ended, in ms. */
  exitMs: number
  /** Each run's time to the first answer, in ms. */
  each: number[]
}

/** Runs `npm run ask -- <question>` `runs` times (each a new process: npm, tsx, loading index/) and takes the medians. */
export async function measureCold(question: string, runs: number): Promise<ColdFigures> {
  const first: number[] = []
  const exit: number[] = []
  for (let i = 0; i < runs; i++) {
    const run = await runChild('npm', ['run', '--silent', 'ask', '--', question])
    if (run.code !== 0) throw new Error(`npm run ask failed (exit ${run.code}): ${run.stderr.slice(-500)}`)
    first.push(round(run.firstOutputMs, 0))
    exit.push(round(run.wallMs, 0))
  }
  return {
    question,
    runs,
    firstAnswerMs: quantile(first, 0.5),
    exitMs: quantile(exit, 0.5),
    each: first,
  }
}
