import { COUNTED_CONFIDENCE, type LineageLink } from './types.js'

/** Pieces of evidence combined as independent chances of being right: 1 − Π(1 − c), at most 0.99. */
export function combine(confidences: readonly number[]): number {
  const doubt = confidences.reduce((d, c) => d * (1 - Math.max(0, Math.min(1, c))), 1)
  return Math.round(Math.min(0.99, 1 - doubt) * 100) / 100
}

/** Why a link is as sure as it is, in one sentence: its level, what shows it, and whether it counts. */
export function whyOf(link: LineageLink, outside: boolean): string {
  const kinds = new Set(link.evidence.map((e) => e.kind))
  const shown = outside
    ? 'the text names this work as where something comes from'
    : kinds.has('names')
      ? `the text names this source as where something comes from${kinds.has('repeats') ? ', and repeats its claims' : ''}`
      : kinds.has('unnamed-link')
        ? 'a link that names no one, and the claims it repeats of this earlier source'
        : 'only repeated claims of this earlier source, no name'
  const counts =
    link.confidence >= COUNTED_CONFIDENCE
      ? ''
      : '; too weak to count: the two are still counted as independent'
  return `${link.level} (${link.confidence.toFixed(2)}): ${shown}${counts}.`
}
