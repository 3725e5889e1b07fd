import { expect } from 'vitest'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The size a PNG says it is, from its IHDR chunk; fails the test when the bytes are no PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(bytes)
  expect(b.subarray(0, 8).equals(SIGNATURE), 'the PNG signature').toBe(true)
  expect(b.subarray(12, 16).toString('latin1'), 'the first chunk is IHDR').toBe('IHDR')
  const chunks = new Set<string>()
  // Every chunk: 4-byte length, 4-byte type, data, 4-byte CRC; the image ends with IEND.
  for (let at = 8; at + 8 <= b.length; ) {
    const length = b.readUInt32BE(at)
    chunks.add(b.subarray(at + 4, at + 8).toString('latin1'))
    at += 12 + length
  }
  expect(chunks.has('IDAT') && chunks.has('IEND'), 'image data and its end').toBe(true)
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}
