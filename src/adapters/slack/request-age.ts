import type { RequestListener } from 'node:http'
import type { Logger } from '../../logger.js'

/** How far a request's `X-Slack-Request-Timestamp` may be from local time, either way, in seconds: 5 minutes. */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60

/**
 * Refuses (401, as for a bad signature) a request whose `X-Slack-Request-Timestamp` is more than 5 minutes
 * from local time in either direction, as Slack's guide to verifying requests says: Bolt refuses only the old
 * ones, so a signed request dated ahead could be replayed until its date. Requests without the header (Slack's
 * `ssl_check`, or anything Bolt refuses anyway) are left to Bolt.
 */
export function refuseSkewedRequests(
  listener: RequestListener,
  log: Logger,
  now: () => number = Date.now,
): RequestListener {
  return (req, res) => {
    const header = req.headers['x-slack-request-timestamp']
    const sent = typeof header === 'string' && header.trim() !== '' ? Number(header) : Number.NaN
    const skew = Math.round(now() / 1000 - sent)
    if (Number.isFinite(skew) && Math.abs(skew) > MAX_REQUEST_SKEW_SECONDS) {
      log.warn(
        { skewSeconds: skew },
        `refused a Slack request dated ${Math.abs(skew)} s ${skew < 0 ? 'ahead of' : 'behind'} local time (more than 5 minutes either way)`,
      )
      req.resume()
      res.writeHead(401).end()
      return
    }
    listener(req, res)
  }
}
