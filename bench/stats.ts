/** The q-quantile (0–1) of a list of numbers, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
}

/** Milliseconds since `start` (a `performance.now()` value). */
export const since = (start: number) => performance.now() - start

/** Peak resident memory of this process so far, in MB. */
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024

/** A number with `digits` decimals. */
export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits
