import { EventEmitter } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FakeFiles } from './slack-files.js'
import { parseBody, readBytes, sendJson } from './slack-http.js'
import { FAKE_IDS } from './slack-payloads.js'
import {
  type EnvelopeAck,
  type EnvelopeOptions,
  type EnvelopeType,
  SocketModeServer,
} from './slack-socket.js'
import { defaultHandlers, type FakeCall, type MethodHandler } from './slack-web-api.js'

export type { FakeFile } from './slack-files.js'
export * from './slack-logger.js'
export * from './slack-payloads.js'
export * from './slack-signing.js'
export type { EnvelopeAck, EnvelopeOptions, EnvelopeType, SocketAck } from './slack-socket.js'
export type { FakeCall, MethodHandler } from './slack-web-api.js'

/** One recorded POST to a `response_url` made by {@link FakeSlack.responseUrl}. */
export interface FakeResponse {
  kind: 'response'
  id: string
  body: Record<string, unknown>
  headers: Record<string, string | string[] | undefined>
  at: number
  status: number
}

/** Anything the fake records: a Web API call or a response_url post. */
export type FakeEntry = FakeCall | FakeResponse

/**
 * A scripted failure for {@link FakeSlack.failNext}. With `status` the fake answers that HTTP status (plus a
 * `Retry-After: <retryAfter>` header when given) and `{ ok: false, error }`; with only `error` it answers HTTP 200
 * `{ ok: false, error }`, which the web-api client raises as a platform error.
 */
export interface Failure {
  status?: number
  /** Seconds, sent as the `Retry-After` header. The web-api client waits this long, then retries. */
  retryAfter?: number
  error?: string
}

/** Key for {@link FakeSlack.failNext} that fails the next POST to any response_url instead of a Web API method. */
export const RESPONSE_URL = 'response_url'

/**
 * A fake Slack on 127.0.0.1: Web API at {@link apiUrl}, Socket Mode WebSocket at {@link socketUrl} (what
 * `apps.connections.open` returns) and `response_url` endpoints. Start it with {@link startFakeSlack}; give an app
 * `clientOptions: { slackApiUrl: fake.apiUrl }`. Stop the app before {@link close}.
 */
export class FakeSlack {
  /** Every Web API call, in arrival order, failed ones included. */
  readonly calls: FakeCall[] = []
  /** Every POST to a response_url, in arrival order. */
  readonly responses: FakeResponse[] = []
  /** The Socket Mode server (acks received, connection count, disconnect). */
  readonly socket = new SocketModeServer(FAKE_IDS.appId)
  /** Files uploaded through `files.getUploadURLExternal` → the upload URL → `files.completeUploadExternal`. */
  readonly uploads = new FakeFiles(() => this.baseUrl)
  private readonly failures = new Map<string, Failure[]>()
  private readonly handlers = new Map<string, MethodHandler>(Object.entries(defaultHandlers))
  private readonly recorded = new EventEmitter()
  private readonly server: Server
  private responseIds = 0

  private constructor(
    private readonly port: number,
    server: Server,
  ) {
    this.server = server
    this.handlers.set('files.getUploadURLExternal', this.uploads.getUploadUrl)
    this.handlers.set('files.completeUploadExternal', this.uploads.complete)
  }

