/** The chat platform a channel lives on; `console` is the local chat used when no token is set. */
export type Platform = 'slack' | 'discord' | 'console'

/** A channel's daily digest subscription. Unique per (platform, channelId). */
export interface Subscription {
  /** The platform the channel is on. */
  platform: Platform
  /** The platform's channel id (a Slack `C…` id, a Discord snowflake, `console`). */
  channelId: string
  /** Local wall-clock time of the digest, `HH:MM` on a 24-hour clock (`00:00`–`23:59`). */
  time: string
  /** IANA time zone name that `time` is read in, e.g. `Europe/Berlin`. */
  timeZone: string
  /** False after `unsubscribe` or `markInactive`; only active subscriptions get digests. */
  active: boolean
  /** Why the subscription is inactive (`unsubscribed`, or the reason given to `markInactive`); null while active. */
  inactiveReason: string | null
  /** When the channel first subscribed; kept when it re-subscribes. */
  createdAt: Date
  /** When the subscription last changed (subscribed, updated, reactivated or deactivated). */
  updatedAt: Date
}

/** What `subscribe` needs. */
export interface SubscribeInput {
  /** The platform the channel is on. */
  platform: Platform
  /** The platform's channel id (a Slack `C…` id, a Discord snowflake, `console`). */
  channelId: string
  /** `HH:MM`, 24-hour, local to `timeZone`. */
  time: string
  /** IANA time zone name; checked against the runtime's time-zone data. */
  timeZone: string
}

/** `scheduled`: the daily digest, at most one per channel per local day. `manual`: `/digest now`, never limited. */
export type DigestRunKind = 'scheduled' | 'manual'

/** `claimed`: a process is posting it. `posted`/`failed`: finished, as reported to `completeDigestRun`. */
export type DigestRunStatus = 'claimed' | 'posted' | 'failed'

/** What `claimDigestRun` needs. */
export interface ClaimDigestRunInput {
  /** The platform the channel is on. */
  platform: Platform
  /** The platform's channel id (a Slack `C…` id, a Discord snowflake, `console`). */
  channelId: string
  /** The channel's local date the digest is for, `YYYY-MM-DD` (in the subscription's time zone). */
  localDate: string
  /** Whether this is the day's scheduled digest or a `/digest now`. */
  kind: DigestRunKind
  /** The current time; also decides whether an unfinished claim is stale (see `OpenStoreOptions.staleClaimMinutes`). */
  now: Date
}

/** What `completeDigestRun` needs. */
export interface CompleteDigestRunInput {
  /** `posted` when the digest reached the channel, `failed` when the poster gave up. */
  status: 'posted' | 'failed'
  /** How many times the poster tried to post (a non-negative integer). */
  attempts: number
  /** The last error's message, for a failed run (or a run that succeeded after errors); omit when none. */
  error?: string | undefined
  /** When the run finished: the post time for `posted`, the time it gave up for `failed`. */
  postedAt: Date
}

/** One digest run (a claim to post a digest, and how it ended). */
export interface DigestRun {
  /** The run's id, as returned by `claimDigestRun`. */
  id: number
  /** The platform the channel is on. */
  platform: Platform
  /** The platform's channel id (a Slack `C…` id, a Discord snowflake, `console`). */
  channelId: string
  /** `YYYY-MM-DD`, the channel's local date the run is for. */
  localDate: string
  /** Whether this is the day's scheduled digest or a `/digest now`. */
  kind: DigestRunKind
  /** Where the run is: `claimed` (being posted), `posted` or `failed`. */
  status: DigestRunStatus
  /** When the run was last claimed (the first claim, or the re-claim of a stale claim). */
  claimedAt: Date
  /** How many times the run was claimed: 1, plus 1 for each re-claim of a stale claim. */
  claims: number
  /** Post attempts, as reported by `completeDigestRun`; 0 until then. */
  attempts: number
  /** The error reported by `completeDigestRun`, or why the store gave up on a stale claim; else null. */
  error: string | null
  /** When the run finished (`completeDigestRun`'s `postedAt`, or when the store gave up on a stale claim); null while claimed. */
  completedAt: Date | null
  /** When the digest was posted: `completedAt` for a posted run, null otherwise. */
  postedAt: Date | null
}

