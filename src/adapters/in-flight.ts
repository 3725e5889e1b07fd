/**
 * Counts the events a bot is handling, so that it can stop gracefully: stop taking events, then wait for
 * the answers under way (at most a given time) before its connection and the store are closed.
 */
export class InFlight {
  private count = 0
  private waiters: (() => void)[] = []

  /** How many are under way. */
  get size(): number {
    return this.count
  }

  /** Runs `work`, counted until it settles; returns what it returns. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1
    try {
      return await work()
    } finally {
      this.count -= 1
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake()
    }
  }

  /** Resolves true once nothing is under way, or false after `timeoutMs` with work still under way. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true)
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        resolve(true)
      }
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake)
        resolve(false)
      }, timeoutMs)
      this.waiters.push(wake)
    })
  }
}
