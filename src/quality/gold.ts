import { readFileSync } from 'node:fs'
import { z } from 'zod'

/**
 * An evaluation set in the form of `../shared/eval/dev.json`: questions with what a careful
 * reader expects in the answer. Read by the fitting and quality scripts, never by the engine.
 */
const GoldQuestion = z.object({
  id: z.string(),
  question: z.string(),
  /** Fragments one of which some quote of the first 3 claims must hold. */
  cite_any: z.array(z.string()).optional(),
  /** True when the question is out of scope: the answer must be a refusal. */
  no_answer: z.boolean().optional(),
  /** Whether the claim that states `cite_any` is contested. */
  contested: z.boolean().optional(),
  disputed_by_any: z.array(z.string()).optional(),
  not_support_any: z.array(z.string()).optional(),
})

const GoldSet = z.object({
  attribution: z
    .array(z.object({ fragment: z.string(), voice: z.string(), author: z.string().optional() }))
    .default([]),
  questions: z.array(GoldQuestion),
})

/** One question of an evaluation set. */
export type GoldQuestion = z.infer<typeof GoldQuestion>
/** An evaluation set. */
export type GoldSet = z.infer<typeof GoldSet>

/** Reads an evaluation set; says which file is malformed and where. */
export function readGold(path: string): GoldSet {
  const parsed = GoldSet.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) throw new Error(`${path}: not an evaluation set (${parsed.error.issues[0]?.message})`)
  return parsed.data
}

/** Runs of white space as one space, trimmed. */
export const squash = (s: string | null | undefined): string =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim()

/** A text folded as the scorer compares fragments: case, curly quotes and dashes made plain. */
export const fold = (s: string | null | undefined): string =>
  squash(s)
    .toLowerCase()
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')

/** True when `text` holds `fragment` as the scorer reads it. */
export const holds = (text: string, fragment: string): boolean => fold(text).includes(fold(fragment))
