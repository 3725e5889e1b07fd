import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/built.js'

const run = (args: string[], input?: string) =>
  spawnSync('npm', ['run', '--silent', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 })

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
}, 120_000)
