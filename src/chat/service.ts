import { createHmac } from 'node:crypto'
import type { Engine } from '../answer/engine.js'
import type { Answer } from '../answer/types.js'
import type { Digest } from '../digest/types.js'
import type { SourceMapData } from '../render/source-map-svg.js'
import type { FeedbackResult, Platform, Store, Vote } from '../store/index.js'
import { COMMANDS, type Command } from './commands.js'
import type { ConversationMemory, Remembered } from './conversations.js'
import { examplesFromCorpus } from './examples.js'
import { answerFollowUp } from './follow-up.js'
import { readFollowUp } from './follow-up-cues.js'
import { type IntroFacts, introText, notEnglishText, smallTalkText } from './intro.js'
import { guessLanguage, mostlyNonLatin } from './language.js'
import { readSmallTalk } from './small-talk.js'
import { type SourceSummary, sourceMapOf, summarizeSources } from './sources.js'
import { typedText } from './typed-text.js'

/** The conversation a message belongs to, so that a follow-up ("who disputes that?") knows what came before. */
export interface ConversationRef {
  /** Names the conversation: a Slack channel and thread (or DM), a Discord thread or reply chain, a console run. */
  key: string
  /**
   * The bot message this message replies to (a Discord reply): its answer is the one pointed back to, and its
   * conversation goes on.
   */
  replyTo?: string
}

/** Where a message came from. No user id is ever stored with a question. */
export interface ChatContext {
  platform: Platform
  channelId: string
  /** Its conversation; without one, every question stands alone (as with `/ask`). */
  conversation?: ConversationRef
}

/** What the bot says back, before a platform renders it. */
export type Reply =
  | {
      kind: 'answer'
      answer: Answer
      /** A line shown above a follow-up's answer, saying what it answers ("2 of the 3 claims … are disputed:"). */
      lead?: string
      /** The conversation turn that remembers this answer (see {@link ChatService.posted}). */
      turn?: number
    }
  | {
      kind: 'sources'
      sources: SourceSummary[]
      /** What the map of the sources shows (each adapter draws it: an upload, an attachment, a file). */
      map?: SourceMapData
      /** Set for `/sources map`. */
      mapAsked?: boolean
    }
  | { kind: 'help'; commands: typeof COMMANDS }
  | {
      kind: 'text'
      text: string
      /** For a follow-up answered in words: the turn that keeps its conversation going (see {@link ChatService.posted}). */
      turn?: number
    }
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
  /** The last answers of each conversation, for follow-ups; without it, every question stands alone. */
  conversations?: ConversationMemory
  /**
   * The key of the HMAC that stands for a voter in stored feedback (`CITEBOT_SECRET`). Default: the store's
   * installation secret, made once and kept in the database.
   */
  secret?: string | null
  /** Example questions for greetings (`CITEBOT_EXAMPLES`); default: made from the corpus (see examples.ts). */
  examples?: readonly string[]
}
/** Platform-neutral handling of what people ask: the same for Slack, Discord and the console. */
export class ChatService {
  private readonly now: () => Date
  private examples: string[] | undefined

