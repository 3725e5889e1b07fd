import { isBoilerplateLine, isBoilerplateParagraph } from './boilerplate.js'
import { type BylineInfo, readByline } from './byline.js'
import { type DraftPassage, tighten } from './draft.js'
import { type Block, BULLET, contentStart, type Line, QUOTE, toBlocks } from './lines.js'
import { DATELINE_LABEL } from './non-sentences.js'

/** What the article part of a document holds. */
export interface BodyRead {
  passages: DraftPassage[]
  /** Metadata found in byline, dateline and masthead lines. */
  byline: BylineInfo
}

/** "UPDATE:", "Update (10/8/15):", "Edit 2:", "Correction:" at the start of a paragraph. */
export const UPDATE_LABEL = /^(?:update|updated|edit|correction|addendum)\b[^:\n]{0,30}:/i

/** A short line with no closing punctuation that starts with a capital: a section heading. */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim()
  if (t.length > 70 || !/^[A-Z0-9]/.test(t) || /[.!?,;:…"”)]$/.test(t)) return false
  const words = t.split(/\s+/)
  return words.length <= 8
}

/** A line that is only an update's label ("UPDATE:"), the update following it. */
export function isUpdateLabelLine(text: string): boolean {
  const t = text.trim()
  return UPDATE_LABEL.test(t) && t.endsWith(':') && t.length <= 40
}

/** Splits a block into its list items (each bullet with its continuation lines), or one item. */
function items(block: Block): Line[][] {
  if (!block.lines.some((l) => BULLET.test(l.text))) return [block.lines]
  const out: Line[][] = []
  for (const line of block.lines) {
    const last = out[out.length - 1]
    if (BULLET.test(line.text) || !last) out.push([line])
    else last.push(line)
  }
  return out
}

/**
 * Reads the article part of a document (everything before the reader comments) into passages:
 * paragraphs and list items, with section headings, the author's updates and, in a document
 * that opens with a block quote, the quoted work apart from the poster's own commentary.
 */
export function readBody(
  text: string,
  lines: Line[],
  opts: {
    quotedAuthor: string | null
    authorName: string | null
    /** A line's heading text when the markup marks it as one (Markdown's `## Options`), else null. */
    heading?: (line: Line) => string | null
  },
): BodyRead {
  const blocks = toBlocks(lines)
  const passages: DraftPassage[] = []
  const byline: BylineInfo = {}
  let section: string | null = null
  let voice: 'article' | 'update' = 'article'
  let inBio = false
  let seenContent = false
  // An excerpt post opens with a block quote; its own text after that is the poster's commentary.
  const first = blocks.find((b) => b.lines.some((l) => !isBoilerplateLine(l.text) && !readByline(l.text)))
  const excerpt = first?.lines.every((l) => QUOTE.test(l.text)) ?? false

  for (const block of blocks) {
    let kept = block.lines.filter((line) => {
      if (isBoilerplateLine(line.text)) return false
      const info = seenContent ? null : readByline(line.text)
      if (!info) return true
      Object.assign(byline, { ...info, ...byline })
      return false
    })
    if (kept.length === 0) continue
    const only = kept.length === 1 ? kept[0] : undefined
    const marked = only ? (opts.heading?.(only) ?? null) : null
    if (only && (marked !== null || looksLikeHeading(only.text))) {
      section = marked ?? only.text.trim()
      const about = /^about\s+(.+)$/i.exec(section)
      // "About <the author>" introduces a bio: page furniture, not the article.
      const author = opts.authorName ?? byline.author
      inBio = Boolean(about && (about[1] === author || /^the author$/i.test(about[1] ?? '')))
      voice = 'article'
      continue
    }
    if (inBio) continue
    // "Updated 5:09 a.m. Wednesday:" at the top of an article is its time stamp, not an author's
    // update: the paragraph is the article's, from the words after it.
    let skip = 0
    const stamp = seenContent || !kept[0] ? null : DATELINE_LABEL.exec(kept[0].text.trimStart())
    if (stamp && kept[0]) {
      const lead = kept[0].text.length - kept[0].text.trimStart().length
      if (kept[0].text.trim().length <= lead + stamp[0].length) {
        kept = kept.slice(1)
        if (kept.length === 0) continue
      } else skip = lead + stamp[0].length
    } else if (kept[0] && isUpdateLabelLine(kept[0].text)) {
      voice = 'update'
      kept = kept.slice(1)
      if (kept.length === 0) continue
    }
    const raw = text.slice(kept[0]?.start ?? 0, kept[kept.length - 1]?.end ?? 0)
    if (isBoilerplateParagraph(raw)) continue
    if (skip === 0 && UPDATE_LABEL.test(raw.trim())) voice = 'update'
    seenContent = true
    for (const item of items({ lines: kept, blankBefore: block.blankBefore })) {
      const head = item[0]
      const tail = item[item.length - 1]
      if (!head || !tail) continue
      const span = tighten(
        text,
        skip > 0 && head === kept[0] ? head.start + skip : contentStart(head),
        tail.end,
      )
      if (span.end <= span.start) continue
      const quoted = item.every((l) => QUOTE.test(l.text))
      const passage: DraftPassage = { voice, section, start: span.start, end: span.end }
      if (excerpt && quoted) passage.author = opts.quotedAuthor
      else if (excerpt && voice === 'article') {
        // The poster's own words after the excerpt: commentary, not the quoted work.
        passage.voice = 'comment'
        passage.author = null
      }
      passages.push(passage)
    }
  }
  return { passages, byline }
}
