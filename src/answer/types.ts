import type { LinkEvidence } from '../claims/lineage/types.js'
import type { Voice } from '../corpus/types.js'

export type { LinkEvidence } from '../claims/lineage/types.js'

/** A verbatim quote from a source, with who said it. */
export interface Citation {
  sourceId: string
  /** The seed's file name. */
  file: string
  /** The source's title. */
  title: string
  /** The source's URL, or null when unknown. */
  url: string | null
  voice: Voice
  /** Who wrote the quoted passage (the commenter for a comment); null when unknown. */
  author: string | null
  passageId: string
  /**
   * A verbatim span of the file (at most 400 characters); for HTML, PDF and Word, of the text
   * extracted from it (`index/text/<file>.txt`).
   */
  quote: string
  /** Character offsets of the quote in the file (or in its extracted text). */
  start: number
  end: number
  /** For a dispute: why it was found to dispute the claim, e.g. `antonym: optional vs mandatory`. */
  reason?: string
  /** Set when the quote is part of a longer sentence (cut to fit 400 characters): which end was cut. */
  clipped?: 'start' | 'end' | 'both'
  /** PDF: the page the quote is on (from 1). */
  page?: number
  /** PDF: the page the quote ends on, when it runs on over a page break. */
  pageEnd?: number
  /** HTML and Word: the heading of the section the quote is in, when it has one. */
  section?: string
}

/** One check-worthy statement, with the passages that state it and those that dispute it. */
export interface Claim {
  /** A stable id for the claim in the built index. */
  id: string
  /** The claim in words: its best-supported verbatim sentence. */
  statement: string
  /** True when some passage disputes this specific claim. */
  contested: boolean
  /** One sentence a person reads: who contests it and how, or that no source disputes it. */
  note: string
  /** Passages that state the claim, best first; never a quote inside a disputing passage. */
  support: Citation[]
  /** Passages that dispute the claim, best first. */
  disputes: Citation[]
  /**
   * Set (true) when no passage disputes the claim and every quote stating it only reports it
   * ("reportedly", "according to", "rumors"): reported as unconfirmed, not contested.
   */
  reported?: true
  /**
   * How many independent lines of sources state it: sources that draw on another source stating it (by
   * naming it, an unnamed link, or repeating its claims; see `lines`) are not counted again.
   */
  independent?: number
  /** The independent lines, the longest first: each line's root source and the sources that follow it. */
  lines?: SourceLine[]
}

/** A source of a line, as a person names it. */
export interface LineSource {
  sourceId: string
  title: string
  /** The source's author, or null when unknown. */
  author: string | null
  /** The source's date (`YYYY-MM-DD`), or null when unknown. */
  date: string | null
}

/** A source that draws on another source of its line. */
export interface LineFollower extends LineSource {
  /** The source of the line it draws on: the root, or another follower. */
  follows: string
  /** `retells` when it names that source; `follows` when only an unnamed link or repeated claims show it. */
  how: 'retells' | 'follows'
  /** How sure the link is, 0–1 (at least 0.5, or it would be a line of its own). */
  confidence: number
  /** Sources between it and the one it follows that do not state the claim (usually none). */
  through: string[]
  /** The evidence of its link, strongest first, each quoted verbatim from its file. */
  evidence: LinkEvidence[]
}

/** One independent line behind a claim: a source that draws on no other source stating it, and its followers. */
export interface SourceLine {
  root: LineSource
  /** Each after the one it follows. */
  followers: LineFollower[]
}

/** A doubt about a whole source (not about one claim), shown when the answer cites that source. */
export interface Caveat {
  /** The source that is doubted. */
  sourceId: string
  /** The doubted source's title. */
  title: string
  /** One sentence a person reads. */
  note: string
  /** The passage that casts the doubt. */
  citation: Citation
}

/** What the engine says to a question. */
export interface Answer {
  question: string
  /** False when the sources do not answer the question (or the input was unusable). */
  answered: boolean
  /** Set when `answered` is false: says why and points to `/sources`. */
  message?: string
  /**
   * Set when `answered` is true: the bottom line, one sentence made from the first claim by
   * templates (who states it, the clause of its quote that answers, who disputes it), shown first
   * by every renderer.
   */
  summary?: string
  /** At most 3 (the ranking model's `maxClaims`), most relevant first. */
  claims: Claim[]
  caveats: Caveat[]
}
