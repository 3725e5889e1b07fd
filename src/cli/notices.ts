import type { LoadOptions } from '../build/load.js'
import { fileProgress } from './progress.js'

/**
 * Load options that tell a person on `stream` when the index is rebuilt, with a progress bar on a
 * terminal: it counts the seed files as they are read, then names the build's later steps.
 */
export function loadNotices(
  stream: NodeJS.WriteStream,
): Pick<LoadOptions, 'onRebuild' | 'onStep' | 'onFile'> {
  const bar = fileProgress(stream)
  return {
    onRebuild: (changes, why) => {
      stream.write(
        why === 'damaged'
          ? `The index is damaged (${changes.join('; ')}); rebuilding it from the seeds…\n`
          : `The seeds changed since index/ was built (${changes.join('; ')}); rebuilding it…\n`,
      )
    },
    onFile: (file, done, total, passages) => bar.file(file, done, total, passages),
    onStep: (step, done, total) => {
      bar.step(step)
      if (done === total) bar.finish()
    },
  }
}