  constructor(private readonly deps: ChatServiceDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  /** Handles a parsed command. */
  async handle(command: Command, ctx: ChatContext): Promise<Reply> {
    switch (command.kind) {
      case 'ask':
        return this.reply(command.question, ctx)
      case 'sources': {
        const reply: Reply = {
          kind: 'sources',
          sources: this.sources(),
          map: sourceMapOf(this.deps.engine.kb),
        }
        return command.map ? { ...reply, mapAsked: true } : reply
      }
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
   * The reply to a message that is not a command: small talk gets a short introduction; a question in another
   * language than English gets a note that citebot reads English; a follow-up in a conversation is answered
   * about the answer before it; anything else is asked of the engine. Questions are logged (no user), and
   * answers are remembered in their conversation. The question is read, shown and stored without control
   * characters or bidi overrides.
   */
  async reply(typed: string, ctx: ChatContext): Promise<Reply> {
    const question = typedText(typed)
    const talk = readSmallTalk(question)
    if (talk !== null) return { kind: 'text', text: smallTalkText(talk, this.facts()) }
    let reply: Reply | null = null
    let followedUp = false
    let conversation = ctx.conversation?.key
    let topic = question
    let previous: Remembered | undefined
    if (mostlyNonLatin(question)) reply = { kind: 'text', text: notEnglishText(this.facts()) }
    else if (ctx.conversation) {
      const found = await this.followUp(question, ctx.platform, ctx.conversation)
      conversation = found.conversationKey
      reply = found.reply
      followedUp = reply !== null
      // A follow-up's answer is still about the question it followed up.
      if (followedUp) {
        topic = found.topic
        previous = found.previous
      }
    }
    if (reply === null) {
      const answer = this.deps.engine.ask(question)
      reply =
        !answer.answered && (await guessLanguage(question)).foreign
          ? { kind: 'text', text: notEnglishText(this.facts()) }
          : { kind: 'answer', answer }
    }
    // A follow-up answered in words ("No passage disputes its claim") is answered too.
    const answered = reply.kind === 'answer' ? reply.answer.answered : followedUp
    await this.log(question, answered, ctx)
    const memory = this.deps.conversations
    if (memory && conversation !== undefined && answered) {
      // A follow-up answered in words ("No passage disputes…") is about the answer before it: that answer is
      // remembered again as this turn, so that a reply to these words goes on about it.
      const remembered = reply.kind === 'answer' ? { answer: reply.answer, topic } : previous
      if (remembered && (reply.kind === 'answer' || reply.kind === 'text')) {
        reply = { ...reply, turn: await memory.record(ctx.platform, conversation, remembered, this.now()) }
      }
    }
    return reply
  }

  /**
   * Answers a question alone (no conversation, no small talk) and logs it: the engine's answer. The question is
   * asked, shown and stored without control characters or bidi overrides.
   */
  async ask(typed: string, ctx: ChatContext): Promise<Answer> {
    const question = typedText(typed)
    const answer = this.deps.engine.ask(question)
    await this.log(question, answer.answered, ctx)
    return answer
  }

  /**
   * Tells the service which bot message showed a reply (a Discord message id), so that a reply to that message
   * is a follow-up of its answer. Does nothing for other replies.
   */
  async posted(reply: Reply, messageKey: string, ctx: ChatContext): Promise<void> {
    if ((reply.kind !== 'answer' && reply.kind !== 'text') || reply.turn === undefined) return
    if (!this.deps.conversations) return
    await this.deps.conversations.link(ctx.platform, reply.turn, messageKey)
  }

  /** What citebot is and does, with example questions: the console's greeting. */
  introduction(): string {
    return introText(this.facts())
  }

  /** The source list. */
  sources(): SourceSummary[] {
    return summarizeSources(this.deps.engine.kb)
  }

  /**
   * Records a 👍/👎 on an answer: one vote per person and answer, a later click changes it. The person is
   * stored only as an HMAC of their id keyed with the installation's secret, which the database alone does not
   * give away when the secret comes from `CITEBOT_SECRET`.
   */
  async feedback(input: {
    ctx: ChatContext
    answerKey: string
    question: string
    vote: Vote
    userId: string
  }): Promise<FeedbackResult | null> {
    const store = this.deps.store
    if (!store) return null
    const secret = this.deps.secret ?? (await store.installationSecret())
    const userKey = createHmac('sha256', secret).update(`${input.ctx.platform}:${input.userId}`).digest('hex')
    return store.recordFeedback({
      platform: input.ctx.platform,
      channelId: input.ctx.channelId,
      answerKey: input.answerKey,
      question: typedText(input.question).slice(0, 2000),
      vote: input.vote,
      userKey,
      at: this.now(),
    })
  }

  private async followUp(
    question: string,
    platform: Platform,
    ref: ConversationRef,
  ): Promise<{ conversationKey: string; reply: Reply | null; topic: string; previous?: Remembered }> {
    const memory = this.deps.conversations
    if (!memory) return { conversationKey: ref.key, reply: null, topic: question }
    const now = this.now()
    // A reply to one of the bot's messages continues that message's conversation, about that message's answer.
    const repliedTo = ref.replyTo === undefined ? null : await memory.byMessage(platform, ref.replyTo, now)
    const conversationKey = repliedTo?.conversationKey ?? ref.key
    const recent = await memory.recent(platform, conversationKey, now)
    const previous = repliedTo ?? recent[0]
    const cue = previous ? readFollowUp(question) : null
    if (!previous || cue === null) return { conversationKey, reply: null, topic: question }
    const ask = (q: string) => this.deps.engine.ask(q)
    const found = answerFollowUp(question, cue, { previous, recent, ask, sources: this.sources() })
    if (found === null) return { conversationKey, reply: null, topic: question }
    return {
      conversationKey,
      topic: previous.topic,
      previous,
      reply: 'text' in found ? { kind: 'text', text: found.text } : { kind: 'answer', ...found },
    }
  }

  private facts(): IntroFacts {
    this.examples ??=
      this.deps.examples && this.deps.examples.length > 0
        ? [...this.deps.examples]
        : examplesFromCorpus(this.sources(), (q) => this.deps.engine.ask(q))
    return { sources: this.deps.engine.kb.sources.size, examples: this.examples }
  }

  private async log(question: string, answered: boolean, ctx: ChatContext): Promise<void> {
    await this.deps.store?.logQuestion({
      platform: ctx.platform,
      channelId: ctx.channelId,
      question: question.slice(0, 2000),
      answered,
      at: this.now(),
    })
  }
}
