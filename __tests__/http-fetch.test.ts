// The node:http fetch under every Hub request: what the Hub client and our calls read of a
// response, redirects as fetch follows them, request bodies, abort and network errors in
// fetch's shape (the retry rules read them), all against a real loopback server.
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { httpFetch } from '../src/hub/http-fetch.js'
import { networkErrorCode } from '../src/hub/transport.js'

interface Seen {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: string
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse, seen: Seen) => void) {
  const seen: Seen[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const entry = { method: req.method!, path: req.url!, headers: req.headers, body }
      seen.push(entry)
      handler(req, res, entry)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

it('sends the method, headers and a string body, and reads status, headers and JSON once', async () => {
  const server = await listen((_req, res) => {
    res.setHeader('X-Request-Id', 'r-1')
    res.setHeader('Link', ['<a>; rel="next"', '<b>; rel="last"'])
    res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"ok":true}')
  })
  try {
    const res = await httpFetch(`${server.url}/api/repos/create`, {
      method: 'post',
      headers: { Authorization: 'Bearer hf_x', 'Content-Type': 'application/json' },
      body: '{"name":"m"}'
    })
    expect([res.status, res.ok, res.headers.get('x-request-id'), res.headers.get('LINK')]).toEqual([
      201,
      true,
      'r-1',
      '<a>; rel="next", <b>; rel="last"'
    ])
    expect(await res.json()).toEqual({ ok: true })
    await expect(res.text()).rejects.toThrow(/already been read/)
    expect(server.seen[0]).toMatchObject({
      method: 'POST',
      path: '/api/repos/create',
      body: '{"name":"m"}',
      headers: { authorization: 'Bearer hf_x', 'content-type': 'application/json', 'content-length': '12' }
    })
  } finally {
    await server.close()
  }
})

it('sends bytes, Blobs and web streams, and gives a HEAD or 204 no body', async () => {
  const server = await listen((_req, res, seen) => res.writeHead(seen.method === 'HEAD' ? 200 : 204).end())
  try {
    await httpFetch(server.url, { method: 'PUT', body: new Uint8Array([104, 105]) })
    await httpFetch(server.url, { method: 'PUT', body: new Blob(['blob body']) })
    const stream = new Blob(['streamed']).stream()
    await httpFetch(server.url, { method: 'PUT', body: stream, duplex: 'half' } as RequestInit)
    expect(server.seen.map((s) => s.body)).toEqual(['hi', 'blob body', 'streamed'])
    expect(server.seen[1].headers['content-length']).toBe('9')
    const head = await httpFetch(server.url, { method: 'HEAD' })
    expect([head.status, head.body]).toEqual([200, null])
    expect(await (await httpFetch(server.url, { method: 'DELETE' })).text()).toBe('')
  } finally {
    await server.close()
  }
})

it('follows redirects as fetch does: 303 turns a POST into a GET, Authorization stays on its origin', async () => {
  const other = await listen((_req, res) => res.writeHead(200).end('elsewhere'))
  const server = await listen((req, res) => {
    if (req.url === '/post') res.writeHead(303, { Location: '/landing' }).end()
    else if (req.url === '/landing') res.writeHead(302, { Location: `${other.url}/file` }).end()
    else res.writeHead(404).end()
  })
  try {
    const res = await httpFetch(`${server.url}/post`, {
      method: 'POST',
      headers: { Authorization: 'Bearer hf_secret', 'Content-Type': 'application/json' },
      body: '{}'
    })
    expect([res.status, res.redirected, res.url, await res.text()]).toEqual([
      200,
      true,
      `${other.url}/file`,
      'elsewhere'
    ])
    expect(server.seen.map((s) => `${s.method} ${s.path} ${s.headers.authorization ?? '-'}`)).toEqual([
      'POST /post Bearer hf_secret',
      'GET /landing Bearer hf_secret'
    ])
    expect(other.seen[0].headers.authorization).toBeUndefined()
    await expect(httpFetch(`${server.url}/landing`, { redirect: 'error' })).rejects.toThrow(/redirected/)
    expect((await httpFetch(`${server.url}/landing`, { redirect: 'manual' })).status).toBe(302)
  } finally {
    await server.close()
    await other.close()
  }
})

it('rejects as fetch does: "fetch failed" with the socket error as cause, or the abort reason', async () => {
  const server = await listen((req) => req.socket.destroy())
  try {
    const reset = await httpFetch(server.url).catch((error: unknown) => error)
    expect(reset).toMatchObject({ name: 'TypeError', message: 'fetch failed' })
    expect(networkErrorCode(reset)).toBe('ECONNRESET')
  } finally {
    await server.close()
  }
  const refused = await httpFetch(server.url).catch((error: unknown) => error)
  expect(networkErrorCode(refused)).toBe('ECONNREFUSED')

  const silent = await listen(() => undefined)
  try {
    const controller = new AbortController()
    const pending = httpFetch(silent.url, { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('publish-timeout reached')), 50)
    await expect(pending).rejects.toThrow('publish-timeout reached')
    await expect(httpFetch(silent.url, { signal: AbortSignal.abort(new Error('already')) })).rejects.toThrow('already')
  } finally {
    silent.close()
  }
})
