/** An error and its causes, outermost first (`cause`, or `original` as Slack's Web API client names it). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  for (let e = error; e !== undefined && e !== null && chain.length < 8; ) {
    chain.push(e)
    const loose = e as { cause?: unknown; original?: unknown }
    e = typeof e === 'object' ? (loose.cause ?? loose.original) : undefined
  }
  return chain
}

/**
 * The system error code of a request that reached no server (`ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`,
 * undici's `UND_ERR_CONNECT_TIMEOUT`…) found in the error or its causes, or null when there is none.
 */
export function unreachableCode(error: unknown): string | null {
  for (const e of causes(error)) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code)) return code
  }
  return null
}

/** The innermost cause's message, on one line: "connect ECONNREFUSED 127.0.0.1:9", "bad port". */
export function innermostMessage(error: unknown): string {
  const chain = causes(error)
  const last = chain.findLast((e) => e instanceof Error) as Error | undefined
  return (last?.message ?? String(error)).replace(/\s+/g, ' ').trim()
}
