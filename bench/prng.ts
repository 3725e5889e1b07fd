/** A seeded pseudo-random number generator: the same seed gives the same numbers on every machine. */
export interface Prng {
  /** A number in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** One item of a non-empty list. */
  pick<T>(list: readonly T[]): T
  /** One item of a non-empty list, early items far likelier (Zipf-like, exponent 1). */
  zipf<T>(list: readonly T[]): T
  /** True with probability `p`. */
  chance(p: number): boolean
}

/** Mulberry32 (a small, fast 32-bit generator, good enough for test data) seeded with `seed`. */
export function prng(seed: number): Prng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  // Inverse of the continuous Zipf CDF over ranks 1..n: rank = n^u, so P(rank ≤ r) ≈ ln r / ln n.
  const zipf = <T>(list: readonly T[]): T =>
    list[Math.min(list.length - 1, Math.floor(list.length ** next()) - 1)] as T
  return { next, int, pick, zipf, chance: (p) => next() < p }
}
