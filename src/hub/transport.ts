// The `fetch` handed to @huggingface/hub. The client itself never retries and, with Node's
// built-in fetch, a Blob PUT body is copied in memory (so that it could be replayed on a
// redirect): a 1 GiB weights file cost >1 GiB of RSS. This wrapper fixes both. Underneath is
// httpFetch (node:http), not Node's fetch, unless a caller hands another in.

import { httpFetch } from './http-fetch.js'

export interface RetryOptions {
  /** Attempts in total, the first one included. @default 5 */
  maxAttempts?: number
  /** Delay before the first retry; doubles each time, with full jitter. @default 1000 */
  baseDelayMs?: number
  /** Ceiling of the backoff delay. @default 30000 */
  maxDelayMs?: number
  /**
   * A server asking (Retry-After / RateLimit) to wait longer than this fails at once instead:
   * a job blocked for an hour helps no one. @default 300000
   */
  maxRetryAfterMs?: number
  /** Injected by tests to record the delays instead of waiting them out. */
  sleep?: (ms: number) => Promise<void>
  /** In [0, 1); injected by tests for deterministic jitter. */
  random?: () => number
}

export interface RetryEvent {
  method: string
  /** Origin and path only: query strings of upload URLs carry signatures. */
  url: string
  /** 1-based number of the attempt that failed. */
  attempt: number
  maxAttempts: number
  delayMs: number
  /** e.g. `HTTP 429`, `ECONNRESET`. */
  reason: string
}

export interface HubFetchOptions {
  retry?: RetryOptions
  onRetry?: (event: RetryEvent) => void
  /** The fetch underneath; the global one by default. */
  fetch?: typeof fetch
  /**
   * Whether a request can be sent twice without harm. Others (by default: a commit POST) are
   * retried only on 429, which the Hub answers before doing anything; after a 5xx or a reset
   * one may have landed, so only the caller, who can look at the branch, may decide (commit-once.ts).
   */
  isIdempotent?: (request: { method: string; url: URL }) => boolean
}

const RETRYABLE_STATUS: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])
/** What a commit POST is retried on: the Hub answers 429 before doing anything. */
const RATE_LIMITED: ReadonlySet<number> = new Set([429])

// Node's fetch reports a broken connection as `TypeError: fetch failed` with one of these in
// `cause.code` (undici's own codes for a socket closed by the peer, or the OS's).
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT'
])

const COMMIT_PATH = /^\/api\/(models|datasets|spaces)\/[^/]+\/[^/]+\/commit\//

/** True for the Hub's commit endpoint, which must not be sent twice blindly. */
export function isCommitRequest(request: { method: string; url: URL }): boolean {
  return request.method === 'POST' && COMMIT_PATH.test(request.url.pathname)
}

/** The network error code behind a failed fetch, or null when it isn't a network error. */
export function networkErrorCode(error: unknown): string | null {
  // Duck-typed: under jest's ESM VM, Node's errors are not `instanceof Error` of this realm.
  const err = error as { name?: string; message?: string; code?: string; cause?: unknown } | null
  if (!err || typeof err !== 'object' || err.name === 'AbortError') return null
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && RETRYABLE_NETWORK_CODES.has(code)) return code
    e = (e as { cause?: unknown }).cause
  }
  if (err.message === 'fetch failed') return 'fetch failed'
  return null
}

/**
 * How long the server asked to wait, in ms, from `Retry-After` (seconds or HTTP date) or, failing
 * that, the `t=` (seconds to reset) of the IETF `RateLimit` header the Hub sends, or
 * `RateLimit-Reset`. Null when neither says.
 */
export function serverRequestedDelayMs(headers: { get(name: string): string | null }, now = Date.now()): number | null {
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000)
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  const t = /(?:^|[;,\s])t=(\d+)/.exec(headers.get('ratelimit') ?? '')
  if (t) return Number(t[1]) * 1000
  const reset = headers.get('ratelimit-reset')?.trim()
  if (reset && /^\d+$/.test(reset)) return Number(reset) * 1000
  return null
}

/**
 * How long to wait before asking again after an answer with this status, or null when the
 * answer is final: a status not in `statuses`, or a server asking to wait longer than
 * `maxRetryAfterMs`. The one rule for API calls (createHubFetch) and storage PUTs (put.ts).
 */
