import { describe, expect, it } from 'vitest'
import { sourceMapOf } from '../../src/chat/sources.js'
import { sourceMapImage } from '../../src/render/source-map-png.js'
import { sourceMapSvg, wrap } from '../../src/render/source-map-svg.js'
import { seedEngine } from '../helpers/built.js'
import { pngSize } from '../helpers/png.js'

const data = () => sourceMapOf(seedEngine().kb)
const textNodes = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '')
const fromXml = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')

describe('the map of the sources', () => {
  it('opens as a PNG of the size of its drawing, times its scale', () => {
    const image = sourceMapImage(data(), { scale: 1.5 })
    expect(pngSize(image.png)).toEqual({
      width: Math.round(image.width * 1.5),
      height: Math.round(image.height * 1.5),
    })
    expect(image.pngWidth).toBe(Math.round(image.width * 1.5))
  })

  it('holds every source’s name, author and date in its text, and every outside work, dimmed', () => {
    const { svg } = sourceMapSvg(data())
    const texts = textNodes(svg).map(fromXml)
    for (const n of data().nodes) expect(texts.join(' ')).toContain(n.name.split(' ').slice(0, 3).join(' '))
    expect(texts).toContain('Falkvinge’s post')
    expect(texts).toContain('The Atlantic article')
    expect(texts).toContain('Rick Falkvinge · 2015-10-03')
    expect(texts).toContain('Jay Stanley · 2015-10-05')
    expect(svg).toMatch(/<g data-node="outside:wired" opacity="0.75">/)
  })

  it('draws an arrow for each link, thin and dashed for a low one', () => {
    const d = data()
    const { svg } = sourceMapSvg(d)
    expect(svg.match(/marker-end=/g)).toHaveLength(d.links.length)
    const low = sourceMapSvg({ ...d, links: [{ ...(d.links[0] as (typeof d.links)[number]), level: 'low' }] })
    expect(low.svg).toContain('stroke-dasharray="5 4" marker-end')
  })

  it('wraps a long title into lines and ends the last kept one with “…”', () => {
    expect(wrap('one two three four five six', 9, 2)).toEqual(['one two', 'three…'])
    expect(wrap('short', 9, 2)).toEqual(['short'])
  })
})
