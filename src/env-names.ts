import { closestName } from './closest-name.js'

/** The prefixes of the variables citebot reads; another name with one of them is probably misspelt. */
export const OWN_PREFIXES = ['SLACK_', 'DISCORD_', 'CITEBOT_'] as const

/**
 * One warning per variable named like citebot's (`SLACK_*`, `DISCORD_*`, `CITEBOT_*`) that citebot does not
 * read, with the closest name it does read: `SLACK_BOT_TOKN is not a setting citebot reads; did you mean
 * SLACK_BOT_TOKEN?`. `where` says where a name was set (the environment or `.env`).
 */
export function unknownNameWarnings(names: ReadonlyMap<string, string>, known: readonly string[]): string[] {
  const warnings: string[] = []
  for (const [name, where] of names) {
    if (known.includes(name) || !OWN_PREFIXES.some((p) => name.startsWith(p))) continue
    const near = closestName(name, known)
    warnings.push(
      `${name} (in ${where}) is not a setting citebot reads${near ? `; did you mean ${near}?` : '; it is ignored.'}`,
    )
  }
  return warnings
}
