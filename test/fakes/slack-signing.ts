import { createHmac } from 'node:crypto'

/**
 * A body for {@link signedRequest}: `json` for Events API callbacks and `url_verification`; `form` for slash
 * commands (string fields); `payload` for interactivity, sent as the form field `payload=<json>`; `raw` for
 * anything else.
 */
export type SignedBody =
  | { json: unknown }
  | { form: Record<string, string> }
  | { payload: unknown }
  | { raw: string; contentType: string }

/** Options for {@link signedRequest}. */
export interface SignedRequestOptions {
  /** Request timestamp in Unix seconds; defaults to now. */
  timestamp?: number
  /** Sign with the wrong secret, so the app must reject the request. */
  badSignature?: boolean
  /** Extra headers, e.g. `x-slack-retry-num`. */
  headers?: Record<string, string>
}

/** What the app answered. `body` is the parsed JSON when the answer was JSON, else the text. */
export interface SignedResponse {
  status: number
  text: string
  body: unknown
  headers: Headers
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`
}

/**
 * Serialises a {@link SignedBody}. The form content type carries no charset on purpose: Bolt's HTTP receivers
 * compare it to `application/x-www-form-urlencoded` exactly and would otherwise parse the body as JSON.
 */
export function encodeBody(body: SignedBody): { raw: string; contentType: string } {
  if ('raw' in body) return body
  if ('json' in body) return { raw: JSON.stringify(body.json), contentType: 'application/json' }
  const form = 'form' in body ? body.form : { payload: JSON.stringify(body.payload) }
  return { raw: new URLSearchParams(form).toString(), contentType: 'application/x-www-form-urlencoded' }
}

/**
 * POSTs a body to a Bolt app's HTTP endpoint (e.g. `http://127.0.0.1:PORT/slack/events`) the way Slack does,
 * with `X-Slack-Request-Timestamp` and `X-Slack-Signature`, and returns the app's answer.
 */
export async function signedRequest(
  url: string,
  secret: string,
  body: SignedBody,
  opts: SignedRequestOptions = {},
): Promise<SignedResponse> {
  const { raw, contentType } = encodeBody(body)
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000)
  const signature = slackSignature(opts.badSignature ? `not-${secret}` : secret, timestamp, raw)
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...opts.headers,
    },
    body: raw,
  })
  const text = await res.text()
  return { status: res.status, text, body: parseMaybeJson(text), headers: res.headers }
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
