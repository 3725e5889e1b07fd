/**
 * Markup syntax that is no words of the text: AsciiDoc's `linkgit:git-blame[1]`, `{litdd}`,
 * `<<anchor,label>>`, `[[anchor]]` and inline macros (`link:url[label]`, `footnote:[…]`),
 * reStructuredText's roles (`` :ref:`label` ``) and link targets (`` `label <url>`_ ``),
 * Markdown's link targets (`[label](url)`) and HTML tags. Quotes stay verbatim spans of a file,
 * so markup is never removed from the text: it is blanked out, character for character, before
 * the text is cut into words, and every word keeps its offsets.
 */
const MARKUP = new RegExp(
  [
    // linkgit:git-blame[1] → git-blame
    String.raw`\b(linkgit:)[^\s[\]]+(\[\w*\])`,
    // {litdd}, {nbsp}: attribute references
    String.raw`(\{[A-Za-z0-9_][\w-]*\})`,
    // <<anchor,label>> → label; <<anchor>> → anchor
    String.raw`(<<)(?:([^,<>\n]+,)[^<>\n]*|[^<>\n]+)(>>)`,
    // [[anchor]], [[[reference]]]
    String.raw`(\[\[\[?[^\]\s]+\]\]\]?)`,
    // link:url[label], footnote:[text], image:file.png[alt], https://host/path[label]
    String.raw`\b((?:link|mailto|footnote|footnoteref|pass|kbd|btn|menu|image|xref|anchor|indexterm2?|stem|latexmath|asciimath|https?|ftp|irc|file):[^\s[\]]*\[)`,
    // :ref:`label`, :command:`git blame`: reStructuredText roles
    String.raw`(?<![\w:]):[a-z][\w.+-]*:(?=\x60)`,
    // `label <https://…>`_, :ref:`label <target>` → label
    String.raw`(\s<[^<>\s\x60]+>)(?=\x60)`,
    // [label](https://…) → label
    String.raw`\](\([^()\s]+(?:\s+"[^"\n]*")?\))`,
    // HTML tags of prose (<br>, <em>, </a>), never a placeholder such as <commit>
    String.raw`(<\/?(?:a|b|i|u|s|em|strong|br|p|div|span|code|pre|sup|sub|img|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|hr|kbd|details|summary|small|blockquote|dl|dt|dd|var|tt)(?:\s[^<>\n]*)?\/?>)`,
  ].join('|'),
  'g',
)

// Characters without which none of the markup above can be there: most sentences skip the scan.
const HINT = /[:{<[\]]/

/** `text` with markup syntax blanked out by spaces (same length, the same offsets for every word). */
export function maskMarkup(text: string): string {
  if (!HINT.test(text)) return text
  return text.replace(MARKUP, (match, ...groups: unknown[]) => {
    // The capture groups are the parts to blank out; what lies between them stays.
    const parts = groups.slice(0, -2).filter((g): g is string => typeof g === 'string')
    if (parts.length === 0) return ' '.repeat(match.length)
    let out = match
    let from = 0
    for (const part of parts) {
      const at = out.indexOf(part, from)
      if (at < 0) continue
      out = out.slice(0, at) + ' '.repeat(part.length) + out.slice(at + part.length)
      from = at + part.length
    }
    return out
  })
}
