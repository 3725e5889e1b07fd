/** A node of the source graph: a source of the corpus, or an outside work a source names. */
export interface LineageNode {
  /** The source's id, or `outside:<key>` for an outside work. */
  id: string
  kind: 'source' | 'outside'
  /** How a person names it: the source's title, or the outside work as the text names it ("Wired Magazine"). */
  label: string
  /** The source's author (null when unknown, and for outside works). */
  author: string | null
  /** The source's date, `YYYY-MM-DD` (null when unknown, and for outside works). */
  date: string | null
}

/** What a piece of evidence of a link is. */
export type EvidenceKind =
  /** The text names the other work's author, publisher or title as where something comes from. */
  | 'names'
  /** The text points to a work without naming it ("Read this piece"); the work is the one it repeats. */
  | 'unnamed-link'
  /** The text repeats the other, earlier source's claims, in a similar order. */
  | 'repeats'

/** One reason to think a source draws on another work, with the words that show it. */
export interface LinkEvidence {
  kind: EvidenceKind
  /** The cue that matched: `wrote`, `according to`, `told`, `published by`, `Read this piece`, `repeated claims`. */
  cue: string
  /** The sentence that shows it (for `repeats`: the first repeated sentence), as a span of its file. */
  passageId: string
  start: number
  end: number
  /** The verbatim text of that span (at most 400 characters). */
  quote: string
  /** What it shows, for a person: "names Jay Stanley, its author, as who wrote it". */
  detail: string
  /** How sure this piece of evidence alone makes the link, 0–1. */
  confidence: number
}

/** How sure a link is: `high` (≥ 0.8), `medium` (≥ 0.5; both count as drawing on), `low` (shown, not counted). */
export type LinkLevel = 'high' | 'medium' | 'low'

/** "`from` draws on `to`": a source of the corpus takes what it says from another source or an outside work. */
export interface LineageLink {
  /** The source that draws on the other. */
  from: string
  /** The node it draws on (a source's id, or `outside:<key>`). */
  to: string
  /** How sure the link is, 0–1: the evidence combined (each piece an independent chance of being right). */
  confidence: number
  level: LinkLevel
  /** Why it is that sure, in one sentence. */
  why: string
  /** The evidence, strongest first. */
  evidence: LinkEvidence[]
  /** For `repeats`: how many of `from`'s claims are claims of `to`, of how many, and how many in the same order. */
  repeated?: { shared: number; of: number; inOrder: number }
}

/** Which sources draw on which: every source of the corpus, the outside works they name, and the links. */
export interface SourceGraph {
  nodes: LineageNode[]
  links: LineageLink[]
}

/** Least confidence at which a link counts: a source that draws on another is not an independent line. */
export const COUNTED_CONFIDENCE = 0.5

/** The level of a confidence. */
export function levelOf(confidence: number): LinkLevel {
  return confidence >= 0.8 ? 'high' : confidence >= COUNTED_CONFIDENCE ? 'medium' : 'low'
}
