import type { types } from '@slack/bolt'
import { SLACK_LIMITS } from './limits.js'

/** A Block Kit block, as Slack's Web API takes it. */
export type SlackBlock = types.KnownBlock

/** A message as `chat.postMessage`, `respond()` and `chat.postEphemeral` take it. */
export interface SlackMessage {
  /** The notification and screen-reader fallback: plain words, escaped, no mention tokens. */
  text: string
  /** The message itself, within {@link SLACK_LIMITS}. */
  blocks: SlackBlock[]
}

/** Slack's limits as the renderers use them; tests pass smaller ones. */
export type SlackLimits = { readonly [K in keyof typeof SLACK_LIMITS]: number }

/** Characters of a button's `value`, as Slack documents it. */
export const BUTTON_VALUE_MAX = 2000

/** A section of mrkdwn text. */
export function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } }
}

/** A context block of mrkdwn elements (small grey text). */
export function context(...texts: string[]): SlackBlock {
  return { type: 'context', elements: texts.map((text) => ({ type: 'mrkdwn', text })) }
}

/** A divider line. */
export function divider(): SlackBlock {
  return { type: 'divider' }
}

/** `1 claim` / `3 claims`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** What {@link packSections} made: the section texts and how many entries did not fit. */
export interface Packed {
  texts: string[]
  dropped: number
}

/**
 * Packs whole entries (never cut) into as few section texts of at most `max` characters as it can, in order,
 * the first one starting with `head`; at most `maxSections` sections. An entry that cannot fit a section (the
 * first one with its head) is dropped and counted, as are the entries after the last section fills up. No text
 * is made of the head alone.
 */
export function packSections(
  entries: readonly string[],
  max: number,
  options: { head?: string; maxSections?: number } = {},
): Packed {
  const maxSections = options.maxSections ?? Number.POSITIVE_INFINITY
  const head = options.head ?? ''
  const texts: string[] = []
  let current = head
  let dropped = 0
  for (const [i, entry] of entries.entries()) {
    const joined = current === '' ? entry : `${current}\n${entry}`
    if (joined.length <= max) {
      current = joined
      continue
    }
    // Too long for any section (or for the first one, after its head): drop it whole.
    if (current === head || entry.length > max) {
      dropped += 1
      continue
    }
    if (texts.length + 1 >= maxSections) {
      dropped += entries.length - i
      break
    }
    texts.push(current)
    current = entry
  }
  if (current !== head) texts.push(current)
  return { texts, dropped }
}

/**
 * Appends `line` to the last section text when it fits there, else returns it as an extra text. Used for the
 * "N more quotes left out" lines.
 */
export function appendLine(texts: string[], line: string, max: number): string[] {
  const last = texts[texts.length - 1]
  if (last !== undefined && last.length + 1 + line.length <= max) {
    return [...texts.slice(0, -1), `${last}\n${line}`]
  }
  return [...texts, line]
}

type Loose = Record<string, unknown>

const textOf = (t: unknown): string =>
  typeof t === 'object' && t !== null && typeof (t as Loose).text === 'string'
    ? ((t as Loose).text as string)
    : ''

/**
 * Every way a message breaks Slack's limits (empty when it is within them): block count, section, header,
 * context, button and fallback text lengths, button values.
 */
export function limitProblems(message: SlackMessage, limits: SlackLimits = SLACK_LIMITS): string[] {
  const problems: string[] = []
  if (message.blocks.length > limits.blocks)
    problems.push(`${message.blocks.length} blocks > ${limits.blocks}`)
  if (message.text.length > limits.messageText) problems.push(`text ${message.text.length} chars`)
  for (const [i, raw] of message.blocks.entries()) {
    const block = raw as unknown as Loose
    const at = `block ${i} (${String(block.type)})`
    if (block.type === 'section' && textOf(block.text).length > limits.sectionText) {
      problems.push(`${at}: section text ${textOf(block.text).length} > ${limits.sectionText}`)
    }
    if (block.type === 'header' && textOf(block.text).length > limits.headerText) {
      problems.push(`${at}: header text ${textOf(block.text).length} > ${limits.headerText}`)
    }
    const elements = Array.isArray(block.elements) ? (block.elements as Loose[]) : []
    if (block.type === 'context' && elements.length > limits.contextElements) {
      problems.push(`${at}: ${elements.length} context elements > ${limits.contextElements}`)
    }
    for (const e of elements) {
      if (block.type === 'context' && textOf(e).length > limits.sectionText) {
        problems.push(`${at}: context text ${textOf(e).length} > ${limits.sectionText}`)
      }
      if (e.type !== 'button') continue
      if (textOf(e.text).length > limits.buttonText) problems.push(`${at}: button text too long`)
      if (typeof e.value === 'string' && e.value.length > BUTTON_VALUE_MAX) {
        problems.push(`${at}: button value ${e.value.length} > ${BUTTON_VALUE_MAX}`)
      }
    }
  }
  return problems
}
