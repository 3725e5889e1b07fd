import { createRequire } from 'node:module'
import { Resvg } from '@resvg/resvg-js'
import { type SourceMapData, type SourceMapSvg, sourceMapSvg } from './source-map-svg.js'

/** The map of the sources as a picture: the PNG's bytes, its size in pixels, and the SVG it was drawn from. */
export interface SourceMapImage extends SourceMapSvg {
  png: Buffer
  /** The PNG's size in pixels (the SVG's times `scale`). */
  pngWidth: number
  pngHeight: number
}

/** How the picture is drawn. */
export interface SourceMapImageOptions {
  /** Pixels of the PNG per pixel of the SVG. Default 1.5 (sharp on high-density screens, small enough to upload). */
  scale: number
}

const require = createRequire(import.meta.url)
// The fonts come with the dejavu-fonts-ttf package, so the picture reads the same on any machine, fonts
// installed or not; resvg draws it with no browser (its binary is in its npm package).
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${f}`),
)

/** Draws the map of the sources (see `sourceMapSvg`) and renders it to a PNG. */
export function sourceMapImage(
  data: SourceMapData,
  options: Partial<SourceMapImageOptions> = {},
): SourceMapImage {
  const scale = options.scale ?? 1.5
  const drawn = sourceMapSvg(data)
  const resvg = new Resvg(drawn.svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: FONTS, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  })
  const image = resvg.render()
  return { ...drawn, png: image.asPng(), pngWidth: image.width, pngHeight: image.height }
}
