import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sourceMapImage } from '../../render/source-map-png.js'
import type { SourceMapData } from '../../render/source-map-svg.js'

/** The file name of the map `/sources map` writes (the SVG beside it). */
export const MAP_FILE = 'sources-map.png'

/**
 * Writes the map of the sources as `sources-map.png` (and the SVG it is drawn from, `sources-map.svg`) in
 * `dir` (default: the system's temporary folder, under `citebot/`), and says where, for the console. A folder
 * that cannot be written is said, not thrown.
 */
export function writeSourceMap(map: SourceMapData, dir: string = join(tmpdir(), 'citebot')): string {
  const image = sourceMapImage(map)
  const png = join(dir, MAP_FILE)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(png, image.png)
    writeFileSync(png.replace(/\.png$/, '.svg'), image.svg)
  } catch (error) {
    return `Could not write the map of the sources in ${dir} (${(error as NodeJS.ErrnoException).code ?? error}); check that the folder can be written.`
  }
  return `Map of the sources: ${png} (${image.pngWidth}×${image.pngHeight} PNG; the SVG beside it).`
}
