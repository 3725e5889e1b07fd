import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/built.js'

const run = (args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync('npm', ['run', '--silent', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  })

/** A folder with one short document written for the test, and where its index goes. */
function otherFolder(): { docs: string; index: string; done: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'citebot-folder-'))
  const docs = join(base, 'docs')
  mkdirSync(docs)
  writeFileSync(
    join(docs, 'heating.md'),
    '---\ntitle: Heating in a test town\nauthor: Jane Doe\n---\nResidents with the top grade get discounts on their heating bills every winter.\n',
  )
  return { docs, index: join(base, 'built'), done: () => rmSync(base, { recursive: true, force: true }) }
}

/** `npm run ask` on a folder and its index, for one JSON answer. */
const askIn = (f: { docs: string; index: string }, question: string) => [
  'ask',
  '--',
  '--json',
  '--seeds',
  f.docs,
  '--index',
  f.index,
  question,
]

describe('the command line', () => {
  it('prints one JSON Answer per line of standard input, in order, skipping blank lines', () => {
    const out = run(['ask', '--', '--json'], 'is it mandatory?\n\nwhat is the weather in Tokyo?\n')
    expect(out.status).toBe(0)
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((a) => a.question)).toEqual(['is it mandatory?', 'what is the weather in Tokyo?'])
    expect(lines[0]).toMatchObject({ answered: true })
    expect(lines[0].claims[0]).toHaveProperty('support')
    expect(lines[0].claims[0].support[0]).toHaveProperty('voice')
    expect(lines[1]).toMatchObject({ answered: false, claims: [] })
  })

  it('prints an answer for a person, with quotes, who said them and the contested note', () => {
    const out = run(['ask', '--', 'is it mandatory?'])
    expect(out.status).toBe(0)
    expect(out.stdout).toContain('⚠ Contested: Edward Lin')
    expect(out.stdout).toContain('— Rick Falkvinge (article)')
  })

  it('prints the sources as a JSON array with passage counts per voice', () => {
    const out = run(['sources', '--', '--json'])
    expect(out.status).toBe(0)
    const list = JSON.parse(out.stdout)
    expect(list).toHaveLength(5)
    const falkvinge = list.find((s: { file: string }) => s.file.startsWith('001'))
    expect(falkvinge.passages.update).toBe(1)
    expect(falkvinge.passages.comment).toBeGreaterThan(30)
    const byId = (id: RegExp) => list.find((s: { id: string }) => id.test(s.id))
    const drawn = (s: { drawsOn: { id: string; evidence: { quote: string }[] }[] }) =>
      s.drawsOn.map((l) => l.id)
    expect(drawn(byId(/daily-caller/))).toContain('aclu-nightmarish-citizen-scores')
    expect(drawn(byId(/aclu/))).toEqual(['falkvinge-credit-score-political-opinions'])
    expect(drawn(byId(/si410/))).toEqual(
      expect.arrayContaining(['aclu-nightmarish-citizen-scores', 'outside:wired']),
    )
    expect(byId(/atlantic/).drawsOn.every((l: { kind: string }) => l.kind === 'outside')).toBe(true)
    expect(
      byId(/aclu/)
        .drawnOnBy.map((l: { id: string }) => l.id)
        .sort(),
    ).toEqual(['daily-caller-chinese-credit-scoring', 'si410-social-credit-system'])
    expect(byId(/aclu/).drawsOn[0].evidence[0].quote.length).toBeGreaterThan(10)
  })

  it('indexes and answers from another folder given with --seeds and --index, leaving seeds/ alone', () => {
    const f = otherFolder()
    try {
      const built = run(['index', '--', '--seeds', f.docs, '--index', f.index])
      expect(built.status).toBe(0)
      expect(existsSync(join(f.index, 'manifest.json'))).toBe(true)
      const out = run(askIn(f, 'discounts on heating bills?'))
      expect(out.status).toBe(0)
      const answer = JSON.parse(out.stdout)
      expect(answer.claims[0].support[0]).toMatchObject({ file: 'heating.md', author: 'Jane Doe' })
      // The same folders from the environment.
      const env = run(['ask', '--', '--json', 'discounts on heating bills?'], undefined, {
        SEEDS_DIR: f.docs,
        INDEX_DIR: f.index,
      })
      expect(JSON.parse(env.stdout).claims[0].support[0].file).toBe('heating.md')
    } finally {
      f.done()
    }
  })

  it('builds the index of a folder that has none when asked, then answers from the built one without rebuilding', () => {
    const f = otherFolder()
    try {
      const args = askIn(f, 'discounts on heating bills?')
      const first = run(args)
      expect(first.status).toBe(0)
      expect(first.stderr).toContain('rebuilding it')
      expect(JSON.parse(first.stdout).claims[0].support[0].file).toBe('heating.md')
      const second = run(args)
      expect(second.status).toBe(0)
      expect(second.stderr).not.toContain('rebuilding')
      expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout))
    } finally {
      f.done()
    }
  })

  it('stops with the usage on an unknown option', () => {
    const out = run(['ask', '--', '--bogus', 'is it mandatory?'])
    expect(out.status).toBe(2)
    expect(out.stderr).toContain('ask: unknown option --bogus')
  })
}, 120_000)
