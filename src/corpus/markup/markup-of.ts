import { formatOf } from '../formats.js'
import { looksLikeAsciiDoc } from './asciidoc.js'
import { looksLikeRst } from './rst.js'

/**
 * The markup a text document is read with: AsciiDoc for `.adoc`/`.asciidoc`, reStructuredText
 * for `.rst`, and for a `.txt` file whichever its text shows (git's manuals are AsciiDoc in
 * `.txt` files: `linkgit:` links, `--option::` lists, `----` listings, underlined titles); null
 * for prose, read as an article or post is. Markdown (`.md`) is read as prose with its headings
 * and code blocks known (see markdown.ts).
 */
export function markupOf(file: string, text: string): 'adoc' | 'rst' | null {
  const format = formatOf(file)
  if (format === 'adoc' || format === 'rst') return format
  if (format !== 'txt') return null
  if (looksLikeAsciiDoc(text)) return 'adoc'
  if (looksLikeRst(text)) return 'rst'
  return null
}
