/** Items by each key they have (a claim by each of its members, a sentence by each of its terms). */
export function indexBy<T>(items: Iterable<T>, keysOf: (item: T) => Iterable<string>): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = out.get(key)
      if (list) list.push(item)
      else out.set(key, [item])
    }
  }
  return out
}
