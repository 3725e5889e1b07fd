import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../src/logger.js'

const capture = () => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { lines, log: createLogger('info', stream) }
}

describe('the logger', () => {
  it('never writes a token, whether as a field or inside a message', () => {
    const { lines, log } = capture()
    log.info(
      {
        token: 'xoxb-123-456-abc',
        slack: { botToken: 'xoxb-9' },
        headers: { authorization: 'Bearer xapp-1-A' },
      },
      'posting',
    )
    log.error('failed with token xoxb-111-222-secret and xapp-1-A0-zzz')
    log.warn(
      {
        err: { message: 'bad auth for MTIzNDU2Nzg5MDEyMzQ1Njc4OTAx.GAbcde.abcdefghijklmnopqrstuvwxyz123456' },
      },
      'discord',
    )
    const all = lines.join('')
    expect(all).not.toMatch(/xoxb-|xapp-|GAbcde/)
    expect(all).toContain('[redacted]')
  })
})
