// The `fetch` every Hub request goes through by default, over node:http(s). Node's own fetch
// (undici) adds ~14 MiB of RSS the moment it, Headers or Response is first touched: a seventh of
// a 1 GiB publish's peak, for features no Hub call uses. The Hub client and our calls need a
// subset: string or byte bodies (a Blob or stream too), headers, status, a body read once,
// an abort signal, and redirects followed as fetch follows them. Connections are kept alive.

// (The bundle requires node:http rather than importing it: an ESM import of node:http reads
// every export, WebSocket among them, which loads undici after all.)
import http from 'node:http'
import type { Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage, RequestOptions } from 'node:http'
import https from 'node:https'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 20
const NO_BODY = new Set([101, 204, 205, 304])

type HeadersLike =
  Record<string, string> | Array<[string, string]> | { forEach(callback: (value: string, name: string) => void): void }

/** The Headers subset the Hub client and our calls use: case-insensitive, values joined by ", ". */
export class HttpHeaders {
  private readonly values = new Map<string, string>()
  constructor(init?: HeadersLike | null) {
    if (!init) return
    if (Array.isArray(init)) for (const [name, value] of init) this.append(name, value)
    else if (typeof (init as { forEach?: unknown }).forEach === 'function')
      (init as { forEach(callback: (value: string, name: string) => void): void }).forEach((value, name) =>
        this.append(name, value)
      )
    else for (const [name, value] of Object.entries(init)) if (value !== undefined) this.append(name, String(value))
  }
  /** The headers of a node:http message (a repeated header's values joined by ", "). */
  static fromIncoming(incoming: IncomingHttpHeaders): HttpHeaders {
    const headers = new HttpHeaders()
    for (const [name, value] of Object.entries(incoming)) {
      if (value === undefined) continue
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
    }
    return headers
  }
  append(name: string, value: string): void {
    const key = name.toLowerCase()
    const had = this.values.get(key)
    this.values.set(key, had === undefined ? value : `${had}, ${value}`)
  }
  set(name: string, value: string): void {
    this.values.set(name.toLowerCase(), value)
  }
  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null
  }
  has(name: string): boolean {
    return this.values.has(name.toLowerCase())
  }
  delete(name: string): void {
    this.values.delete(name.toLowerCase())
  }
  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.values) callback(value, name)
  }
  entries(): IterableIterator<[string, string]> {
    return this.values.entries()
  }
  keys(): IterableIterator<string> {
    return this.values.keys()
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.values.entries()
  }
}

/** The Response subset: status, headers, and a body read once (as a stream, bytes, text or JSON). */
export class HttpResponse {
  readonly ok: boolean
  readonly status: number
  readonly statusText: string
  readonly headers: HttpHeaders
  readonly url: string
  readonly redirected: boolean
  readonly type = 'basic'
  bodyUsed = false
  constructor(
    readonly body: ReadableStream<Uint8Array> | null,
    init: { status: number; statusText?: string; headers: HttpHeaders; url: string; redirected?: boolean }
  ) {
    this.status = init.status
    this.ok = init.status >= 200 && init.status < 300
    this.statusText = init.statusText ?? ''
    this.headers = init.headers
    this.url = init.url
    this.redirected = init.redirected ?? false
  }
  async bytes(): Promise<Uint8Array> {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read')
    this.bodyUsed = true
    if (!this.body) return new Uint8Array(0)
    const chunks: Uint8Array[] = []
    const reader = this.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
    }
    return Buffer.concat(chunks)
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes()
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  }
  async text(): Promise<string> {
    return Buffer.from(await this.bytes()).toString('utf8')
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text())
  }
  async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.headers.get('content-type') ?? '' })
  }
}

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true })
} as Record<string, HttpAgent>

function isBlob(body: unknown): body is Blob {
  return !!body && typeof body === 'object' && typeof (body as Blob).stream === 'function' && 'size' in body
}

function isWebStream(body: unknown): body is ReadableStream<Uint8Array> {
  return !!body && typeof body === 'object' && typeof (body as ReadableStream).getReader === 'function'
}

