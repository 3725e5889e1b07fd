import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runConsole } from '../../../src/adapters/console/console-chat.js'
import { memoryConversations } from '../../../src/chat/conversations.js'
import { ChatService } from '../../../src/chat/service.js'
import { openStore } from '../../../src/store/index.js'
import { seedEngine } from '../../helpers/built.js'
import { pngSize } from '../../helpers/png.js'

const chat = async (lines: string[], interactive = false, mapDir?: string) => {
  const store = await openStore(':memory:')
  const service = new ChatService({ engine: seedEngine(), store, conversations: memoryConversations() })
  const input = new PassThrough()
  const output = new PassThrough()
  let text = ''
  output.on('data', (d) => {
    text += String(d)
  })
  const done = runConsole(service, { input, output, interactive, ...(mapDir ? { mapDir } : {}) })
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

  it('writes the map of the sources to a PNG file for /sources map, and prints its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citebot-map-'))
    const { text } = await chat(['/sources map'], false, dir)
    const path = join(dir, 'sources-map.png')
    expect(text).toContain(`Map of the sources: ${path} (`)
    const size = pngSize(readFileSync(path))
    expect(text).toContain(`(${size.width}×${size.height} PNG`)
    expect(readFileSync(join(dir, 'sources-map.svg'), 'utf8')).toContain('Falkvinge’s post')
    expect(text).toContain('draws on: ')
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

  it('answers follow-ups about the answer before them, within one run', async () => {
    const { text } = await chat(['is it mandatory?', 'who disputes that?', 'and the ACLU?'])
    expect(text).toContain('The claim in my last answer (to “is it mandatory?”) is disputed:')
    expect(text).toContain('From my last answer (to “is it mandatory?”), the claim where the ACLU is quoted:')
    // Another run is another conversation: nothing before it.
    const { text: alone } = await chat(['who disputes that?'])
    expect(alone).not.toContain('my last answer')
  })

  it('answers “hi” with what it does, and a question in Chinese with a note that it reads English', async () => {
    const { text, store } = await chat(['hi', '社会信用体系是强制性的吗？'])
    expect(text).toContain('Hi! I’m citebot.')
    expect(text).toContain('I can only read questions in English')
    // Small talk is not a question; the question in Chinese is logged as not answered.
    const logged = await store.questionsBetween(
      'console',
      'console',
      new Date(0),
      new Date(Date.now() + 60_000),
    )
    expect(logged).toMatchObject([{ question: '社会信用体系是强制性的吗？', answered: false }])
  })

  it('greets on a terminal and stops at /quit', async () => {
    const { text } = await chat(['/quit', 'is it mandatory?'], true)
    expect(text).toContain('citebot — ask about the sources')
    expect(text).not.toContain('mandatory by 2020')
  })

  it.each(['exit', 'QUIT', '/exit'])('stops at a bare “%s” too, answering nothing after it', async (word) => {
    const { text } = await chat(['is it mandatory?', word, 'what else?'], true)
    expect(text).toContain('mandatory by 2020')
    expect(text).not.toContain('More from the sources')
  })

  it('answers “who says so?” with who states and who disputes each claim, not the quotes again', async () => {
    const { text } = await chat(['is it mandatory?', 'who says so?'])
    const reply = text.slice(text.indexOf('Who says what'))
    expect(reply).toMatch(
      /^Who says what in my last answer \(to “is it mandatory\?”\), from 4 sources:\n1\. “/,
    )
    expect(reply).toMatch(/Stated by .*Rick Falkvinge \(article, “In China, Your Credit Score/)
    expect(reply).toMatch(/Disputed by Edward Lin \(reader comment, /)
    expect(reply).not.toContain('— Jay Stanley')
  })
})
