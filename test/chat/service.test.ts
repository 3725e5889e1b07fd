import { createHash, createHmac } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { memoryConversations } from '../../src/chat/conversations.js'
import { type ChatContext, ChatService, type Reply } from '../../src/chat/service.js'
import { openStore } from '../../src/store/index.js'
import { seedEngine } from '../helpers/built.js'
import { useTempDir } from '../store/temp-dir.js'

const dir = useTempDir('chat-service')
const engine = seedEngine()
const ctx: ChatContext = { platform: 'slack', channelId: 'C1', conversation: { key: 'C1:1.0' } }
const text = (reply: Reply) => (reply.kind === 'text' ? reply.text : '')
const ask = (service: ChatService, question: string, where = ctx) =>
  service.handle({ kind: 'ask', question }, where)

describe('small talk', () => {
  it.each([
    'hi',
    'Hello citebot!',
    'what can you do?',
    'who are you?',
    'hi there, how does this work?',
    'test',
    'are you there?',
  ])('“%s” gets what citebot does, two example questions and /sources', async (message) => {
    const reply = await ask(new ChatService({ engine, store: null }), message)
    expect(reply.kind).toBe('text')
    expect(text(reply)).toContain(
      'I’m citebot. I answer questions about 5 source documents with verbatim quotes',
    )
    expect(text(reply)).toMatch(/Try “[^”]+” or “[^”]+”\./)
    expect(text(reply)).toContain('/sources lists the documents')
  })

  it('takes the examples from the corpus, each one a question the sources answer', async () => {
    const reply = await ask(new ChatService({ engine, store: null }), 'hi')
    const examples = [...text(reply).matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '')
    expect(examples).toHaveLength(2)
    for (const example of examples) expect(engine.ask(example).answered, example).toBe(true)
  })

  it('uses the configured examples (CITEBOT_EXAMPLES) instead', async () => {
    const service = new ChatService({
      engine,
      store: null,
      examples: ['Who runs Sesame Credit?', 'Is it optional?'],
    })
    expect(text(await ask(service, 'hello'))).toContain('Try “Who runs Sesame Credit?” or “Is it optional?”.')
  })

  it('thanks get a short reply, and a question that only starts with hi is answered', async () => {
    const service = new ChatService({ engine, store: null })
    expect(text(await ask(service, 'thanks!'))).toMatch(/^You’re welcome!/)
    const question = await ask(service, 'hi, is it mandatory?')
    expect(question.kind === 'answer' && question.answer.answered).toBe(true)
  })
})

describe('questions in other languages', () => {
  it.each([
    '社会信用体系是强制性的吗？',
    'Это обязательно?',
    '¿Es obligatorio el sistema?',
    'Ist das System verpflichtend?',
  ])('“%s” is told that citebot reads English and the sources are in English', async (question) => {
    const reply = await ask(new ChatService({ engine, store: null }), question)
    expect(text(reply)).toMatch(
      /^I can only read questions in English, and the sources I quote are in English\./,
    )
  })

  it('an English question the sources do not answer still says so', async () => {
    const reply = await ask(new ChatService({ engine, store: null }), 'What is the weather in Tokyo?')
    expect(reply.kind === 'answer' && reply.answer.message).toContain('The sources don’t answer that')
  })
})

