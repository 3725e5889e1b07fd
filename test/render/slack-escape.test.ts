import { describe, expect, it } from 'vitest'
import { escapeSlack, fitText, linkUrl, mentionTokens, slackLink } from '../../src/render/slack-escape.js'

describe('escaping text for Slack', () => {
  it('escapes &, < and > so that the text shows as typed', () => {
    expect(escapeSlack('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d')
  })

  it('turns every mention and broadcast into text that pings nobody', () => {
    const raw =
      'hey <!channel> <!here> <!everyone> <@U123> <@U123|bob> <#C42|general> <!subteam^S1|@team> @here @channel @Everyone'
    const escaped = escapeSlack(raw)
    expect(mentionTokens(escaped)).toEqual([])
    expect(escaped).toContain('&lt;!channel&gt;')
    expect(escaped).toContain('&lt;@U123&gt;')
    // The broadcast words still read the same (an invisible joiner breaks them).
    expect(escaped.replaceAll('\u2060', '')).toContain('@here @channel @Everyone')
  })

  it('finds the mention tokens it is meant to prevent', () => {
    expect(mentionTokens('<!here> <@U1> <#C1> <!subteam^S1> @channel plain')).toEqual([
      '<!here>',
      '<@U1>',
      '<#C1>',
      '<!subteam^S1>',
      '@channel',
    ])
  })

  it('cuts long text at a space with an ellipsis, never inside an entity', () => {
    const text = `${'word '.repeat(30)}&&&&&`
    for (let max = 5; max < 200; max++) {
      const cut = fitText(text, max)
      expect(cut.length).toBeLessThanOrEqual(max)
      expect(cut).not.toMatch(/&(a|am|amp)?…$/)
    }
    expect(fitText('short & sweet', 100)).toBe('short &amp; sweet')
  })

  it('links only http(s) URLs and encodes what would end the link', () => {
    expect(linkUrl('javascript:alert(1)')).toBeNull()
    expect(linkUrl('not a url')).toBeNull()
    expect(linkUrl('https://example.org/a|b>c')).toBe('https://example.org/a%7Cb%3Ec')
    expect(slackLink('Title <b> & co', 'https://example.org/x')).toBe(
      '<https://example.org/x|Title &lt;b&gt; &amp; co>',
    )
    expect(slackLink('No link', null)).toBe('_No link_')
  })
})
