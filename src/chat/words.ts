/** A chat message as the lower-case words the phrase lists are written in: no punctuation, no apostrophes. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
}

/** The message as one phrase of its words ("Hi, there!" → "hi there"). */
export function phraseOf(text: string): string {
  return wordsOf(text).join(' ')
}
