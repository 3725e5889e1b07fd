/** A one-line progress bar on a terminal; silent when the stream is not a terminal. */
export interface ProgressBar {
  tick(done: number, label: string): void
  finish(): void
}

/** A progress bar of `total` steps on `stream` (drawn only when it is a TTY). */
export function progressBar(stream: NodeJS.WriteStream, total: number, width = 24): ProgressBar {
  const on = stream.isTTY === true
  return {
    tick(done, label) {
      if (!on) return
      const filled = Math.round((done / total) * width)
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`.padEnd(72),
      )
    },
    finish() {
      if (on) stream.write('\n')
    },
  }
}
