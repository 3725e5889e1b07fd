/** Options of a {@link BoundedCache}. */
export interface BoundedCacheOptions {
  /** Most entries kept; the least recently set is dropped first. */
  maxEntries: number
  /** How long an entry lives, in milliseconds. Default: for ever (until pushed out). */
  ttlMs?: number
  /** The clock (tests pass a fake one). Default: `Date.now`. */
  now?: () => number
}

/**
 * A small in-memory map with a size bound and an optional lifetime: the `/ask` answers waiting to be shared.
 * It is empty after a restart, and each process has its own.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>()
  private readonly now: () => number

  constructor(private readonly options: BoundedCacheOptions) {
    this.now = options.now ?? Date.now
  }

  /** The value under `key`, or undefined when there is none or it expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    if (this.options.ttlMs !== undefined && this.now() - entry.at > this.options.ttlMs) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  /** True when `key` holds a live value. */
  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  /** Sets `key` (as the newest entry), dropping the oldest entries beyond the bound. */
  set(key: string, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, { value, at: this.now() })
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  /** Sets `key` unless it is live already; true when it was new (the first delivery). */
  claim(key: string, value: V): boolean {
    if (this.has(key)) return false
    this.set(key, value)
    return true
  }

  /** How many entries are held (expired ones included until read). */
  get size(): number {
    return this.entries.size
  }
}
