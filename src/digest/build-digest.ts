import type { Knowledge } from '../answer/knowledge.js'
import type { Platform, Store } from '../store/index.js'
import { pickClaim } from './claim-of-the-day.js'
import { type ClaimViewOptions, claimView } from './claim-view.js'
import { addDays, startOfLocalDay } from './local-time.js'
import { type QuestionSummaryOptions, summarizeQuestions } from './question-summary.js'
import { sourceChanges, sourceHashes } from './source-changes.js'
import type { Digest } from './types.js'

/** What `buildDigest` needs. */
export interface BuildDigestInput {
  /** The loaded index (`engine.kb`). */
  kb: Knowledge
  /** Read for the rotation, yesterday's questions and the sources snapshot; written only by `commit`. */
  store: Store
  platform: Platform
  channelId: string
  /** The channel's local date the digest is for, `YYYY-MM-DD`; "yesterday" is the local day before it. */
  localDate: string
  /** The IANA time zone the channel's days are counted in. */
  timeZone: string
  /** `scheduled` for the day's digest, `manual` for `/digest now`. */
  kind: Digest['kind']
  /** How many quotes the claim of the day carries. */
  claim?: ClaimViewOptions
  /** How much of yesterday's questions is listed. */
  questions?: QuestionSummaryOptions
}

/** A digest, and what to record once it reached the channel. */
export interface BuiltDigest {
  digest: Digest
  /** The claim of the day's id, or null when there is none. */
  claimId: string | null
  /**
   * Records the digest as seen by the channel: the claim of the day as shown in its rotation (starting a new
   * cycle first when every claim had been shown) and the current sources as its snapshot. Call it only after
   * the digest was posted, so a failed post neither uses up a claim nor hides a source change.
   */
  commit(at: Date): Promise<void>
}

/**
 * Builds a channel's digest: the claim of the day (contested claims first, every claim once before any
 * repeats), yesterday's questions in the channel, and the sources added or changed since its last digest.
 * Reads the store only; `commit` writes what the digest showed.
 */
export async function buildDigest(input: BuildDigestInput): Promise<BuiltDigest> {
  const { kb, store, platform, channelId, localDate, timeZone } = input
  const pick = pickClaim(kb, await store.shownClaims(platform, channelId))
  const claim = pick.claimId === null ? null : claimView(kb, pick.claimId, input.claim)
  const from = startOfLocalDay(addDays(localDate, -1), timeZone)
  const to = startOfLocalDay(localDate, timeZone)
  const questions = summarizeQuestions(
    await store.questionsBetween(platform, channelId, from, to),
    input.questions,
  )
  const hashes = sourceHashes(kb)
  const sources = sourceChanges(kb, await store.getSourcesSnapshot(platform, channelId))
  const digest: Digest = { platform, channelId, localDate, kind: input.kind, claim, questions, sources }
  return {
    digest,
    claimId: claim ? pick.claimId : null,
    async commit(at) {
      if (claim && pick.claimId !== null) {
        if (pick.newCycle) await store.startNewRotationCycle(platform, channelId)
        await store.recordShownClaim(platform, channelId, pick.claimId, at)
      }
      await store.setSourcesSnapshot(platform, channelId, hashes)
    },
  }
}