export function answerRetryDelayMs(
  answer: { status: number; headers: { get(name: string): string | null } },
  attempt: number,
  retry: RetryOptions = {},
  statuses: ReadonlySet<number> = RETRYABLE_STATUS
): number | null {
  if (!statuses.has(answer.status)) return null
  const requested = serverRequestedDelayMs(answer.headers)
  if (requested !== null && requested > (retry.maxRetryAfterMs ?? 300_000)) return null
  return requested ?? backoffDelayMs(attempt, retry)
}

/** Exponential backoff with full jitter: uniform in [base*2^(n-1)/2, base*2^(n-1)], capped. */
export function backoffDelayMs(attempt: number, retry: RetryOptions = {}): number {
  const base = retry.baseDelayMs ?? 1000
  const max = retry.maxDelayMs ?? 30_000
  const ceiling = Math.min(max, base * 2 ** (attempt - 1))
  const random = retry.random ?? Math.random
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A delay as a log line shows it: `250ms`, `1.5s`. */
export function formatDelay(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`
}

/** Frees the connection of a response whose body won't be read (it would otherwise hold it). */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {})
}

/** A string that names a request without the query (upload URLs carry signatures there). */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`
}

export function isBlobBody(body: unknown): body is Blob {
  return (
    !!body &&
    typeof body === 'object' &&
    typeof (body as Blob).stream === 'function' &&
    typeof (body as Blob).size === 'number'
  )
}

export function isStreamBody(body: unknown): boolean {
  return !!body && typeof body === 'object' && typeof (body as ReadableStream).getReader === 'function'
}

export function toUrl(input: Parameters<typeof fetch>[0]): URL {
  if (input instanceof URL) return input
  if (typeof input === 'string') return new URL(input)
  return new URL((input as Request).url)
}

// Duck-typed: touching the global Request (even for instanceof) loads Node's fetch.
export function requestInput(input: Parameters<typeof fetch>[0]): Request | undefined {
  return typeof input === 'object' && !(input instanceof URL) && 'method' in input ? (input as Request) : undefined
}

/**
 * A `fetch` for @huggingface/hub: bounded memory for large uploads, and retries of 429, 5xx and
 * connection resets with backoff (honouring `Retry-After` / `RateLimit`). A commit POST is
 * retried on 429 only (see `isIdempotent`).
 */
export function createHubFetch(options: HubFetchOptions = {}): typeof fetch {
  const baseFetch = options.fetch ?? (httpFetch as typeof fetch)
  const retry = options.retry ?? {}
  const maxAttempts = Math.max(1, retry.maxAttempts ?? 5)
  const sleep = retry.sleep ?? defaultSleep
  const isIdempotent = options.isIdempotent ?? ((request) => !isCommitRequest(request))

  const hubFetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const url = toUrl(input)
    const method = (init?.method ?? requestInput(input)?.method ?? 'GET').toUpperCase()
    let requestInit: RequestInit | undefined = init
    const body = init?.body
    // A stream can be read once: such a request is never replayed.
    const replayable = !isStreamBody(body) && !requestInput(input)?.body
    if (isBlobBody(body) || isStreamBody(body)) {
      // Without `redirect: "error"` Node's fetch tees the body to replay it on a 307/308,
      // holding the whole file in memory. Upload URLs never redirect.
      requestInit = { ...init, redirect: 'error', ...(isStreamBody(body) && { duplex: 'half' }) } as RequestInit
    }
    const idempotent = isIdempotent({ method, url })

    for (let attempt = 1; ; attempt++) {
      let response: Response | undefined
      let reason: string
      let delayMs: number
      try {
        response = await baseFetch(input, requestInit)
      } catch (error) {
        const code = networkErrorCode(error)
        if (!code || !replayable || !idempotent || attempt >= maxAttempts || init?.signal?.aborted) throw error
        reason = code
        delayMs = backoffDelayMs(attempt, retry)
      }
      if (response) {
        if (!replayable || attempt >= maxAttempts) return response
        const delay = answerRetryDelayMs(response, attempt, retry, idempotent ? RETRYABLE_STATUS : RATE_LIMITED)
        if (delay === null) return response
        reason = `HTTP ${response.status}`
        delayMs = delay
        await discardBody(response)
      }
      options.onRetry?.({ method, url: describeUrl(url), attempt, maxAttempts, delayMs: delayMs!, reason: reason! })
      await sleep(delayMs!)
      if (init?.signal?.aborted) throw init.signal.reason ?? new Error('aborted')
    }
  }
  return hubFetch as typeof fetch
}
