import { createHash } from 'node:crypto'
import type { Engine } from '../answer/engine.js'
import type { Answer } from '../answer/types.js'
import type { Digest } from '../digest/types.js'
import type { FeedbackResult, Platform, Store, Vote } from '../store/index.js'
import { COMMANDS, type Command } from './commands.js'
import { type SourceSummary, summarizeSources } from './sources.js'
import { typedText } from './typed-text.js'

/** Where a message came from. No user id is ever stored with a question. */
export interface ChatContext {
  platform: Platform
  channelId: string
}

/** What the bot says back, before a platform renders it. */
export type Reply =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'sources'; sources: SourceSummary[] }
  | { kind: 'help'; commands: typeof COMMANDS }
  | { kind: 'text'; text: string }
  | { kind: 'digest'; digest: Digest }

/** Answers the digest command (see the digest module); until it is wired, digests are unavailable. */
export type DigestHandler = (args: string, ctx: ChatContext) => Promise<Reply> | Reply

/** What the chat service needs. */
export interface ChatServiceDeps {
  engine: Engine
  /** Where questions and feedback are kept; null to keep nothing. */
  store: Store | null
  /** The clock (tests pass a fake one). Default: the real time. */
  now?: () => Date
  digest?: DigestHandler
  /** Mixed into the hash that stands for a user in stored feedback. */
  userSalt?: string
}

/** Platform-neutral handling of what people ask: the same for Slack, Discord and the console. */
export class ChatService {
  private readonly now: () => Date

  constructor(private readonly deps: ChatServiceDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  /** Handles a parsed command. */
  async handle(command: Command, ctx: ChatContext): Promise<Reply> {
    switch (command.kind) {
      case 'ask':
        return { kind: 'answer', answer: await this.ask(command.question, ctx) }
      case 'sources':
        return { kind: 'sources', sources: this.sources() }
      case 'help':
        return { kind: 'help', commands: COMMANDS }
      case 'usage':
        return { kind: 'text', text: command.message }
      case 'digest':
        return this.deps.digest
          ? this.deps.digest(typedText(command.args), ctx)
          : { kind: 'text', text: 'Daily digests are not available yet.' }
    }
  }

  /**
   * Answers a question and logs it (platform, channel, question, answered, time; no user). The question is
   * asked, shown and stored without control characters or bidi overrides.
   */
  async ask(typed: string, ctx: ChatContext): Promise<Answer> {
    const question = typedText(typed)
    const answer = this.deps.engine.ask(question)
    await this.deps.store?.logQuestion({
      platform: ctx.platform,
      channelId: ctx.channelId,
      question: question.slice(0, 2000),
      answered: answer.answered,
      at: this.now(),
    })
    return answer
  }

  /** The source list. */
  sources(): SourceSummary[] {
    return summarizeSources(this.deps.engine.kb)
  }

  /**
   * Records a 👍/👎 on an answer: one vote per person and answer, a later click changes it. The
   * person is stored only as a salted hash of their id.
   */
  async feedback(input: {
    ctx: ChatContext
    answerKey: string
    question: string
    vote: Vote
    userId: string
  }): Promise<FeedbackResult | null> {
    if (!this.deps.store) return null
    const userKey = createHash('sha256')
      .update(`${this.deps.userSalt ?? 'citebot'}:${input.ctx.platform}:${input.userId}`)
      .digest('hex')
    return this.deps.store.recordFeedback({
      platform: input.ctx.platform,
      channelId: input.ctx.channelId,
      answerKey: input.answerKey,
      question: typedText(input.question).slice(0, 2000),
      vote: input.vote,
      userKey,
      at: this.now(),
    })
  }
}
