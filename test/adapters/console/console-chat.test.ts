import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runConsole } from '../../../src/adapters/console/console-chat.js'
import { ChatService } from '../../../src/chat/service.js'
import { openStore } from '../../../src/store/index.js'
import { seedEngine } from '../../helpers/built.js'

const chat = async (lines: string[], interactive = false) => {
  const store = await openStore(':memory:')
  const service = new ChatService({ engine: seedEngine(), store })
  const input = new PassThrough()
  const output = new PassThrough()
  let text = ''
  output.on('data', (d) => {
    text += String(d)
  })
  const done = runConsole(service, { input, output, interactive })
  input.end(`${lines.join('\n')}\n`)
  await done
  return { text, store }
}

describe('the console chat', () => {
  it('answers each piped line and stops', async () => {
    const { text } = await chat(['is it mandatory?', 'what is the weather in Tokyo?'])
    expect(text).toContain('mandatory by 2020')
    expect(text).toContain('The sources don’t answer that')
  })

  it('has the bots’ commands: /sources, /help, /ask and usage for unknown ones', async () => {
    const { text } = await chat(['/sources', '/help', '/ask', '/frobnicate'])
    expect(text).toContain('China’s Nightmarish Citizen Scores')
    expect(text).toContain('/ask <question>')
    expect(text).toContain('Usage: /ask <question>')
    expect(text).toContain('I don’t know /frobnicate')
  })

  it('logs questions without any user id', async () => {
    const { store } = await chat(['is it mandatory?'])
    const logged = await store.questionsBetween(
      'console',
      'console',
      new Date(0),
      new Date(Date.now() + 60_000),
    )
    expect(logged).toMatchObject([{ question: 'is it mandatory?', answered: true }])
    expect(Object.keys(logged[0] ?? {})).not.toContain('userId')
  })

  it('greets on a terminal and stops at /quit', async () => {
    const { text } = await chat(['/quit', 'is it mandatory?'], true)
    expect(text).toContain('citebot — ask about the sources')
    expect(text).not.toContain('mandatory by 2020')
  })
})
