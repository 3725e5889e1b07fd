import type { LoadOptions } from '../build/load.js'
import { progressBar } from './progress.js'

/** Load options that tell a person on `stream` when the index is rebuilt, with a progress bar on a terminal. */
export function loadNotices(stream: NodeJS.WriteStream): Pick<LoadOptions, 'onRebuild' | 'onStep'> {
  let bar: ReturnType<typeof progressBar> | null = null
  return {
    onRebuild: (changes, why) => {
      stream.write(
        why === 'damaged'
          ? `The index is damaged (${changes.join('; ')}); rebuilding it from the seeds…\n`
          : `The seeds changed since index/ was built (${changes.join('; ')}); rebuilding it…\n`,
      )
    },
    onStep: (step, done, total) => {
      bar ??= progressBar(stream, total)
      bar.tick(done, step)
      if (done === total) bar.finish()
    },
  }
}
