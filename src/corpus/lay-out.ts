import { isUpdateLabelLine, UPDATE_LABEL } from './body.js'
import { isBoilerplateLine, isBoilerplateParagraph } from './boilerplate.js'
import { type BylineInfo, readByline } from './byline.js'
import type { DraftPassage } from './draft.js'
import type { DocumentParts, ReaderComment } from './parts.js'
import { isSpam } from './spam.js'

/** A structured document written out as plain text, with its passages as spans of that text. */
export interface LaidOut {
  text: string
  drafts: DraftPassage[]
  /** What byline paragraphs ("By Jane Doe") at the top said. */
  byline: BylineInfo
}

/** A heading that starts the author's update or correction of the article. */
const UPDATE_HEADING = /^(updates?|updated|corrections?|clarifications?|editor[’']?s note|addendum)\b/i

/** The heading the comments are written under in the extracted text. */
export const COMMENTS_HEADING = 'Comments'

// Invisible characters a page or a PDF carries (soft hyphens, zero-width spaces): not text to quote.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g

const squeeze = (text: string) => text.replace(INVISIBLE, '').replace(/\s+/g, ' ')

/** A paragraph's text on one line: whitespace runs made single spaces, invisible characters removed. */
export function oneLine(text: string): string {
  return squeeze(text).trim()
}

/**
 * Writes a structured document as plain text, the form its quotes are cut from: the title, then
 * each heading and paragraph on a line of its own with a blank line between them, then the
 * comments under "Comments", each under a line naming its writer and day, replies indented
 * under the comment they answer. Each paragraph is a passage: the article's, the author's
 * update (a heading "Update"/"Correction", a paragraph starting "Update:" and what follows it
 * in its section, a paragraph the file marks as an update) or a comment's.
 */
export function layOutParts(title: string, doc: DocumentParts): LaidOut {
  let text = `${oneLine(title)}\n`
  const drafts: DraftPassage[] = []
  const byline: BylineInfo = {}
  const add = (line: string, indent = ''): { start: number; end: number } => {
    text += `\n${indent}`
    const start = text.length
    text += `${line}\n`
    return { start, end: start + line.length }
  }
  let section: string | null = null
  let voice: 'article' | 'update' = 'article'
  let seenContent = false
  for (const part of doc.parts) {
    if (part.kind === 'heading') {
      const heading = oneLine(part.text)
      if (heading === '' || (!seenContent && heading === oneLine(title))) continue
      add(heading)
      section = heading
      voice = UPDATE_HEADING.test(heading) ? 'update' : 'article'
      continue
    }
    const line = oneLine(part.text)
    if (line === '' || isBoilerplateLine(line) || isBoilerplateParagraph(line)) continue
    const info = seenContent ? null : readByline(line)
    if (info) {
      Object.assign(byline, { ...info, ...byline })
      continue
    }
    if (isUpdateLabelLine(line)) {
      voice = 'update'
      continue
    }
    if (UPDATE_LABEL.test(line)) voice = 'update'
    seenContent = true
    const span = add(line)
    const draft: DraftPassage = { voice: part.update ? 'update' : voice, section, ...span }
    if (part.page !== undefined) draft.page = part.page
    // The page breaks move with the text, as oneLine squeezes the whitespace before them.
    if (part.pageBreaks && part.pageBreaks.length > 0)
      draft.pageBreaks = part.pageBreaks.map(
        (at) => span.start + squeeze(part.text.slice(0, at)).trimStart().length,
      )
    drafts.push(draft)
  }
  if (doc.comments.length > 0) {
    add(COMMENTS_HEADING)
    const write = (comment: ReaderComment, depth: number, parent: number | undefined) => {
      const indent = '  '.repeat(depth)
      const paragraphs = comment.paragraphs.map(oneLine).filter((p) => p !== '')
      const first = drafts.length
      if (paragraphs.length > 0) {
        add([comment.author ?? 'Anonymous', comment.date].filter(Boolean).join(' · '), indent)
        const spam = comment.spam === true || isSpam(paragraphs.join('\n'))
        for (const paragraph of paragraphs) {
          const draft: DraftPassage = {
            voice: 'comment',
            author: comment.author,
            section: comment.section ?? null,
            ...add(paragraph, indent),
            commentOf: first,
            spam,
          }
          if (parent !== undefined) draft.replyTo = parent
          if (comment.date) draft.date = comment.date
          drafts.push(draft)
        }
      }
      // A reply to a comment with no text answers the comment that one answered.
      const answered = paragraphs.length > 0 ? first : parent
      for (const reply of comment.replies) write(reply, depth + 1, answered)
    }
    for (const comment of doc.comments) write(comment, 0, undefined)
  }
  return { text, drafts, byline }
}
