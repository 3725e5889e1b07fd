import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { parseCommand } from '../../src/chat/commands.js'
import { ChatService } from '../../src/chat/service.js'
import { typedText } from '../../src/chat/typed-text.js'
import { openStore } from '../../src/store/index.js'
import { seedEngine } from '../helpers/built.js'
import { useTempDir } from '../store/temp-dir.js'

const dir = useTempDir('typed')
const ctx = { platform: 'console', channelId: 'console' } as const

describe('text a person typed', () => {
  it('loses control characters (C0 but tab and newline, DEL, C1) and bidi controls, and keeps the rest', () => {
    const controls = '\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u001f\u007f\u0080\u0085\u009b\u009f'
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u206a\u206f'
    expect(typedText(`is${controls} it${bidi} mandatory?`)).toBe('is it mandatory?')
    expect(typedText('line one\r\nline two\rthree\tfour')).toBe('line one\nline two\nthree\tfour')
    expect(typedText('强制 é 👍🏽 👨‍👩‍👧 שלום')).toBe('强制 é 👍🏽 👨‍👩‍👧 שלום')
  })

  it('reaches no command with them: questions, digest arguments and unknown command names', () => {
    expect(parseCommand('is it\u0007 mandatory?\u202e')).toEqual({
      kind: 'ask',
      question: 'is it mandatory?',
    })
    expect(parseCommand('/digest subscribe 9:00\u0000 Europe/Paris\u202e')).toEqual({
      kind: 'digest',
      args: 'subscribe 9:00 Europe/Paris',
    })
    expect(parseCommand('/sou\u202erces')).toEqual({ kind: 'sources' })
    const unknown = parseCommand('/wh\u202eat')
    expect(unknown.kind === 'usage' && unknown.message).toMatch(/^I don’t know \/what\./)
  })

  it('is stored without them in the question log and with feedback, whoever calls the service', async () => {
    const path = join(dir, 'citebot.db')
    const store = await openStore(path)
    const service = new ChatService({ engine: seedEngine(), store })
    const answer = await service.ask('is\u0000 it\u001b mandatory?\u202e', ctx)
    expect(answer.question).toBe('is it mandatory?')
    expect(answer.answered).toBe(true)
    await service.feedback({
      ctx,
      answerKey: 'a1',
      question: 'is\u0085 it\u2066 mandatory?',
      vote: 'up',
      userId: 'U1',
    })
    await store.close()
    const db = new Database(path, { readonly: true })
    const questions = db.prepare('SELECT question FROM questions').pluck().all()
    const feedback = db.prepare('SELECT question FROM feedback').pluck().all()
    db.close()
    expect(questions).toEqual(['is it mandatory?'])
    expect(feedback).toEqual(['is it mandatory?'])
  })
})
