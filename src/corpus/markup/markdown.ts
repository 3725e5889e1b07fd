import type { Heading, Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'

/** What a Markdown file's markup says about its lines (offsets into the file's text). */
export interface MarkdownStructure {
  /** Line start offset → the heading's text (`## Options` → `Options`), for ATX and setext headings. */
  headings: Map<number, string>
  /** Spans of code blocks, HTML blocks and setext underlines: no prose of the document. */
  hidden: { start: number; end: number }[]
}

const FENCE = /^ {0,3}(?:`{3,}|~{3,})/

// Without one of these at a line's start a file has no heading or code block for the parser to find.
const HINT = /^ {0,3}(?:#{1,6}(?:\s|$)|`{3,}|~{3,}|<[a-zA-Z!/]|(?:=+|-+)\s*$)/m

/**
 * Parses a Markdown body (front matter already cut off) with mdast's CommonMark parser, for its
 * headings and its fenced code and HTML blocks; the prose reader does the rest (bylines,
 * updates, reader comments). Indented text is never taken for code: in a post's comment thread
 * an indented reply is a reader's words.
 */
export function markdownStructure(text: string, from = 0): MarkdownStructure {
  const out: MarkdownStructure = { headings: new Map(), hidden: [] }
  const body = text.slice(from)
  if (!HINT.test(body)) return out
  const tree: Root = fromMarkdown(body)
  const offset = (n: Nodes, end = false) =>
    from + ((end ? n.position?.end.offset : n.position?.start.offset) ?? 0)
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const start = offset(node)
      const title = plain(node).trim()
      if (title) out.headings.set(start, title)
      // A setext heading's underline ("Options" over "-------") is no text of it.
      const nl = text.indexOf('\n', start)
      if (nl >= 0 && nl < offset(node, true)) out.hidden.push({ start: nl + 1, end: offset(node, true) })
    } else if ((node.type === 'code' && FENCE.test(text.slice(offset(node)))) || node.type === 'html') {
      out.hidden.push({ start: offset(node), end: offset(node, true) })
    }
  }
  return out
}

function plain(node: Heading | Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('')
  return ''
}