/** A question someone asked, as logged (no user ids, by design). */
export interface LoggedQuestion {
  /** The question as asked. */
  question: string
  /** Whether the sources answered it. */
  answered: boolean
  /** When it was asked. */
  at: Date
}

/** What `logQuestion` needs. Carries no user id, on purpose. */
export interface LogQuestionInput {
  /** The platform the channel is on. */
  platform: Platform
  /** The platform's channel id (a Slack `C…` id, a Discord snowflake, `console`). */
  channelId: string
  /** The question as asked. */
  question: string
  /** Whether the sources answered it. */
  answered: boolean
  /** When it was asked. */
  at: Date
}

/** A thumbs-up or thumbs-down on an answer. */
export type Vote = 'up' | 'down'

/** What `recordFeedback` needs. */
export interface RecordFeedbackInput {
  /** The platform the channel is on. */
  platform: Platform
  /** The platform's channel id (a Slack `C…` id, a Discord snowflake, `console`). */
  channelId: string
  /** What identifies the answer on its platform: the message ts or id it was posted as. */
  answerKey: string
  /** The question the answer answered, kept so that feedback can be read without the chat history. */
  question: string
  /** The voter's vote. */
  vote: Vote
  /** An opaque key for the voter that the caller derives (an HMAC of the user id); never the user id itself. */
  userKey: string
  /** When the vote was cast. */
  at: Date
}

/** What `recordFeedback` did. */
export interface FeedbackResult {
  /** True when the stored vote changed: a first vote, or a switch between up and down. False for a repeated click. */
  changed: boolean
  /** The voter's vote on that answer before this click, or null for a first vote. */
  previous: Vote | null
}

/** Vote counts (one per voter per answer). */
export interface FeedbackSummary {
  /** How many voters gave a thumbs-up. */
  up: number
  /** How many voters gave a thumbs-down. */
  down: number
}

/** One answer remembered in a conversation, so that a follow-up can be answered about it. */
export interface ConversationTurn {
  /** The turn's id, as `recordTurn` returned it. */
  id: number
  /** The platform the conversation is on. */
  platform: Platform
  /** The conversation, as the adapter names it: a Slack channel and thread, a Discord thread or reply chain. */
  conversationKey: string
  /** The bot's message that showed the answer, once `linkTurn` named it; null before. */
  messageKey: string | null
  /** The answer, as the JSON text the caller stored. */
  payload: string
  /** When it was recorded. */
  at: Date
}

/** What `recordTurn` needs. Carries no user id, on purpose. */
export interface RecordTurnInput {
  /** The platform the conversation is on. */
  platform: Platform
  /** The conversation (see {@link ConversationTurn.conversationKey}). */
  conversationKey: string
  /** The answer as JSON text (e.g. `JSON.stringify(answer)`). */
  payload: string
  /** When it was answered; also the clock that forgets expired turns. */
  at: Date
}

