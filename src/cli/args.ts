import { parseArgs } from 'node:util'
import { closestName } from '../closest-name.js'

/** A flag a command takes (besides `--help`, which every command has). */
export interface FlagSpec {
  /** `boolean` for a switch, `string` for a flag with a value. */
  type: 'boolean' | 'string'
  /** One-letter alias, e.g. `j` for `-j`. */
  short?: string
  /** What it does, for `--help`. */
  description: string
}

/** What a command line accepts and how `--help` describes it. */
export interface CommandSpec {
  /** The npm script, e.g. `ask` (used in messages: `npm run ask -- --help`). */
  name: string
  /** The usage line after `npm run <name> --`, e.g. `[--json] [question…]`. */
  usage: string
  /** What the command does, a sentence or two. */
  description: string
  flags: Record<string, FlagSpec>
  /** Whether words that are not flags are accepted (a question). Default false. */
  positionals?: boolean
  /** Extra lines of `--help` (examples). */
  examples?: readonly string[]
}

/** The parsed command line: the flags given and the other words. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
}

/** Exit code of a command-line usage error (as in sysexits' EX_USAGE tradition for shells: 2). */
export const USAGE_EXIT = 2

/** A bad command line: one line that names the problem and points to `--help`. */
export class UsageError extends Error {
  override name = 'UsageError'
  readonly code = 'CLI_USAGE'
}

/** The `--help` text of a command. */
export function helpText(spec: CommandSpec): string {
  const help: FlagSpec = { type: 'boolean', short: 'h', description: 'Show this help and exit.' }
  const all: Record<string, FlagSpec> = { ...spec.flags, help }
  const flags = Object.entries(all).map(([name, f]) => {
    const left = `${f.short ? `-${f.short}, ` : '    '}--${name}${f.type === 'string' ? ' <value>' : ''}`
    return `  ${left.padEnd(22)} ${f.description}`
  })
  return [
    `Usage: npm run ${spec.name}${spec.usage === '' ? '' : ` -- ${spec.usage}`}`,
    '',
    spec.description,
    '',
    'Options:',
    ...flags,
    ...(spec.examples && spec.examples.length > 0
      ? ['', 'Examples:', ...spec.examples.map((e) => `  ${e}`)]
      : []),
  ].join('\n')
}

/**
 * Parses `argv` strictly (node:util parseArgs): an unknown flag, a missing value or an unexpected word is a
 * `UsageError` whose message is one line, with the closest known flag when there is one. `--help` is
 * reported as `help: true` for the caller to print {@link helpText}.
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): ParsedArgs & { help: boolean } {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  }
  for (const [name, f] of Object.entries(spec.flags))
    options[name] = f.short ? { type: f.type, short: f.short } : { type: f.type }
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: spec.positionals === true,
    })
    const { help, ...rest } = values as Record<string, string | boolean | undefined>
    return { values: rest, positionals, help: help === true }
  } catch (error) {
    throw usageError(spec, error, Object.keys(options))
  }
}

function usageError(spec: CommandSpec, error: unknown, known: string[]): UsageError {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  const named = /'([^']+)'/.exec(message)?.[1] ?? ''
  const hint = `; see npm run ${spec.name} -- --help`
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const bare = named.replace(/^-+/, '')
    const near = bare.length > 1 ? closestName(bare, known) : null
    const suggestion = near !== null ? ` (did you mean --${near}?)` : ''
    return new UsageError(`unknown option ${named}${suggestion}${hint}`)
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`unexpected argument '${named}': ${spec.name} takes no words${hint}`)
  }
  // A missing value (--flag without one) or any other parse problem: the first line of node's message.
  return new UsageError(`${message.split('\n')[0]?.replace(/\.$/, '') ?? message}${hint}`)
}

/**
 * The command line for a CLI's main: parsed, or `--help` printed (exit 0), or the usage error printed on one
 * line to standard error (exit 2). Returns null when the process should stop.
 */
export function commandLine(
  spec: CommandSpec,
  argv: readonly string[] = process.argv.slice(2),
): ParsedArgs | null {
  try {
    const parsed = parseCommandLine(spec, argv)
    if (parsed.help) {
      process.stdout.write(`${helpText(spec)}\n`)
      return null
    }
    return parsed
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${spec.name}: ${error.message}\n`)
    process.exitCode = USAGE_EXIT
    return null
  }
}
