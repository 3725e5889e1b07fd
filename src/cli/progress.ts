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
  /** A file was read: its name, how many are done, of how many. */
  file(name: string, done: number, total: number): void
  /** A later step finished. */
  step(label: string): void
  finish(): void
}

/** A file-counting progress bar on `stream` (drawn only when it is a TTY; see `progressBar`). */
export function fileProgress(stream: NodeJS.WriteStream): FileProgress {
  let bar: ProgressBar | null = null
  let files = 0
  return {
    file(name, done, total) {
      files = total
      bar ??= progressBar(stream, total, { unit: 'files' })
      bar.tick(done, `· ${name}`)
    },
    step(label) {
      bar?.tick(files, `· ${label}`)
    },
    finish() {
      bar?.finish()
    },
  }
}
