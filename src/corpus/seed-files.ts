import { readdirSync } from 'node:fs'
import { formatOf } from './formats.js'

/**
 * The document files in a seeds folder (see `DOCUMENT_EXTENSIONS`), sorted by name. Apart from
 * the readers, so that checking an index against its seeds loads none of them.
 */
export function listSeedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && formatOf(e.name) !== null)
    .map((e) => e.name)
    .sort()
}