/** Options for `openStore`, whichever database it opens. */
export interface OpenStoreOptions {
  /**
   * How long a `scheduled` run may stay `claimed` before another caller may re-claim it, in minutes; default 10.
   * A claim this old means its process most likely died mid-post. Keep it well above the time a post takes
   * (with its retries), or a slow process and the re-claimer may both post.
   */
  staleClaimMinutes?: number
  /**
   * How many times a stale claim may be re-claimed, per run; default 1 (so a crash mid-post leads to one retry).
   * When a stale claim has no retries left, the next claim attempt marks the run `failed` instead, so a
   * digest that crashes its process every time does not crash it all day.
   */
  staleClaimRetries?: number
  /**
   * How long to wait for the database, in ms; default 5000. SQLite: how long a write waits for another
   * connection's lock (busy_timeout). Postgres: how long opening a connection may take.
   */
  busyTimeoutMs?: number
  /** The clock for timestamps the caller does not pass (`createdAt`, `updatedAt`…); default `() => new Date()`. */
  now?: () => Date
  /** How long a handled event is remembered (`claimEvent`), in hours; default 24 (Slack retries within minutes). */
  eventHours?: number
  /** How long a thread the bot answered in is remembered (`rememberThread`), in days; default 7. */
  threadDays?: number
  /** Postgres only: the most connections this process opens to the database; default 10. */
  maxConnections?: number
  /** How many answers each conversation keeps for follow-ups (the newest); default 3. */
  conversationTurns?: number
  /** How long a conversation's answers are kept, in days; default 7. */
  conversationDays?: number
}

/**
 * Citebot's persistent state: digest subscriptions, digest runs, the claims each channel has been shown,
 * per-channel source snapshots, a question log, answer feedback, conversation memory for follow-ups, and what
 * several processes serving one team must share (the events already handled, the threads the bot answered in). Every method returns a
 * Promise (a Postgres store talks to a server), and rejects with a StoreError for an invalid input.
 * Times are `Date`s here; SQLite keeps them as ISO-8601 UTC strings, Postgres as `timestamptz`.
 */
export interface Store {
  /** Which database this is: `sqlite` (DATABASE_PATH) or `postgres` (DATABASE_URL). */
  readonly kind: 'sqlite' | 'postgres'

  /** Subscribes a channel, or updates its time and zone and reactivates it; resolves to the subscription as stored. */
  subscribe(input: SubscribeInput): Promise<Subscription>
  /** Deactivates a channel's subscription (reason `unsubscribed`); resolves to whether it was active. */
  unsubscribe(platform: Platform, channelId: string): Promise<boolean>
  /** The channel's subscription, active or not, or null when it never subscribed. */
  getSubscription(platform: Platform, channelId: string): Promise<Subscription | null>
  /** Active subscriptions, on one platform or all, ordered by platform then channel id. */
  listActiveSubscriptions(platform?: Platform): Promise<Subscription[]>
  /**
   * Deactivates a subscription the bot can no longer serve (the channel was deleted, the bot was removed…),
   * keeping `reason`; resolves to whether it was active. An inactive subscription keeps its first reason.
   */
  markInactive(platform: Platform, channelId: string, reason: string): Promise<boolean>

  /**
   * Claims the right to post a digest; resolves to the run id, or null when this caller must not post.
   * `manual` claims always succeed and never count as the day's scheduled digest. A `scheduled` claim succeeds
   * once per (platform, channel, localDate), across processes sharing the database, except that a claim left
   * `claimed` for `staleClaimMinutes` (its process died) is re-claimed, at most `staleClaimRetries` times.
   */
  claimDigestRun(input: ClaimDigestRunInput): Promise<number | null>
  /**
   * Records how a claimed run ended. Resolves to false, changing nothing, when the run was already finished
   * (say the store gave up on it as stale); rejects with `STORE_RUN_NOT_FOUND` for an unknown id.
   */
  completeDigestRun(id: number, input: CompleteDigestRunInput): Promise<boolean>
  /** The channel's most recently posted run, scheduled or manual (by `postedAt`), or null. */
  lastPostedRun(platform: Platform, channelId: string): Promise<DigestRun | null>
  /** The channel's scheduled run for a local date (`YYYY-MM-DD`), or null; manual runs are not the day's. */
  getRun(platform: Platform, channelId: string, localDate: string): Promise<DigestRun | null>

