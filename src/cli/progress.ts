/** A one-line progress bar on a terminal; silent when the stream is not a terminal. */
export interface ProgressBar {
  tick(done: number, label: string): void
  finish(): void
}

/** How a progress bar looks. */
export interface ProgressOptions {
  /** Characters of the bar. Default 24. */
  width: number
  /** What is counted, shown after the count ("3/7 files"). Default none. */
  unit: string
}

/** A progress bar of `total` steps on `stream` (drawn only when it is a TTY). */
export function progressBar(
  stream: NodeJS.WriteStream,
  total: number,
  options: Partial<ProgressOptions> = {},
): ProgressBar {
  const { width = 24, unit = '' } = options
  const on = stream.isTTY === true
  return {
    tick(done, label) {
      if (!on) return
      const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : width
      const count = `${done}/${total}${unit ? ` ${unit}` : ''}`
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count} ${label}`.padEnd(72))
    },
    finish() {
      if (on) stream.write('\n')
    },
  }
}

/** A progress bar that counts files as they are read, then names the steps that follow. */
export interface FileProgress {
  /** A file was read: its name, how many are done, of how many, and the passages read so far. */
  file(name: string, done: number, total: number, passages?: number): void
  /** A later step finished. */
  step(label: string): void
  finish(): void
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/**
 * A build's progress on `stream`. On a terminal, one bar redrawn in place: files read of all,
 * passages so far, time since the start and, while files are read, about how long the reading
 * has left (`[######....] 120/247 files · 3,412 passages · 4.2 s, ~5 s left · git-blame.txt`),
 * then each step as it ends. Elsewhere (a log, CI) one line per step, with its time:
 * `index: read seeds in 0.2 s (247 files, 3,412 passages)`. `now` is the clock (milliseconds).
 */
export function fileProgress(stream: NodeJS.WriteStream, now: () => number = Date.now): FileProgress {
  let bar: ProgressBar | null = null
  let files = 0
  let passages = 0
  const started = now()
  let last = started
  const tty = stream.isTTY === true
  const counted = () => (passages > 0 ? `${passages.toLocaleString('en-US')} passages` : '')
  // The bar's label: its parts after the count, each after a dot.
  const label = (...parts: string[]) =>
    parts
      .filter(Boolean)
      .map((p) => `· ${p}`)
      .join(' ')
  return {
    file(name, done, total, read) {
      files = total
      if (read !== undefined) passages = read
      bar ??= progressBar(stream, total, { unit: 'files', width: 20 })
      const elapsed = now() - started
      const left =
        done > 0 && done < total ? `, ~${Math.ceil(((elapsed / done) * (total - done)) / 1000)} s left` : ''
      bar.tick(done, label(counted(), `${seconds(elapsed)}${left}`, name))
    },
    step(name) {
      const at = now()
      if (tty) bar?.tick(files, label(counted(), seconds(at - started), name))
      else {
        const what =
          name === 'read seeds' ? ` (${[`${files} files`, counted()].filter(Boolean).join(', ')})` : ''
        stream.write(`index: ${name} in ${seconds(at - last)}${what}\n`)
      }
      last = at
    },
    finish() {
      bar?.finish()
    },
  }
}
