// Control characters (C0 but tab and newline, DEL, C1), bidirectional controls (embeddings, overrides,
// isolates, marks; Unicode's Bidi_Control) and the deprecated format characters U+206A–U+206F. They are
// invisible or move the text around it: a question posted back (the digest's list, an answer's "❓" line)
// could hide or reverse what follows it, or ring a terminal's bell.
const UNSEEN = /(?![\t\n])[\p{Cc}\p{Bidi_Control}\u206A-\u206F]/gu

/**
 * Text a person typed, fit to store and show: line ends as `\n`, and control characters and
 * bidirectional overrides removed (see {@link UNSEEN}). Tabs, newlines and every visible character stay.
 */
export function typedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSEEN, '')
}
