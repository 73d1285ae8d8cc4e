// A loopback stand-in for the GitHub Actions cache service v2, enough for @actions/cache 6's
// restoreCache and saveCache: Twirp JSON GetCacheEntryDownloadURL / CreateCacheEntry /
// FinalizeCacheEntryUpload under ACTIONS_RESULTS_URL (with ACTIONS_CACHE_SERVICE_V2 set), and a
// blob endpoint for the signed URLs (a single-shot PUT, or PUT ?comp=block + ?comp=blocklist, as
// @azure/storage-blob's BlockBlobClient.uploadFile sends; GET of a finalized entry).
// Lookups follow the service: an exact key first, then each restore key as a prefix, newest
// entry first, only entries of the same version (the hash of the paths and compression).
// Other results-service calls (the artifact upload at the end of a run) get Twirp's not_found.
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { blobOk, json, readBody, xmlError } from './blob-service.js'

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/'
const BLOB_PREFIX = '/devstoreaccount1/actions-cache/'

export interface CacheEntry {
  key: string
  version: string
  /** The archive the client uploaded (tar, zstd or gzip compressed). */
  content: Buffer
  createdAt: number
}

export interface FakeCacheService {
  /** Set as ACTIONS_RESULTS_URL (with a trailing slash, like the runner). */
  resultsUrl: string
  /** Twirp calls in order: method and JSON body. */
  calls: Array<{ method: string; body: Record<string, unknown>; authorization?: string }>
  /** Finalized entries by key. */
  entries: Map<string, CacheEntry>
  close(): Promise<void>
}

export async function startFakeCacheService(): Promise<FakeCacheService> {
  const calls: FakeCacheService['calls'] = []
  const entries = new Map<string, CacheEntry>()
  /** key -> version, reserved by CreateCacheEntry and not finalized yet. */
  const reserved = new Map<string, string>()
  const uploads = new Map<string, Buffer>()
  const blocks = new Map<string, Map<string, Buffer>>()
  let clock = 0
  let base = ''

  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', base)
    if (req.method === 'POST' && url.pathname.startsWith('/twirp/')) {
      if (!url.pathname.startsWith(TWIRP)) return json(res, 404, { code: 'not_found', msg: 'no such service here' })
      const method = url.pathname.slice(TWIRP.length)
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>
      calls.push({ method, body, authorization: req.headers.authorization })
      return twirp(res, method, body)
    }
    if (!url.pathname.startsWith(BLOB_PREFIX)) return void res.writeHead(404).end()
    const blob = decodeURIComponent(url.pathname.slice(BLOB_PREFIX.length))
    if (url.searchParams.get('sig') !== 'test-signature') return xmlError(res, 403, 'AuthenticationFailed')
    if (req.method === 'GET' || req.method === 'HEAD') {
      const entry = entries.get(blob)
      if (!entry) return xmlError(res, 404, 'BlobNotFound')
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(entry.content.length),
        'x-ms-blob-type': 'BlockBlob'
      })
      return void res.end(req.method === 'GET' ? entry.content : undefined)
    }
    if (req.method === 'PUT') {
      if (!reserved.has(blob)) return xmlError(res, 404, 'ContainerNotFound')
      const comp = url.searchParams.get('comp')
      if (comp === 'block') {
        if (!blocks.has(blob)) blocks.set(blob, new Map())
        blocks.get(blob)!.set(url.searchParams.get('blockid') ?? '', raw)
        return blobOk(res)
      }
      if (comp === 'blocklist') {
        const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1])
        const staged = blocks.get(blob) ?? new Map<string, Buffer>()
        if (ids.some((id) => !staged.has(id))) return xmlError(res, 400, 'InvalidBlockList')
        uploads.set(blob, Buffer.concat(ids.map((id) => staged.get(id)!)))
        return blobOk(res)
      }
      uploads.set(blob, raw)
      return blobOk(res)
    }
    res.writeHead(405).end()
  })

  const signed = (key: string, permissions: string) =>
    `${base}${BLOB_PREFIX}${encodeURIComponent(key)}?sv=2023-11-03&sr=b&sp=${permissions}&sig=test-signature`

  function twirp(res: ServerResponse, method: string, body: Record<string, unknown>): void {
    const key = String(body.key ?? '')
    const version = String(body.version ?? '')
    if (method === 'GetCacheEntryDownloadURL') {
      const sameVersion = [...entries.values()].filter((e) => e.version === version)
      const exact = sameVersion.find((e) => e.key === key)
      const newest = (prefix: string) =>
        sameVersion.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.createdAt - a.createdAt)[0]
      const restoreKeys = (body.restore_keys as string[] | undefined) ?? []
      const match = exact ?? restoreKeys.map(newest).find(Boolean)
      if (!match) return json(res, 200, { ok: false })
      return json(res, 200, { ok: true, signed_download_url: signed(match.key, 'r'), matched_key: match.key })
    }
    if (method === 'CreateCacheEntry') {
      if (entries.has(key) || reserved.has(key)) {
        return json(res, 200, { ok: false, message: `cache entry ${key} already exists` })
      }
      reserved.set(key, version)
      return json(res, 200, { ok: true, signed_upload_url: signed(key, 'cw') })
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const content = uploads.get(key)
      if (reserved.get(key) !== version || !content) {
        return json(res, 200, { ok: false, message: `no upload for ${key}` })
      }
      if (String(content.length) !== String(body.size_bytes)) {
        return json(res, 200, { ok: false, message: `size ${String(body.size_bytes)} != uploaded ${content.length}` })
      }
      reserved.delete(key)
      entries.set(key, { key, version, content, createdAt: ++clock })
      return json(res, 200, { ok: true, entry_id: String(clock) })
    }
    return json(res, 404, { code: 'bad_route', msg: `no handler for ${method}` })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    resultsUrl: `${base}/`,
    calls,
    entries,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
  }
}
