// The stopword package ships no type declarations; we use only its English list.
declare module 'stopword' {
  /** English stop words, lower-case. */
  export const eng: readonly string[]
}
