/** A JSON object, as a platform's frame or payload is read before it is checked field by field. */
export type Loose = Record<string, unknown>

/** True for a non-null object that is not an array. */
export const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A text frame read as a JSON object, or what is wrong with it (`not JSON`, `not a JSON object`). */
export function parseFrame(text: string): { frame: Loose } | { problem: string } {
  let frame: unknown
  try {
    frame = JSON.parse(text)
  } catch {
    return { problem: 'not JSON' }
  }
  return isObject(frame) ? { frame } : { problem: 'not a JSON object' }
}
