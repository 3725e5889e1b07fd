import type { DraftPassage } from '../draft.js'

/**
 * A manual (an AsciiDoc, reStructuredText or Markdown document) as its markup reader found it:
 * passages of its prose, each under the heading or the term (an option, a glossary entry) it
 * describes; code, listings, synopses and comments left out.
 */
export interface ManualRead {
  /** The document's title (its level-0 heading), or null when it has none. */
  title: string | null
  /**
   * What the page is about, in a line: a manual page's NAME line ("git-blame - Show what revision
   * and author last modified each line of a file"), else null.
   */
  topic: string | null
  /** Metadata its header gives (AsciiDoc `:author:`, reStructuredText `:Author:` fields). */
  author: string | null
  date: string | null
  /** Passages in file order (voice `article`). */
  drafts: DraftPassage[]
  /** Files it includes (AsciiDoc `include::options.txt[]`, reStructuredText `.. include::`), as written. */
  includes: string[]
}

/** An empty read, filled in by a reader. */
export function emptyRead(): ManualRead {
  return { title: null, topic: null, author: null, date: null, drafts: [], includes: [] }
}

/**
 * A heading, term or title as plain words, for display and metadata (never for a quote): inline
 * markup dropped (`linkgit:git-blame[1]` → `git-blame`, `` `--soft` `` → `--soft`, `'git log'` →
 * `git log`, `{litdd}` → `--`), whitespace squeezed.
 */
export function plainInline(text: string): string {
  return text
    .replace(/\blinkgit:([^\s[\]]+)\[\w*\]/g, '$1')
    .replace(/\{litdd\}/g, '--')
    .replace(/\{(?:nbsp|sp)\}/g, ' ')
    .replace(/\{[A-Za-z0-9_][\w-]*\}/g, '')
    .replace(/<<[^,<>]+,([^<>]*)>>/g, '$1')
    .replace(/<<([^<>]+)>>/g, '$1')
    .replace(/\[\[\[?[^\]\s]+\]\]\]?/g, '')
    .replace(/(?<![\w:]):[a-z][\w.+-]*:(?=`)/g, '')
    .replace(/\[([^\]]*)\]\([^()\s]+\)/g, '$1')
    .replace(/`+|\*\*|__|(?<!\w)[*_'+#](?=\S)|(?<=\S)[*_'+#](?!\w)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
