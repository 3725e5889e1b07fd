/** What the language check found: whether a message looks like a language other than English. */
export interface LanguageGuess {
  /** True when the message is most likely not English. */
  foreign: boolean
  /** The ISO 639-1 code of the language found, or null when unknown. */
  language: string | null
}

/** Least share of a message's letters in another script than Latin for it to be not English. Default 0.5. */
export const NON_LATIN_SHARE = 0.5

/**
 * Whether most of a message's letters are of a script other than Latin (Han, Kana, Hangul, Cyrillic, Arabic,
 * Devanagari…): such a message is not English whatever its words, and needs no statistics to tell.
 */
export function mostlyNonLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? []
  if (letters.length === 0) return false
  const latin = letters.filter((ch) => /\p{Script=Latin}/u.test(ch)).length
  return (letters.length - latin) / letters.length > NON_LATIN_SHARE
}

type Detector = { detect(text: string): { language: string; isReliable(): boolean } }
let detector: Promise<Detector> | null = null

/**
 * Guesses whether a message is in a language other than English: by its script, then with the `eld` language
 * detector (its small n-gram database, loaded on first use), trusting it only when it calls its own guess
 * reliable and the message has at least two words. Meant for questions the sources did not answer, to tell
 * "not in the sources" from "not in English".
 */
export async function guessLanguage(text: string): Promise<LanguageGuess> {
  if (mostlyNonLatin(text)) return { foreign: true, language: null }
  if ((text.match(/\p{L}+/gu) ?? []).length < 2) return { foreign: false, language: null }
  detector ??= import('eld/small').then((m) => m.eld as Detector)
  const result = (await detector).detect(text)
  const language = result.language === '' ? null : result.language
  return { foreign: language !== null && language !== 'en' && result.isReliable(), language }
}
