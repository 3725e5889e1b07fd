import { describe, expect, it } from 'vitest'
import {
  escapeMarkdown,
  escapeText,
  fitText,
  linkUrl,
  maskedLink,
  neutralizeMentions,
  unneutralize,
} from '../../src/render/discord-escape.js'

const ZWSP = '\u200b'

describe('escapeMarkdown', () => {
  it('escapes bold, italics, underline, strike, code and spoilers so they show as typed', () => {
    expect(escapeMarkdown('**bold** *it* __under__ _it_ ~~gone~~ `code` ||spoiler||')).toBe(
      '\\*\\*bold\\*\\* \\*it\\* \\_\\_under\\_\\_ \\_it\\_ \\~\\~gone\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|',
    )
  })

  it('escapes masked links and backslashes', () => {
    expect(escapeMarkdown('[click](https://evil.example) and a \\ slash')).toBe(
      '\\[click\\](https://evil.example) and a \\\\ slash',
    )
  })

  it('escapes block quotes, headings and subtext only at the start of a line', () => {
    expect(escapeMarkdown('> quoted\n>>> all\n# Title\n## Sub\n-# small\na > b # c')).toBe(
      '\\> quoted\n\\>>> all\n\\# Title\n\\## Sub\n\\-# small\na > b # c',
    )
  })

  it('leaves ordinary text alone', () => {
    expect(escapeMarkdown('While the system is voluntary for now, it will be mandatory by 2020.')).toBe(
      'While the system is voluntary for now, it will be mandatory by 2020.',
    )
  })
})

describe('neutralizeMentions', () => {
  it('breaks @everyone, @here, user, role and channel mentions with a zero-width space', () => {
    const out = neutralizeMentions('@everyone @here <@123> <@!456> <@&789> <#42>')
    expect(out).toBe(`@${ZWSP}everyone @${ZWSP}here <@${ZWSP}123> <@!${ZWSP}456> <@&${ZWSP}789> <#${ZWSP}42>`)
    expect(out).not.toMatch(/@everyone|@here|<@!?&?\d|<#\d/)
  })

  it('reads back as the original text', () => {
    const text = 'hi @everyone and <@123>'
    expect(unneutralize(neutralizeMentions(text))).toBe(text)
  })

  it('escapeText does both', () => {
    expect(escapeText('@here *now*')).toBe(`@${ZWSP}here \\*now\\*`)
  })
})

describe('fitText', () => {
  it('keeps text that fits', () => {
    expect(fitText('short *one*', 20)).toBe('short \\*one\\*')
  })

  it('cuts at exactly the limit and one past it, ending with an ellipsis', () => {
    const text = 'a'.repeat(100)
    expect(fitText(text, 100)).toBe(text)
    const cut = fitText(`${text}b`, 100)
    expect(cut).toHaveLength(100)
    expect(cut.endsWith('…')).toBe(true)
  })

  it('never leaves half an escape sequence or half an emoji', () => {
    const cut = fitText('*'.repeat(60), 21)
    expect(cut.length).toBeLessThanOrEqual(21)
    expect(cut).toMatch(/^(\\\*)+…$/)
    const emoji = fitText(`${'x'.repeat(8)}😀😀😀`, 11, (s) => s)
    expect(emoji).toBe(`${'x'.repeat(8)}😀…`)
  })

  it('prefers to cut at a space', () => {
    expect(fitText('the quick brown fox jumps', 16)).toBe('the quick brown…')
  })
})

describe('links', () => {
  it('accepts http(s) URLs and encodes what would break a masked link', () => {
    expect(linkUrl('https://example.com/a_(b)')).toBe('https://example.com/a_%28b%29')
    expect(linkUrl('javascript:alert(1)')).toBeNull()
    expect(linkUrl('not a url')).toBeNull()
    expect(linkUrl(null)).toBeNull()
  })

  it('makes a masked link with an escaped title, or italics without a URL', () => {
    expect(maskedLink('A [b] *c*', 'https://example.com/')).toBe('[A \\[b\\] \\*c\\*](https://example.com/)')
    expect(maskedLink('Title', null)).toBe('*Title*')
  })
})
