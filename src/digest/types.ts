import type { Claim } from '../answer/types.js'
import type { Platform } from '../store/index.js'

/** A source as a digest mentions it. */
export interface DigestSource {
  id: string
  title: string
  url: string | null
}

/** A topic people asked about: a word of their questions and how many asked. */
export interface DigestTopic {
  term: string
  count: number
}

/** One channel's daily digest, before a platform renders it. */
export interface Digest {
  platform: Platform
  channelId: string
  /** The channel's local date the digest is for, `YYYY-MM-DD`. */
  localDate: string
  /** `scheduled` for the day's digest, `manual` for `/digest now` (not counted as the day's). */
  kind: 'scheduled' | 'manual'
  /** The claim of the day (contested claims first, rotating), with its quotes; null when there is none. */
  claim: Claim | null
  /** Yesterday's questions in this channel. */
  questions: {
    total: number
    /** The words asked about most, most first. */
    topics: DigestTopic[]
    /** Questions the sources could not answer, as asked (at most a few). */
    unanswered: string[]
  }
  /** Sources added or changed since this channel's last digest. */
  sources: { added: DigestSource[]; changed: DigestSource[] }
}
