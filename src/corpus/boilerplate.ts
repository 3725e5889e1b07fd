/**
 * Page furniture that is never a passage: widgets, notices, timestamps, pingbacks, footnote lists.
 * Each pattern matches a whole trimmed line (or, for notices, a whole paragraph).
 */
const LINE_PATTERNS: readonly RegExp[] = [
  /^font size:?$/i,
  /^(share|tweet|email|print|pin|like)(\s+(share|tweet|email|print|pin|like))*$/i,
  /^follow\s.{1,60}\son\s(twitter|x|facebook|instagram|mastodon|bluesky)\.?$/i,
  /^comments are closed\.?$/i,
  /^(view|show|load|read)\s+(all\s+)?comments(\s*\(\d+\))?$/i,
  /^\d+\s+(comments|responses|replies)$/i,
  /^(leave a (comment|reply)|post a comment)$/i,
  /^read (the|our) terms of (use|service)$/i,
  /^stay informed$/i,
  /^(about|over)?\s*\d+\s+(second|minute|hour|day|week|month|year)s?\s+ago$/i,
  /^(a|an|one)\s+(second|minute|hour|day|week|month|year)\s+ago$/i,
  /^(\d+\.\s+)?(pingback|trackback):/i,
  // A wiki's footnote list: "1. 1.0 1.1 1.2" (back-links only, no text).
  /^\d+\.(\s+\d+(\.\d+)*)+$/,
  /^jump to:/i,
  /^updated below\.?$/i,
  /^.{2,60}\slogo$/i,
  /^(vpn service|advertisement|sponsored|related articles?|read more)$/i,
  /^h\/t\s/i,
]

/** Notices that span a paragraph: syndication and licensing text, newsletter prompts. */
const PARAGRAPH_PATTERNS: readonly RegExp[] = [
  /available without charge to any (eligible|legitimate) news publisher/i,
  /for licensing opportunities/i,
  /all republished articles must include/i,
  /^(subscribe|sign up) (to|for) our newsletter/i,
]

/** True when a trimmed line is page furniture. */
export function isBoilerplateLine(text: string): boolean {
  const t = text.trim()
  return LINE_PATTERNS.some((re) => re.test(t))
}

/** True when a paragraph is a syndication, licensing or newsletter notice. */
export function isBoilerplateParagraph(text: string): boolean {
  return PARAGRAPH_PATTERNS.some((re) => re.test(text))
}

/** Lines after which a page's reader comments begin. */
const COMMENTS_START: readonly RegExp[] = [
  /^comments are closed\.?$/i,
  /^(view|show|load|read)\s+(all\s+)?comments(\s*\(\d+\))?$/i,
  /^\d+\s+(comments|responses|replies)$/i,
  /^(leave a (comment|reply)|comments|responses)$/i,
]

/** True when a trimmed line marks the start of the reader comments. */
export function startsComments(text: string): boolean {
  const t = text.trim()
  return COMMENTS_START.some((re) => re.test(t))
}

/** Lines after which nothing is content (a site's footer). */
export function endsContent(text: string): boolean {
  return /^stay informed$/i.test(text.trim())
}
