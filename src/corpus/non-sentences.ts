/**
 * Lines and sentences that are not statements of the text, though they read like sentences: a
 * reference list's entries, photo credits and captions' credits, datelines, and links or social
 * media handles standing alone (an embedded post). They stay part of their passage (quotes are
 * verbatim spans of it) but state no claim.
 */
export type NonSentence = 'reference' | 'credit' | 'dateline' | 'link'

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?'
const TIME =
  '\\d{1,2}(?::\\d{2})?\\s*(?:a\\.?m\\.?|p\\.?m\\.?)?(?:\\s*(?:ET|EST|EDT|PT|PST|PDT|CT|GMT|UTC|BST))?'
const DAY_DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})`

/** "Updated 5:09 a.m. Wednesday:", "Updated at 11:45 p.m. ET", "Published Oct. 3, 2015": a time stamp, not an update's text. */
export const DATELINE_LABEL = new RegExp(
  `^(?:last\\s+)?(?:updated|published|posted|modified)\\s+(?:on\\s+|at\\s+)?(?:(?:${WEEKDAY}|${DAY_DATE}|${TIME}|at|on|,)\\s*)+(?::\\s*|$)`,
  'iu',
)

const REFERENCE: readonly RegExp[] = [
  // Bullen, Jamie. "Title" Publisher. 13 October 2014.
  /^\p{Lu}[\p{L}'’-]+,\s+(?:\p{Lu}[\p{L}'’-]*\.?\s*){1,3}(?:\(\d{4}\)\s*)?\.?\s+["“‘]/u,
  // "Title". Publisher. Retrieved 13 October 2014.
  /\b(?:retrieved|accessed|archived)\s+(?:on\s+|from\s+)?(?:\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})/iu,
  // "Title." Publisher. 13 October 2014.
  new RegExp(`^["“][^"”]{3,200}["”]\\.?\\s+(?:[\\p{L}.&'’-]+\\s+){1,6}?\\.?\\s*${DAY_DATE}\\.?$`, 'iu'),
]

const CREDIT: readonly RegExp[] = [
  /\((?:photo(?:graph)?\s*|image\s*|picture\s*)?(?:credit|courtesy|via)\b[^)]*\)/iu,
  /(?:^|\s|\))(?:photo(?:graph)?|image|picture|photo credit|image credit|credit|source)\s*:\s*\S/iu,
  /©/u,
  /^(?:getty(?:\s+images)?|reuters|afp|ap|epa)(?:\s{2,}|$)/iu,
  /\b(?:getty images|ap photo|afp\/getty|reuters\/|\/ap\b|\/afp\b|\/reuters\b)/iu,
]

// Short links of posts and the like, as embedded tweets show them.
const SHORT_LINK =
  /\b(?:https?:\/\/)?(?:t\.co|pic\.twitter\.com|bit\.ly|youtu\.be|instagram\.com\/p|fb\.me)\/\S*/iu
const LINK_OR_HANDLE =
  /\b(?:https?:\/\/|www\.)\S+|(?:^|\s)[@#][\p{L}\p{N}_]+|\b\S+\.(?:com|org|net|co\.uk|gov|edu|io)\b\S*/giu
// "— Name (@handle) October 6, 2014": the signature line of an embedded post.
const POST_SIGNATURE = new RegExp(`^[—–-]\\s*.{0,80}\\(@[\\p{L}\\p{N}_]+\\)\\s*(?:${DAY_DATE})?\\.?$`, 'iu')

/** Words of a text, roughly (a token holding a letter or a digit). */
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))

/** Words, left when dates, times and links are taken out, that a line needs to be more than a time stamp or a link. */
const MIN_WORDS_LEFT = 4

/**
 * What kind of non-sentence a sentence is, or null for a real one. `line` is the whole line it is
 * on (a reference is told by its line: the detector may cut it at its full stops).
 */
export function nonSentence(text: string, line: string = text): NonSentence | null {
  const t = text.trim()
  const l = line.trim()
  if (REFERENCE.some((re) => re.test(l))) return 'reference'
  if (POST_SIGNATURE.test(l) || SHORT_LINK.test(t)) return 'link'
  if (words(t.replace(LINK_OR_HANDLE, ' ')).length < Math.min(MIN_WORDS_LEFT, words(t).length)) return 'link'
  if (CREDIT.some((re) => re.test(t))) return 'credit'
  if (DATELINE_LABEL.test(t) && words(t.replace(DATELINE_LABEL, '')).length < MIN_WORDS_LEFT)
    return 'dateline'
  const undated = t.replace(new RegExp(`${DAY_DATE}|${WEEKDAY}|${TIME}|\\bby\\b|\\|`, 'giu'), ' ')
  if (/\d/.test(t) && new RegExp(DAY_DATE, 'iu').test(t) && words(undated).length < 3) return 'dateline'
  return null
}
