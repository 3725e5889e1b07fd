import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listSeedFiles } from '../corpus/seed-files.js'
import { SIDECAR_FILE } from '../corpus/sidecar.js'
import { INDEX_FORMAT, type Manifest } from './index-data.js'

/** The manifest the seeds folder calls for now: a hash of every document and of the sidecar. */
export function currentManifest(seedsDir: string): Manifest {
  const seeds: Record<string, string> = {}
  const files = [...listSeedFiles(seedsDir)]
  if (existsSync(join(seedsDir, SIDECAR_FILE))) files.push(SIDECAR_FILE)
  for (const file of files.sort()) {
    seeds[file] = createHash('sha256')
      .update(readFileSync(join(seedsDir, file)))
      .digest('hex')
  }
  return { format: INDEX_FORMAT, seeds }
}

/** What differs between two manifests, for a person: files added, changed and removed. */
export function manifestChanges(built: Manifest | null, now: Manifest): string[] {
  if (!built) return ['no index was built yet']
  if (built.format !== now.format) return [`the index format changed (${built.format} → ${now.format})`]
  const out: string[] = []
  for (const [file, hash] of Object.entries(now.seeds)) {
    if (!(file in built.seeds)) out.push(`${file} was added`)
    else if (built.seeds[file] !== hash) out.push(`${file} changed`)
  }
  for (const file of Object.keys(built.seeds)) if (!(file in now.seeds)) out.push(`${file} was removed`)
  return out
}
