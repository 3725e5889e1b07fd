import { describe, expect, it } from 'vitest'
import { readWordNet } from '../../src/search/wordnet.js'

describe('WordNet, read lazily', () => {
  const wn = readWordNet()

  it('reads a synset from its data file by the key the index gives', () => {
    const [key] = wn.senses.get('mandatory')?.find((keys) => keys[0]?.startsWith('a')) ?? []
    expect(key).toMatch(/^a\d{8}$/)
    const s = wn.synsets.get(key ?? '')
    expect(s?.words).toContain('mandatory')
    // "mandatory" is a satellite of "compulsory", whose antonym is "optional".
    const head = s?.pointers.find((p) => p.symbol === '&')
    const antonym = wn.synsets.get(head?.target ?? '')?.pointers.find((p) => p.symbol === '!')
    expect(wn.synsets.get(antonym?.target ?? '')?.words).toContain('optional')
  })

  it('knows no synset at an offset that starts none, or of a part of speech it lacks', () => {
    const [key = ''] = wn.senses.get('score')?.[0] ?? []
    const offset = Number.parseInt(key.slice(1), 10)
    expect(wn.synsets.get(`n${String(offset + 3).padStart(8, '0')}`)).toBeUndefined()
    expect(wn.synsets.get('x00000001')).toBeUndefined()
    expect(wn.synsets.get('n99999999')).toBeUndefined()
  })
})
