/** A sentence of a passage, with its search terms: the unit that claims and disputes are made of. */
export interface SentenceRecord {
  /** `<passageId>.<n>`, n counting from 1. */
  id: string
  passageId: string
  /** Offsets of the sentence in its file. */
  start: number
  end: number
  /** Distinct search terms (stems), stop words dropped. */
  terms: string[]
  /** True when the sentence states something checkable: long enough, not a question, not a reference, credit, dateline or bare link. */
  worthy: boolean
}

/** Why a passage was found to dispute a claim. */
export type DisputeCue =
  | 'antonym'
  | 'negation'
  | 'dispute-language'
  | 'quote-answer'
  | 'correction-section'
  | 'author-update'
  /** The claim that this claim's statement disputes, disputing it in turn (see stance.ts). */
  | 'counter'

/** A passage that disputes a claim. */
export interface DisputeRecord {
  /** The disputing sentence. */
  sentenceId: string
  /** The quoted span: the sentence, or the part of it that answers a quotation. */
  start: number
  end: number
  cue: DisputeCue
  /** What matched, for the note: `optional vs mandatory`, `nonsense`, `Misconceptions in Western Media`. */
  detail: string
}

/** A claim: one statement, the sentences that make it (several sources may), and its disputes. */
export interface ClaimRecord {
  /** `c<n>`, stable for a given corpus. */
  id: string
  /** The sentence that states the claim best (its statement). */
  leader: string
  /** Sentences that state it, leader first. Never a sentence that quotes it in order to dispute it. */
  members: string[]
  /** How similar each member is to the leader (0–1), in `members` order. */
  similarity: number[]
  /** Number of distinct sources among the members. */
  sources: number
  disputes: DisputeRecord[]
}

/** A doubt cast on a whole source (its reliability), rather than on one claim. */
export interface CaveatRecord {
  /** The doubted source. */
  sourceId: string
  /** The sentence that casts the doubt. */
  sentenceId: string
  start: number
  end: number
  /** The doubting words, e.g. `nonsense`, `accuracy of the source`. */
  detail: string
}

/** Claims, their disputes and the caveats on sources, as built from a corpus. */
export interface ClaimGraph {
  sentences: SentenceRecord[]
  claims: ClaimRecord[]
  caveats: CaveatRecord[]
}
