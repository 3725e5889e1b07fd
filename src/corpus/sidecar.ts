import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/** Metadata for one seed file that its text lacks, from `seeds/sources.json`. */
export const SidecarEntry = z.object({
  /** The source id to use instead of the slug made from its title. */
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional(),
  title: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  /** `YYYY-MM-DD`. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  url: z.string().url().optional(),
  /** Who wrote the text quoted in block quotes (`> `), when the document excerpts another work. */
  quotedAuthor: z.string().min(1).optional(),
  /** Why the entry says what it says (not read by the program). */
  note: z.string().optional(),
})
export type SidecarEntry = z.infer<typeof SidecarEntry>

const Sidecar = z.record(z.string(), SidecarEntry)

/** The file that holds metadata for the seeds, beside them. */
export const SIDECAR_FILE = 'sources.json'

/** Reads `sources.json` in the seeds folder; an empty map when there is none. Throws a clear error when it is malformed. */
export function readSidecar(dir: string): Map<string, SidecarEntry> {
  const path = join(dir, SIDECAR_FILE)
  if (!existsSync(path)) return new Map()
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new Error(
      `seeds/${SIDECAR_FILE} is not valid JSON: ${(cause as Error).message}. Fix the file or remove it.`,
      {
        cause,
      },
    )
  }
  const parsed = Sidecar.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `seeds/${SIDECAR_FILE}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}. Each key is a file name; see README "Adding a document".`,
    )
  }
  return new Map(Object.entries(parsed.data))
}
