import pg from 'pg'

/** Something queries run on: the pool, or one client inside a transaction. */
export interface Queryable {
  /** The rows of one statement, `$1`, `$2`… bound to `params`. */
  rows<R>(sql: string, params?: readonly unknown[]): Promise<R[]>
  /** How many rows one statement changed. */
  changed(sql: string, params?: readonly unknown[]): Promise<number>
}

/** A connection pool to one Postgres database. */
export interface PgDb extends Queryable {
  /** Runs `work` in one transaction (READ COMMITTED) on one connection: committed when it resolves, else rolled back. */
  transaction<T>(work: (q: Queryable) => Promise<T>): Promise<T>
  /** The URL without its password, for messages. */
  readonly where: string
  /** Closes every connection; harmless twice. */
  end(): Promise<void>
}

/** Options of {@link createPgDb}. */
export interface PgDbOptions {
  /** How long opening a connection may take, in ms. */
  connectTimeoutMs: number
  /** The most connections the pool opens. */
  maxConnections: number
}

/** A pool on the database at `url` (connections are opened on first use). */
export function createPgDb(url: string, options: PgDbOptions): PgDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections,
    connectionTimeoutMillis: options.connectTimeoutMs,
    // Names the connections in pg_stat_activity, unless the URL names them itself.
    fallback_application_name: 'citebot',
  })
  // An idle connection that breaks (the server restarted) is dropped by the pool; the next query opens another
  // one and reports the error if the server is still away. Without a listener the error would end the process.
  pool.on('error', () => undefined)
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async rows<R>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, params as unknown[])).rows as R[]
    },
    async changed(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, params as unknown[])).rowCount ?? 0
    },
  })
  let ended = false
  return {
    ...on(pool),
    where: redactedUrl(url),
    async transaction(work) {
      const client = await pool.connect()
      let broken: unknown
      try {
        await client.query('BEGIN')
        const result = await work(on(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          broken = rollback
        })
        throw error
      } finally {
        // A connection whose ROLLBACK failed is in an unknown state: the pool must not hand it out again.
        client.release(broken instanceof Error ? broken : undefined)
      }
    },
    async end() {
      if (ended) return
      ended = true
      await pool.end()
    },
  }
}

/** `url` with its password replaced by `***` (user, host, port and database kept), for logs and errors. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the URL in DATABASE_URL (it does not parse as a URL)'
  }
}
