import { setFlagsFromString } from 'node:v8'

/**
 * How much V8 lets the heap grow past what was live at the last full collection while an index
 * is built, in per cent. Building makes much short-lived garbage (a comparison's lists, a claim's
 * candidates) and holds little: at 100× the seeds some 220 MB are live at most, but with V8's
 * default growth the heap reached 900 MB before it was collected. At 20 % the build's peak RSS
 * there is 0.55 GB instead of 1.1 GB, in about the same time (git's manuals: 27–31 s either way
 * on this shared VM; docs/benchmarks.md).
 */
export const BUILD_HEAP_GROWING_PERCENT = 20

/** Runs `build` with the heap kept close to what is live (see `BUILD_HEAP_GROWING_PERCENT`), then restores V8's default. */
export function withCompactHeap<T>(build: () => T): T {
  setFlagsFromString(`--heap-growing-percent=${BUILD_HEAP_GROWING_PERCENT}`)
  try {
    return build()
  } finally {
    setFlagsFromString('--heap-growing-percent=0')
  }
}
