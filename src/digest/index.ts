export { DIGEST_USAGE, type DigestArgDefaults, type DigestArgs, parseDigestArgs, parseTime } from './args.js'
export { type BuildDigestInput, type BuiltDigest, buildDigest } from './build-digest.js'
export { CHANNEL_GONE_CODES, goneCode, isChannelGone } from './channel-gone.js'
export { pickClaim, rotationOrder } from './claim-of-the-day.js'
export { type ClaimViewOptions, claimView } from './claim-view.js'
export { createDigestHandler, type DigestHandlerOptions } from './commands.js'
export { cronPattern, dueDate, nextDigestAt } from './due.js'
export { consolePoster, type DigestPoster } from './poster.js'
export { type PostOutcome, postWithRetry, type RetryOptions } from './retry.js'
export {
  type DigestLog,
  DigestRunner,
  type DigestRunnerOptions,
  type RunResult,
  SILENT_LOG,
} from './runner.js'
export { DigestScheduler, type DigestSchedulerOptions, type PassReport } from './scheduler.js'
export type * from './types.js'