/** The body as bytes to send at once, or a stream to pipe; and the Content-Type it implies. */
function outgoingBody(body: unknown): { bytes?: Buffer; stream?: Readable; size?: number; type?: string } {
  if (body === undefined || body === null) return {}
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), type: 'text/plain;charset=UTF-8' }
  if (body instanceof URLSearchParams)
    return { bytes: Buffer.from(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' }
  if (ArrayBuffer.isView(body)) return { bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength) }
  if (body instanceof ArrayBuffer) return { bytes: Buffer.from(body) }
  if (isBlob(body)) {
    const stream = Readable.fromWeb(body.stream() as NodeReadableStream)
    return { stream, size: body.size, type: body.type || undefined }
  }
  if (isWebStream(body)) return { stream: Readable.fromWeb(body as NodeReadableStream) }
  throw new TypeError(`httpFetch: unsupported request body (${Object.prototype.toString.call(body)})`)
}

function send(url: URL, method: string, headers: HttpHeaders, body: unknown, signal?: AbortSignal | null) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const { bytes, stream, size, type } = outgoingBody(body)
    const outgoing: Record<string, string> = { accept: '*/*', ...Object.fromEntries(headers.entries()) }
    if (type && !headers.has('content-type')) outgoing['content-type'] = type
    const length = bytes?.length ?? size
    if (length !== undefined) outgoing['content-length'] = String(length)
    else if (!stream && method !== 'GET' && method !== 'HEAD') outgoing['content-length'] = '0'
    const options: RequestOptions = {
      method,
      headers: outgoing,
      agent: agents[url.protocol],
      signal: signal ?? undefined
    }
    const request = (url.protocol === 'https:' ? https.request : http.request)(url, options)
    request.once('response', resolve)
    // As fetch rejects: the signal's reason when aborted, else "fetch failed" with the socket's
    // error (its code: ECONNRESET, ECONNREFUSED…) as the cause, which the retry rules read.
    request.once('error', (error) =>
      reject(signal?.aborted ? (signal.reason ?? error) : new TypeError('fetch failed', { cause: error }))
    )
    if (stream) stream.once('error', (error) => request.destroy(error)).pipe(request)
    else request.end(bytes)
  })
}

/**
 * `fetch(input, init)` over node:http(s): redirects followed for up to 20 hops (a 303, or a
 * 301/302 answering a POST, becomes a GET; Authorization is dropped when the origin changes),
 * `redirect: 'error' | 'manual'` honoured, the signal aborting the request and its body.
 */
export async function httpFetch(input: string | URL | { url: string }, init: RequestInit = {}): Promise<Response> {
  let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url)
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`httpFetch: unsupported URL ${url.protocol}`)
  let method = (init.method ?? 'GET').toUpperCase()
  const headers = new HttpHeaders(init.headers as HeadersLike | undefined)
  let body: unknown = init.body
  init.signal?.throwIfAborted()
  for (let hop = 0; ; hop++) {
    const res = await send(url, method, headers, body, init.signal)
    const status = res.statusCode ?? 0
    const location = res.headers.location
    if (REDIRECTS.has(status) && location && init.redirect !== 'manual') {
      res.resume()
      if (init.redirect === 'error')
        throw new TypeError(`fetch failed: ${method} ${url.origin}${url.pathname} redirected`)
      if (hop >= MAX_REDIRECTS) throw new TypeError(`fetch failed: more than ${MAX_REDIRECTS} redirects`)
      const next = new URL(location, url)
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET'
        body = undefined
        headers.delete('content-type')
      } else if (body !== undefined && body !== null && (isBlob(body) || isWebStream(body))) {
        throw new TypeError('fetch failed: a streamed request body cannot follow a redirect')
      }
      if (next.origin !== url.origin) headers.delete('authorization')
      url = next
      continue
    }
    const responseHeaders = HttpHeaders.fromIncoming(res.headers)
    const empty = method === 'HEAD' || NO_BODY.has(status)
    if (empty) res.resume()
    const stream = empty ? null : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>)
    const response = new HttpResponse(stream, {
      status,
      statusText: res.statusMessage ?? '',
      headers: responseHeaders,
      url: url.href,
      redirected: hop > 0
    })
    return response as unknown as Response
  }
}