  /** Ids of the claims shown in the channel's current rotation cycle, in the order first shown. */
  shownClaims(platform: Platform, channelId: string): Promise<string[]>
  /** Notes that a claim was shown in the channel's current cycle; a claim already shown in it is left as it was. */
  recordShownClaim(platform: Platform, channelId: string, claimId: string, at: Date): Promise<void>
  /**
   * Starts a new rotation cycle for the channel: forgets which claims were shown, so all are eligible again.
   * The digest builder calls it when every claim has been shown. Resolves to how many shown claims were forgotten.
   */
  startNewRotationCycle(platform: Platform, channelId: string): Promise<number>

  /** The source hashes (`sourceId` → hash) saved at the channel's last digest, or null before its first. */
  getSourcesSnapshot(platform: Platform, channelId: string): Promise<Record<string, string> | null>
  /** Replaces the channel's snapshot of source hashes (`sourceId` → hash). */
  setSourcesSnapshot(platform: Platform, channelId: string, hashes: Record<string, string>): Promise<void>

  /** Logs a question (no user id). */
  logQuestion(input: LogQuestionInput): Promise<void>
  /** The channel's questions asked in [from, to) (from inclusive, to exclusive), oldest first. */
  questionsBetween(platform: Platform, channelId: string, from: Date, to: Date): Promise<LoggedQuestion[]>

  /** Records a vote: one per (platform, answerKey, userKey); a later vote by the same voter replaces it. */
  recordFeedback(input: RecordFeedbackInput): Promise<FeedbackResult>
  /** Counts current votes, over everything, one platform, or one channel (`channelId` with its `platform`). */
  feedbackSummary(platform?: Platform, channelId?: string): Promise<FeedbackSummary>

  /**
   * Remembers an answer in a conversation and resolves to the turn's id. Only the newest `conversationTurns` of
   * the conversation are kept, and turns older than `conversationDays` (in any conversation) are forgotten.
   */
  recordTurn(input: RecordTurnInput): Promise<number>
  /**
   * Names the bot message that showed turn `id` (a Discord reply to it continues that conversation); a message
   * named before for another turn moves to this one. Resolves to false when the turn is gone.
   */
  linkTurn(platform: Platform, id: number, messageKey: string): Promise<boolean>
  /** The conversation's remembered turns at `now`, newest first (at most `conversationTurns`, none expired). */
  recentTurns(platform: Platform, conversationKey: string, now: Date): Promise<ConversationTurn[]>
  /** The turn that message `messageKey` showed, if it is still remembered at `now`; else null. */
  turnByMessage(platform: Platform, messageKey: string, now: Date): Promise<ConversationTurn | null>

  /**
   * The installation's secret (64 hex characters): made at random the first time it is asked for and kept in
   * the database, the same for every process sharing it. It keys the HMAC that stands for a voter in feedback.
   */
  installationSecret(): Promise<string>

  /**
   * Claims an event for handling, once across every process on the database: resolves true for the first claim
   * of `key` on `platform` (this caller handles it), false when it was claimed in the last `eventHours`
   * (a redelivery, or the same message brought by another event). `key` is the adapter's (`event:Ev1…`,
   * `msg:C1:1714…`). Claims older than `eventHours` are forgotten.
   */
  claimEvent(platform: Platform, key: string, at: Date): Promise<boolean>
  /**
   * Remembers that the bot answered in a thread (`key`, the adapter's, e.g. `C1:1714…`), from `at`, so that a
   * follow-up there, on any process and after a restart, needs no new mention. Remembering it again renews it.
   */
  rememberThread(platform: Platform, key: string, at: Date): Promise<void>
  /** True when the bot answered in the thread within `threadDays` before `now`. */
  knowsThread(platform: Platform, key: string, now: Date): Promise<boolean>

  /** Closes the database connection(s); the store must not be used afterwards. Calling it twice is harmless. */
  close(): Promise<void>
}

/** A Store whose methods return their results directly: how the SQLite store is written (better-sqlite3 is synchronous). */
export type SyncStore = {
  [K in Exclude<keyof Store, 'kind'>]: Store[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => R
    : never
}
