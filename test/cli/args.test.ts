import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { type CommandSpec, helpText, parseCommandLine, UsageError } from '../../src/cli/args.js'
import { ROOT } from '../helpers/built.js'

const ask: CommandSpec = {
  name: 'ask',
  usage: '[--json] [question…]',
  description: 'Answers a question.',
  flags: { json: { type: 'boolean', short: 'j', description: 'JSON.' } },
  positionals: true,
}
const none: CommandSpec = { name: 'index', usage: '', description: 'Builds.', flags: {} }

function usageMessage(spec: CommandSpec, argv: string[]): string {
  try {
    parseCommandLine(spec, argv)
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error('expected a UsageError')
}

describe('command-line arguments', () => {
  it('reads flags and the question words, and --help or -h as a request for help', () => {
    expect(parseCommandLine(ask, ['--json', 'is', 'it', 'mandatory?'])).toEqual({
      values: { json: true },
      positionals: ['is', 'it', 'mandatory?'],
      help: false,
    })
    expect(parseCommandLine(ask, ['--help']).help).toBe(true)
    expect(parseCommandLine(ask, ['-h']).help).toBe(true)
    expect(parseCommandLine(ask, ['--', '--help']).positionals).toEqual(['--help'])
  })

  it('refuses an unknown flag on one line, naming the closest known flag', () => {
    const message = usageMessage(ask, ['--jsn', 'is it mandatory?'])
    expect(message).toBe('unknown option --jsn (did you mean --json?); see npm run ask -- --help')
    expect(usageMessage(ask, ['--zzzzzz'])).toBe('unknown option --zzzzzz; see npm run ask -- --help')
  })

  it('refuses words where a command takes none', () => {
    expect(usageMessage(none, ['now'])).toBe(
      "unexpected argument 'now': index takes no words; see npm run index -- --help",
    )
  })

  it('describes every flag, --help included, in the help text', () => {
    const text = helpText(ask)
    expect(text).toContain('Usage: npm run ask -- [--json] [question…]')
    expect(text).toMatch(/-j, --json\s+JSON\./)
    expect(text).toMatch(/-h, --help\s+Show this help and exit\./)
    expect(helpText(none)).toMatch(/^Usage: npm run index\n/)
  })
})

describe('every command line tool', () => {
  const run = (script: string, args: string[]) =>
    spawnSync('npm', ['run', '--silent', script, '--', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    })

  it.each([
    ['ask', 'Usage: npm run ask -- [--json] [--seeds DIR] [--index DIR] [question…]'],
    ['sources', 'Usage: npm run sources -- [--json]'],
    ['index', 'Usage: npm run index -- [--seeds DIR] [--index DIR] [--watch]'],
    ['discord:register', 'Usage: npm run discord:register'],
  ])('npm run %s -- --help prints its usage and exits 0', (script, usage) => {
    const out = run(script, ['--help'])
    expect(out.stdout.split('\n')[0]).toBe(usage)
    expect(out.status).toBe(0)
  })

  it.each([
    ['ask', ['--jsn', 'is it mandatory?'], 'ask: unknown option --jsn (did you mean --json?)'],
    ['sources', ['--jason'], 'sources: unknown option --jason (did you mean --json?)'],
    ['index', ['--force'], 'index: unknown option --force'],
    ['discord:register', ['--guild', '1'], 'discord:register: unknown option --guild'],
  ])('npm run %s with a wrong flag says so on one line and exits 2', (script, args, line) => {
    const out = run(script, args)
    expect(out.status).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr.trim().split('\n')).toHaveLength(1)
    expect(out.stderr).toContain(line)
  })
}, 120_000)
