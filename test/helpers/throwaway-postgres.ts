import { execFile, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from './free-port.js'

/** A PostgreSQL server of its own, on 127.0.0.1 and a free port, in a temporary directory, with trust login. */
export interface ThrowawayPostgres {
  /** The URL of its `postgres` database, as superuser `citebot` (no password). */
  url: string
  /** The server's version, e.g. `15.18`. */
  version: string
  /** Stops the server at once and deletes its directory. */
  stop(): Promise<void>
}

const run = promisify(execFile)

// Debian's postgresql packages keep the server programs out of PATH, under /usr/lib/postgresql/<major>/bin.
function binDir(): string {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (majors[0] !== undefined) return join(root, majors[0], 'bin')
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir
  }
  throw new Error(
    'PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH): the Postgres store is ' +
      'tested on a real server. Install it with `apt-get install -y postgresql` (what .ci/run does), then run again.',
  )
}

/**
 * Starts a throwaway PostgreSQL: `initdb` into a temporary directory, then `pg_ctl start` on 127.0.0.1 at a free
 * port, with durability off (fsync, synchronous commit: nothing in it needs to survive a crash). initdb refuses
 * to run as root, so as root the server runs as the `postgres` user that Debian's package creates.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), 'citebot-postgres-'))
  const data = join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  const as = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args]
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  await run(...as('initdb', ['-D', data, '-U', 'citebot', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N']))
  const serverOptions = [
    '-c listen_addresses=127.0.0.1',
    `-k ${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ]
  let port = 0
  for (let attempt = 1; ; attempt++) {
    port = await freePort()
    try {
      await run(
        ...as('pg_ctl', [
          '-D',
          data,
          '-l',
          join(dir, 'server.log'),
          '-w',
          '-t',
          '30',
          '-o',
          `-p ${port} ${serverOptions.join(' ')}`,
          'start',
        ]),
      )
      break
    } catch (error) {
      // Another program may have taken the port between freePort() and the start.
      if (attempt >= 3) {
        const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : ''
        rmSync(dir, { recursive: true, force: true })
        throw new Error(`could not start PostgreSQL: ${String(error)}\n${log}`)
      }
    }
  }
  const url = `postgres://citebot@127.0.0.1:${port}/postgres`
  const client = new pg.Client(url)
  await client.connect()
  const version = String((await client.query('SHOW server_version')).rows[0]?.server_version ?? '?')
  await client.end()
  return {
    url,
    version,
    async stop() {
      await run(...as('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])).catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Makes a new, empty database on the server of `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client(adminUrl)
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** Drops databases made by {@link createDatabase}, closing any connection still open to them. */
export async function dropDatabases(adminUrl: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return
  const client = new pg.Client(adminUrl)
  await client.connect()
  try {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