  /** Starts a fake on an OS-assigned port. Prefer {@link startFakeSlack}. */
  static async start(): Promise<FakeSlack> {
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', resolve)
    })
    const fake = new FakeSlack((server.address() as AddressInfo).port, server)
    server.on('request', (req, res) => {
      fake.onRequest(req, res).catch((err: unknown) => sendJson(res, 500, { ok: false, error: String(err) }))
    })
    server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/socket')) fake.socket.handleUpgrade(req, socket, head)
      else socket.destroy()
    })
    return fake
  }

  /** `http://127.0.0.1:PORT`. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** The value for `clientOptions.slackApiUrl`: `http://127.0.0.1:PORT/api/`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`
  }

  /** The Socket Mode URL that `apps.connections.open` hands out. */
  get socketUrl(): string {
    return `ws://127.0.0.1:${this.port}/socket?ticket=fake&app_id=${FAKE_IDS.appId}`
  }

  /** The calls to one Web API method; `{ ok: true }` keeps only the successful ones. */
  callsTo(method: string, filter: { ok?: boolean } = {}): FakeCall[] {
    return this.calls.filter((c) => c.method === method && (filter.ok === undefined || c.ok === filter.ok))
  }

  /** Queues a failure for the next call to `method` (or {@link RESPONSE_URL}); several queue up in order. */
  failNext(method: string, failure: Failure): void {
    if (failure.status === undefined && failure.error === undefined) {
      throw new Error('fake Slack: failNext needs a status or an error')
    }
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure])
  }

  /** Replaces how the fake answers `method` (until {@link close}). */
  setHandler(method: string, handler: MethodHandler): void {
    this.handlers.set(method, handler)
  }

  /** A fresh response_url on this fake: `http://127.0.0.1:PORT/response/<id>`. */
  responseUrl(): string {
    this.responseIds += 1
    return `${this.baseUrl}/response/R${this.responseIds}`
  }

  /** Sends a Socket Mode envelope; resolves with the app's ack and its latency, rejects after 3 s without one. */
  sendEnvelope(type: EnvelopeType, payload: unknown, opts: EnvelopeOptions = {}): Promise<EnvelopeAck> {
    return this.socket.sendEnvelope(type, payload, opts)
  }

  /** Resolves with the first recorded entry (past or future) matching `predicate`; rejects after `timeoutMs`. */
  waitFor<T extends FakeEntry>(predicate: (entry: FakeEntry) => entry is T, timeoutMs?: number): Promise<T>
  waitFor(predicate: (entry: FakeEntry) => boolean, timeoutMs?: number): Promise<FakeEntry>
  waitFor(predicate: (entry: FakeEntry) => boolean, timeoutMs = 5000): Promise<FakeEntry> {
    const found = [...this.calls, ...this.responses].find(predicate)
    if (found !== undefined) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const onEntry = (entry: FakeEntry) => {
        if (!predicate(entry)) return
        clearTimeout(timer)
        this.recorded.off('entry', onEntry)
        resolve(entry)
      }
      const timer = setTimeout(() => {
        this.recorded.off('entry', onEntry)
        const seen = this.calls.map((c) => `${c.method}(${c.status})`).join(', ') || 'none'
        reject(new Error(`fake Slack: nothing matched within ${timeoutMs} ms; calls so far: ${seen}`))
      }, timeoutMs)
      this.recorded.on('entry', onEntry)
    })
  }

  /** Waits for a call to `method` that satisfies `predicate` (default: any call). */
  waitForCall(method: string, predicate: (call: FakeCall) => boolean = () => true, timeoutMs = 5000) {
    return this.waitFor(
      (e): e is FakeCall => e.kind === 'call' && e.method === method && predicate(e),
      timeoutMs,
    )
  }

  /** Waits for a response_url post that satisfies `predicate` (default: any). */
  waitForResponse(predicate: (response: FakeResponse) => boolean = () => true, timeoutMs = 5000) {
    return this.waitFor((e): e is FakeResponse => e.kind === 'response' && predicate(e), timeoutMs)
  }

  /** Closes sockets, HTTP connections and the server. Call after `app.stop()`. */
  async close(): Promise<void> {
    await this.socket.close()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.recorded.removeAllListeners()
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl)
    const bytes = await readBytes(req)
    const upload = /^\/upload\/(\w+)$/.exec(url.pathname)?.[1]
    if (upload !== undefined && req.method === 'POST') {
      const answer = this.uploads.receive(upload, await uploadedBytes(bytes, req.headers['content-type']))
      res.writeHead(answer.status, { 'content-type': 'text/plain' })
      res.end(answer.text)
      return
    }
    const body = parseBody(bytes.toString('utf8'), req.headers['content-type'], url.searchParams)
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1]
    const response = /^\/response\/([\w-]+)$/.exec(url.pathname)?.[1]
    if (api !== undefined) return this.answerApi(api, body, req, res)
    if (response !== undefined && req.method === 'POST') return this.answerResponse(response, body, req, res)
    sendJson(res, 404, { ok: false, error: 'unknown_path' })
  }

  private answerApi(
    method: string,
    body: Record<string, unknown>,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const auth = req.headers.authorization
    const token = auth?.startsWith('Bearer ')
      ? auth.slice(7)
      : typeof body.token === 'string'
        ? body.token
        : undefined
    const failure = this.takeFailure(method)
    const status = failure?.status ?? 200
    let answer: Record<string, unknown>
    if (failure !== undefined) {
      answer = { ok: false, error: failure.error ?? (status === 429 ? 'ratelimited' : 'fatal_error') }
    } else if (method === 'apps.connections.open') {
      // Real Slack says not_allowed_token_type for a bot token, which Socket Mode retries for ever; invalid_auth
      // makes app.start() fail at once instead.
      answer = token?.startsWith('xapp-')
        ? { ok: true, url: this.socketUrl }
        : { ok: false, error: 'invalid_auth' }
    } else {
      answer = (this.handlers.get(method) ?? (() => ({ ok: true })))({ method, body, token })
    }
    const headers: Record<string, string> = {}
    if (failure?.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter)
    const ok = status === 200 && answer.ok === true
    this.record({
      kind: 'call',
      method,
      body,
      token,
      headers: req.headers,
      at: Date.now(),
      status,
      ok,
      response: answer,
    })
    sendJson(res, status, answer, headers)
  }

  private answerResponse(
    id: string,
    body: Record<string, unknown>,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const failure = this.takeFailure(RESPONSE_URL)
    const status = failure?.status ?? 200
    this.record({ kind: 'response', id, body, headers: req.headers, at: Date.now(), status })
    const answer = failure === undefined ? { ok: true } : { ok: false, error: failure.error ?? 'expired_url' }
    sendJson(
      res,
      status,
      answer,
      failure?.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) },
    )
  }

  private takeFailure(key: string): Failure | undefined {
    const [first, ...rest] = this.failures.get(key) ?? []
    if (rest.length > 0) this.failures.set(key, rest)
    else this.failures.delete(key)
    return first
  }

  private record(entry: FakeEntry): void {
    if (entry.kind === 'call') this.calls.push(entry)
    else this.responses.push(entry)
    this.recorded.emit('entry', entry)
  }
}

/**
 * The file's bytes of a POST to an upload URL: the body itself, or, when it is multipart (the web-api client
 * sends `multipart/form-data`), its one file part.
 */
async function uploadedBytes(body: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.includes('multipart/form-data')) return body
  const form = await new Request('http://fake/upload', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new Uint8Array(body),
  }).formData()
  for (const value of form.values())
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer())
  return Buffer.alloc(0)
}

/** Starts a {@link FakeSlack} on 127.0.0.1 with an OS-assigned port. */
export function startFakeSlack(): Promise<FakeSlack> {
  return FakeSlack.start()
}
