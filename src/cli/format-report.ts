import type { FormatCount } from '../corpus/format-counts.js'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What was read of each format, one line each, e.g. `  pdf   2 files, 31 passages (1 skipped)`. */
export function formatReport(counts: readonly FormatCount[]): string {
  const files = counts.reduce((n, c) => n + c.files, 0)
  const lines = counts.map((c) => {
    const skipped = c.skipped > 0 ? ` (${c.skipped} skipped)` : ''
    return `  ${c.format.padEnd(5)} ${plural(c.files, 'file')}, ${plural(c.passages, 'passage')}${skipped}`
  })
  return [`Read ${plural(files, 'file')} from seeds/:`, ...lines].join('\n')
}
