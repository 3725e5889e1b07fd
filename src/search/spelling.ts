/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      cur.push(v)
      if (v < best) best = v
    }
    if (best > max) return max + 1
    prev = cur
  }
  return prev[b.length] ?? max + 1
}

/** Edits allowed for a word of this length: none under 5 letters, 1 up to 7, 2 beyond. */
export function allowedEdits(length: number): number {
  return length < 5 ? 0 : length <= 7 ? 1 : 2
}

/**
 * The closest known term to a misspelt one ("mandetori" → "mandatori"), or null. Ties go to the
 * more frequent term. `vocabulary` maps each known term to how often it occurs; `max` is the
 * edits allowed (by default for the term's length; a stem is shorter than the word typed:
 * "acurate" is 7 letters, its stem "acur" 4).
 */
export function correct(
  term: string,
  vocabulary: ReadonlyMap<string, number>,
  max = allowedEdits(term.length),
): string | null {
  if (max === 0) return null
  let best: string | null = null
  let bestDistance = max + 1
  let bestCount = 0
  for (const [known, count] of vocabulary) {
    if (Math.abs(known.length - term.length) > max || known[0] !== term[0]) continue
    const d = editDistance(term, known, max)
    if (d < bestDistance || (d === bestDistance && count > bestCount)) {
      best = known
      bestDistance = d
      bestCount = count
    }
  }
  return bestDistance <= max ? best : null
}
