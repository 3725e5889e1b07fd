import type { FormatCount } from '../corpus/format-counts.js'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What was read of each format from `seedsDir`, one line each, e.g. `  pdf   2 files, 31 passages (1 skipped)`. */
export function formatReport(counts: readonly FormatCount[], seedsDir = 'seeds'): string {
  const files = counts.reduce((n, c) => n + c.files, 0)
  const lines = counts.map((c) => {
    const skipped = c.skipped > 0 ? ` (${c.skipped} skipped)` : ''
    const passages = plural(c.passages, c.format === 'disqus' ? 'comment passage' : 'passage')
    const on = c.format === 'disqus' ? ' on the pages above' : ''
    return `  ${c.format.padEnd(6)} ${plural(c.files, 'file')}, ${passages}${on}${skipped}`
  })
  return [`Read ${plural(files, 'file')} from ${seedsDir.replace(/\/+$/, '')}/:`, ...lines].join('\n')
}
