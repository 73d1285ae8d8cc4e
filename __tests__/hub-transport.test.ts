import { whoAmI } from '@huggingface/hub'
import { backoffDelayMs, createHubFetch, isCommitRequest, serverRequestedDelayMs } from '../src/hub/transport.js'
import type { RetryEvent } from '../src/hub/transport.js'
import { startHubServer } from './support/hub-server.js'
import type { HubServer } from './support/hub-server.js'

const TOKEN = 'hf_transportWriteToken000000'

describe('createHubFetch with the real client', () => {
  let hub: HubServer
  beforeEach(async () => {
    hub = await startHubServer({ tokens: { [TOKEN]: { user: 'alice', role: 'write' } } })
  })
  afterEach(() => hub.close())

  function recordingFetch() {
    const delays: number[] = []
    const events: RetryEvent[] = []
    const fetch = createHubFetch({
      retry: { maxAttempts: 4, baseDelayMs: 8, sleep: async (ms) => void delays.push(ms), random: () => 1 },
      onRetry: (e) => events.push(e)
    })
    return { fetch, delays, events }
  }

  it('retries a 429 after the Retry-After the server asked for', async () => {
    hub.fault('whoami', { kind: 'status', status: 429, headers: { 'Retry-After': '3' } })
    const { fetch, delays, events } = recordingFetch()
    const me = await whoAmI({ hubUrl: hub.url, accessToken: TOKEN, fetch })
    expect(me.name).toBe('alice')
    expect(delays).toEqual([3000])
    expect(events).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: `${hub.url}/api/whoami-v2`,
        attempt: 1,
        maxAttempts: 4,
        reason: 'HTTP 429'
      })
    ])
    expect(hub.count('whoami')).toBe(2)
  })

  it('falls back to the RateLimit header when there is no Retry-After', async () => {
    hub.fault('whoami', { kind: 'status', status: 429, headers: { RateLimit: '"api";r=0;t=7' } })
    const { fetch, delays } = recordingFetch()
    await whoAmI({ hubUrl: hub.url, accessToken: TOKEN, fetch })
    expect(delays).toEqual([7000])
  })

  it('retries 503s with exponential backoff', async () => {
    hub.fault('whoami', { kind: 'status', status: 503 }, 2)
    const { fetch, delays } = recordingFetch()
    expect((await whoAmI({ hubUrl: hub.url, accessToken: TOKEN, fetch })).name).toBe('alice')
    expect(delays).toEqual([8, 16])
    expect(hub.count('whoami')).toBe(3)
  })

  it('retries a connection reset', async () => {
    hub.fault('whoami', { kind: 'reset' })
    const { fetch, events } = recordingFetch()
    expect((await whoAmI({ hubUrl: hub.url, accessToken: TOKEN, fetch })).name).toBe('alice')
    expect(events).toHaveLength(1)
    expect(events[0].reason).toMatch(/ECONNRESET|UND_ERR_SOCKET|fetch failed/)
  })

  it('gives up after maxAttempts and returns the last answer', async () => {
    hub.fault('whoami', { kind: 'status', status: 503 }, 10)
    const { fetch, delays } = recordingFetch()
    await expect(whoAmI({ hubUrl: hub.url, accessToken: TOKEN, fetch })).rejects.toMatchObject({ statusCode: 503 })
    expect(delays).toHaveLength(3)
    expect(hub.count('whoami')).toBe(4)
  })

  it('does not retry a client error', async () => {
    const { fetch, delays } = recordingFetch()
    await expect(whoAmI({ hubUrl: hub.url, accessToken: 'hf_unknown_token_123456', fetch })).rejects.toMatchObject({
      statusCode: 401
    })
    expect(delays).toEqual([])
  })

  it('fails at once when the server asks to wait longer than maxRetryAfterMs', async () => {
    hub.fault('whoami', { kind: 'status', status: 429, headers: { 'Retry-After': '3600' } })
    const delays: number[] = []
    const fetch = createHubFetch({ retry: { maxRetryAfterMs: 60_000, sleep: async (ms) => void delays.push(ms) } })
    await expect(whoAmI({ hubUrl: hub.url, accessToken: TOKEN, fetch })).rejects.toMatchObject({ statusCode: 429 })
    expect(delays).toEqual([])
  })

  it('never re-sends a commit after a 5xx or a reset, but does after a 429', async () => {
    const { fetch, delays } = recordingFetch()
    const url = `${hub.url}/api/models/alice/m/commit/main`
    hub.fault('commit', { kind: 'status', status: 503 })
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(503)
    hub.fault('commit', { kind: 'reset' })
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow(/fetch failed/)
    expect(hub.count('commit')).toBe(2)
    hub.fault('commit', { kind: 'status', status: 429, headers: { 'Retry-After': '1' } })
    // The repo doesn't exist: the re-sent commit reaches the handler, which answers 401/404.
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401)
    expect(delays).toEqual([1000])
    expect(hub.count('commit')).toBe(4)
  })
})

describe('transport helpers', () => {
  it('reads Retry-After as seconds or an HTTP date, then RateLimit, then RateLimit-Reset', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(serverRequestedDelayMs(new Headers({ 'Retry-After': '2' }), now)).toBe(2000)
    expect(serverRequestedDelayMs(new Headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000)
    expect(serverRequestedDelayMs(new Headers({ RateLimit: '"api";r=0;t=42' }), now)).toBe(42000)
    expect(serverRequestedDelayMs(new Headers({ 'RateLimit-Reset': '9' }), now)).toBe(9000)
    expect(serverRequestedDelayMs(new Headers(), now)).toBeNull()
  })

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelayMs(1, { baseDelayMs: 100, random: () => 0 })).toBe(50)
    expect(backoffDelayMs(3, { baseDelayMs: 100, random: () => 1 })).toBe(400)
    expect(backoffDelayMs(20, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 })).toBe(1000)
  })

  it('recognises commit requests only', () => {
    expect(isCommitRequest({ method: 'POST', url: new URL('https://hf.co/api/models/a/b/commit/main') })).toBe(true)
    expect(isCommitRequest({ method: 'POST', url: new URL('https://hf.co/api/models/a/b/preupload/main') })).toBe(false)
    expect(isCommitRequest({ method: 'GET', url: new URL('https://hf.co/api/models/a/b/commits/main') })).toBe(false)
  })
})