describe('conversations', () => {
  it('a follow-up with no answer before it is asked as a question', async () => {
    const service = new ChatService({ engine, store: null, conversations: memoryConversations() })
    const reply = await ask(service, 'who disputes that?')
    expect(reply).toMatchObject({ kind: 'answer', answer: { question: 'who disputes that?' } })
    expect(reply.kind === 'answer' && reply.lead).toBeFalsy()
    expect(reply.kind === 'answer' && reply.answer).toEqual(engine.ask('who disputes that?'))
  })

  it('answers a contextual question alone when the sources answer it alone', async () => {
    const service = new ChatService({ engine, store: null, conversations: memoryConversations() })
    await ask(service, 'Who runs Sesame Credit?')
    const reply = await ask(service, 'is it mandatory?')
    expect(reply.kind === 'answer' && reply.lead).toBeFalsy()
    expect(reply.kind === 'answer' && reply.answer.claims[0]?.statement).toContain('mandatory by 2020')
  })

  it('answers “what else?” with claims not shown in the conversation’s remembered answers', async () => {
    const service = new ChatService({ engine, store: null, conversations: memoryConversations() })
    const first = await ask(service, 'is it mandatory?')
    const more = await ask(service, 'what else?')
    const again = await ask(service, 'anything else?')
    const ids = (r: Reply) => (r.kind === 'answer' ? r.answer.claims.map((c) => c.id) : [])
    expect(ids(more).length).toBeGreaterThan(0)
    expect(ids(more).filter((id) => ids(first).includes(id))).toEqual([])
    expect(ids(again).filter((id) => [...ids(first), ...ids(more)].includes(id))).toEqual([])
  })

  it('keeps the last 3 answers of a conversation in memory, for a week', async () => {
    let now = new Date('2024-05-01T00:00:00Z')
    const memory = memoryConversations({ turns: 3, ttlMs: 7 * 86_400_000 })
    const answer = (question: string) => ({ answer: { ...engine.ask(question), question }, topic: question })
    for (const q of ['a', 'b', 'c', 'd']) await memory.record('console', 'k', answer(q), now)
    expect((await memory.recent('console', 'k', now)).map((r) => r.topic)).toEqual(['d', 'c', 'b'])
    const turn = await memory.record('console', 'k', answer('e'), now)
    await memory.link('console', turn, 'm1')
    expect(await memory.byMessage('console', 'm1', now)).toMatchObject({ conversationKey: 'k', topic: 'e' })
    now = new Date('2024-05-09T00:00:00Z')
    expect(await memory.recent('console', 'k', now)).toEqual([])
    expect(await memory.byMessage('console', 'm1', now)).toBeNull()
  })
})

describe('feedback', () => {
  const vote = (service: ChatService, userId: string) =>
    service.feedback({ ctx, answerKey: 'C1:1.0', question: 'is it mandatory?', vote: 'up', userId })
  const storedKeys = (path: string) => {
    const db = new Database(path, { readonly: true })
    try {
      return db.prepare('SELECT user_key FROM feedback ORDER BY rowid').pluck().all() as string[]
    } finally {
      db.close()
    }
  }

  it('stores a voter as an HMAC of the id keyed with the installation’s secret, never as a recomputable hash', async () => {
    const path = join(dir, 'hmac.db')
    const store = await openStore(path)
    const service = new ChatService({ engine, store })
    await vote(service, 'U123')
    expect(await vote(service, 'U123')).toEqual({ changed: false, previous: 'up' })
    const secret = await store.installationSecret()
    await store.close()
    const [key] = storedKeys(path)
    expect(key).toBe(createHmac('sha256', secret).update('slack:U123').digest('hex'))
    expect(key).not.toBe(createHash('sha256').update('citebot:slack:U123').digest('hex'))
    expect(key).not.toContain('U123')
  })

  it('keys with CITEBOT_SECRET when it is set, so that the database alone does not give the key away', async () => {
    const path = join(dir, 'env-secret.db')
    const store = await openStore(path)
    await vote(new ChatService({ engine, store, secret: 'a-secret-kept-outside-the-db' }), 'U123')
    await store.close()
    expect(storedKeys(path)).toEqual([
      createHmac('sha256', 'a-secret-kept-outside-the-db').update('slack:U123').digest('hex'),
    ])
  })

  it('two installations give the same person different keys', async () => {
    const keys: (string | undefined)[] = []
    for (const file of ['one.db', 'two.db']) {
      const path = join(dir, file)
      const store = await openStore(path)
      await vote(new ChatService({ engine, store }), 'U123')
      await store.close()
      keys.push(storedKeys(path)[0])
    }
    expect(keys[0]).not.toBe(keys[1])
  })
})
