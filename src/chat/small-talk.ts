import { ABOUT_BOT, BOT_NAMES, GREETINGS, THANKS } from './phrases.js'
import { phraseOf } from './words.js'

/** What kind of small talk a message is: a greeting, thanks, or a question about the bot itself. */
export type SmallTalk = 'greeting' | 'thanks' | 'about'

const greetings = new Set(GREETINGS)
const thanks = new Set(THANKS)
const about = new Set(ABOUT_BOT)
const names = new Set(BOT_NAMES)

/**
 * Reads a whole message as small talk: "hi", "hello citebot", "thanks!", "who are you?", "hi, what can you
 * do?". Null for anything else, so that a question that merely starts with "hi" ("hi, is it mandatory?") is
 * answered as a question. The phrases are the lists in phrases.ts.
 */
export function readSmallTalk(text: string): SmallTalk | null {
  let words = phraseOf(text)
    .split(' ')
    .filter((w) => w !== '')
  if (words.length === 0 || words.length > 12) return null
  // A greeting (and the bot's name) in front of a question about the bot: "hi there, what can you do?".
  let greeted = false
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    if (greetings.has(words.slice(0, n).join(' '))) {
      words = words.slice(n)
      greeted = true
      break
    }
  }
  while (words.length > 0 && names.has(words[0] ?? '')) words = words.slice(1)
  while (words.length > 0 && names.has(words[words.length - 1] ?? '')) words = words.slice(0, -1)
  const rest = words.join(' ')
  if (rest === '') return greeted ? 'greeting' : null
  if (about.has(rest)) return 'about'
  if (thanks.has(rest)) return 'thanks'
  return null
}
