import { describe, expect, it } from 'vitest'
import { BoundedCache } from '../../../src/adapters/slack/bounded-cache.js'
import { SlackPostError, slackErrorCode } from '../../../src/adapters/slack/errors.js'
import {
  commandFromMessage,
  commandFromSlash,
  mentionsBot,
  questionFromSlack,
} from '../../../src/adapters/slack/slack-text.js'

describe('reading a Slack message as a question', () => {
  it('removes every mention token with its label, and reads links, dates and entities as words', () => {
    const text =
      '<@UBOT> is it &lt;really&gt; mandatory &amp; <https://x.org|this> in <#C1|general>? cc <@U2|bob> <!here>'
    expect(questionFromSlack(text)).toBe('is it <really> mandatory & this in ? cc')
    expect(questionFromSlack('<@UBOT|citebot>   hello\n there')).toBe('hello there')
    expect(questionFromSlack('<@U123> is it mandatory?')).toBe('is it mandatory?')
    expect(questionFromSlack('<@U123|bob> is it mandatory?')).toBe('is it mandatory?')
    expect(questionFromSlack('<#C123|general> is it mandatory?')).toBe('is it mandatory?')
    expect(questionFromSlack('<#C123> <@W9> <!subteam^S1|@team> <!subteam^S2> is it mandatory?')).toBe(
      'is it mandatory?',
    )
    expect(questionFromSlack('<!channel> <!here|here> <!everyone> is it mandatory?')).toBe('is it mandatory?')
    expect(questionFromSlack('since <!date^1392734382^{date}|Feb 18th, 2014>?')).toBe('since Feb 18th, 2014?')
    expect(questionFromSlack('see <https://x.org/a>')).toBe('see https://x.org/a')
  })

  it('removes control characters and bidi overrides', () => {
    expect(questionFromSlack('is\u0000 it\u0007 \u001b[31mmandatory\u007f\u0085?\u202e\u2066\u200f')).toBe(
      'is it [31mmandatory?',
    )
  })

  it('knows a mention of the bot from a mention of someone else', () => {
    expect(mentionsBot('hi <@UBOT>', 'UBOT')).toBe(true)
    expect(mentionsBot('hi <@UBOT|citebot>', 'UBOT')).toBe(true)
    expect(mentionsBot('hi <@U2>', 'UBOT')).toBe(false)
    expect(mentionsBot('hi <@UBOT>', undefined)).toBe(false)
  })

  it('treats a bare mention or "help" as help, commands as commands, the rest as questions', () => {
    expect(commandFromMessage('')).toEqual({ kind: 'help' })
    expect(commandFromMessage('help')).toEqual({ kind: 'help' })
    expect(commandFromMessage('/sources')).toEqual({ kind: 'sources' })
    expect(commandFromMessage('is it mandatory?')).toEqual({ kind: 'ask', question: 'is it mandatory?' })
    expect(commandFromSlash('/ask', 'help')).toEqual({ kind: 'help' })
    expect(commandFromSlash('/ask', '').kind).toBe('usage')
    expect(commandFromSlash('/digest', 'subscribe 09:00')).toEqual({
      kind: 'digest',
      args: 'subscribe 09:00',
    })
  })
})

describe('the bot’s memory', () => {
  it('forgets the oldest entries beyond its bound', () => {
    const cache = new BoundedCache<true>({ maxEntries: 2 })
    cache.set('a', true)
    cache.set('b', true)
    cache.set('c', true)
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, true])
  })

  it('forgets entries after their lifetime, on the clock it is given', () => {
    let now = 0
    const cache = new BoundedCache<true>({ maxEntries: 10, ttlMs: 1000, now: () => now })
    expect(cache.claim('t', true)).toBe(true)
    expect(cache.claim('t', true)).toBe(false)
    now = 1001
    expect(cache.has('t')).toBe(false)
    expect(cache.claim('t', true)).toBe(true)
  })
})

describe('Slack errors', () => {
  it('reads Slack’s error code from Web API errors, and carries it in a SlackPostError', () => {
    const platform = { code: 'slack_webapi_platform_error', data: { ok: false, error: 'is_archived' } }
    expect(slackErrorCode(platform)).toBe('is_archived')
    expect(slackErrorCode({ code: 'slack_webapi_http_error', statusCode: 503 })).toBe('http_503')
    expect(slackErrorCode(new Error('x'))).toBe('unknown_error')
    const error = new SlackPostError('chat.postMessage', 'C9', platform)
    expect(error).toMatchObject({ slackError: 'is_archived', channelGone: true, code: 'SLACK_POST_FAILED' })
    expect(error.message).toBe('Slack chat.postMessage in C9 failed: is_archived. The channel is archived.')
    expect(slackErrorCode(error)).toBe('is_archived')
  })
})
