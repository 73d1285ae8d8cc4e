// A loopback stand-in for the GitHub Actions artifact service, enough for @actions/artifact 6's
// uploadArtifact, listArtifacts and downloadArtifact: Twirp JSON CreateArtifact / FinalizeArtifact /
// ListArtifacts / GetSignedArtifactURL under ACTIONS_RESULTS_URL, and an Azure-Blob-like endpoint
// for the signed URLs (PUT ?comp=block, then PUT ?comp=blocklist, which is what
// @azure/storage-blob's BlockBlobClient.uploadStream sends; GET of a finalized artifact's zip).

import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inflateRawSync } from 'node:zlib'
import { blobOk, json, readBody, xmlError } from './blob-service.js'

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'
/** The client parses the account name from the first path segment of an IP-style blob URL. */
const BLOB_PREFIX = '/devstoreaccount1/actions-results/'

export interface TwirpCall {
  method: 'CreateArtifact' | 'FinalizeArtifact' | 'ListArtifacts' | 'GetSignedArtifactURL' | string
  authorization?: string
  /** The JSON request, field names as in the proto (workflow_run_backend_id, ...). */
  body: Record<string, unknown>
}

export interface StoredArtifact {
  id: number
  name: string
  /** The committed blob: the zip the client streamed. */
  content: Buffer
  /** What FinalizeArtifact reported. */
  size: string
  hash?: string
  /** The run and job that uploaded it, from the token's scope as the client sent them. */
  workflowRunBackendId?: string
  workflowJobRunBackendId?: string
  createdAt?: Date
}

export interface FakeArtifactService {
  /** Set as ACTIONS_RESULTS_URL (with a trailing slash, like the runner). */
  resultsUrl: string
  calls: TwirpCall[]
  /**
   * Finalized artifacts by name. Tests may add (a copy from another service) or delete entries:
   * ListArtifacts and downloads read from here.
   */
  artifacts: Map<string, StoredArtifact>
  /** Blob requests as `METHOD path?query`, to see how the client uploaded. */
  blobRequests: string[]
  close(): Promise<void>
}

export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const calls: TwirpCall[] = []
  const blobRequests: string[] = []
  const artifacts = new Map<string, StoredArtifact>()
  const blocks = new Map<string, Map<string, Buffer>>()
  const committed = new Map<string, Buffer>()
  let nextId = 4200
  let base = ''

  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', base)
    if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
      const method = url.pathname.slice(TWIRP.length)
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>
      calls.push({ method, authorization: req.headers.authorization, body })
      return twirp(res, method, body)
    }
    if (req.method === 'GET' && url.pathname.startsWith(BLOB_PREFIX)) {
      blobRequests.push(`GET ${url.pathname}`)
      if (url.searchParams.get('sig') !== 'test-signature' || url.searchParams.get('sp') !== 'r')
        return xmlError(res, 403, 'AuthenticationFailed')
      const name = decodeURIComponent(url.pathname.slice(BLOB_PREFIX.length).replace(/\.zip$/, ''))
      const stored = artifacts.get(name)
      if (!stored) return xmlError(res, 404, 'BlobNotFound')
      res
        .writeHead(200, {
          'content-type': 'application/zip',
          'content-length': String(stored.content.length),
          'content-disposition': `attachment; filename="${encodeURIComponent(name)}.zip"`,
          'x-ms-blob-type': 'BlockBlob'
        })
        .end(stored.content)
      return
    }
    if (req.method === 'PUT' && url.pathname.startsWith(BLOB_PREFIX)) {
      blobRequests.push(`PUT ${url.pathname}?comp=${url.searchParams.get('comp') ?? ''}`)
      const blob = url.pathname.slice(BLOB_PREFIX.length)
      if (url.searchParams.get('sig') !== 'test-signature') return xmlError(res, 403, 'AuthenticationFailed')
      const comp = url.searchParams.get('comp')
      if (comp === 'block') {
        const blockId = url.searchParams.get('blockid') ?? ''
        if (!blocks.has(blob)) blocks.set(blob, new Map())
        blocks.get(blob)!.set(blockId, raw)
        return blobOk(res)
      }
      if (comp === 'blocklist') {
        const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1])
        const staged = blocks.get(blob) ?? new Map<string, Buffer>()
        const missing = ids.filter((id) => !staged.has(id))
        if (missing.length) return xmlError(res, 400, 'InvalidBlockList')
        committed.set(blob, Buffer.concat(ids.map((id) => staged.get(id)!)))
        return blobOk(res)
      }
      // A single-shot PUT (BlockBlobClient.upload) would land here.
      committed.set(blob, raw)
      return blobOk(res)
    }
    res.writeHead(404).end()
  })

  function twirp(res: ServerResponse, method: string, body: Record<string, unknown>): void {
    const name = String(body.name ?? '')
    if (method === 'CreateArtifact') {
      if (artifacts.has(name)) {
        // What the real service says when a matrix's jobs pick the same name.
        return json(res, 409, {
          code: 'already_exists',
          msg: 'an artifact with this name already exists on the workflow run'
        })
      }
      return json(res, 200, {
        ok: true,
        signed_upload_url: `${base}${BLOB_PREFIX}${encodeURIComponent(name)}.zip?sv=2023-11-03&sr=b&sp=cw&sig=test-signature`
      })
    }
    if (method === 'FinalizeArtifact') {
      const content = committed.get(`${encodeURIComponent(name)}.zip`)
      if (!content) return json(res, 404, { code: 'not_found', msg: `no upload for artifact ${name}` })
      const id = nextId++
      const hash = (body.hash as string | undefined) ?? undefined
      artifacts.set(name, {
        id,
        name,
        content,
        size: String(body.size),
        hash,
        workflowRunBackendId: body.workflow_run_backend_id as string | undefined,
        workflowJobRunBackendId: body.workflow_job_run_backend_id as string | undefined,
        createdAt: new Date()
      })
      // int64 fields are strings in proto JSON.
      return json(res, 200, { ok: true, artifact_id: String(id) })
    }
    if (method === 'ListArtifacts') {
      // The run's artifacts (any job of it), optionally narrowed by name_filter (a StringValue:
      // a plain string in JSON) or id_filter (an Int64Value: a decimal string).
      const run = body.workflow_run_backend_id
      const listed = [...artifacts.values()].filter(
        (a) =>
          (a.workflowRunBackendId === undefined || a.workflowRunBackendId === run) &&
          (body.name_filter === undefined || a.name === body.name_filter) &&
          (body.id_filter === undefined || String(a.id) === String(body.id_filter))
      )
      return json(res, 200, {
        artifacts: listed.map((a) => ({
          workflow_run_backend_id: a.workflowRunBackendId ?? run,
          workflow_job_run_backend_id: a.workflowJobRunBackendId ?? '',
          database_id: String(a.id),
          name: a.name,
          size: String(a.content.length),
          ...(a.createdAt ? { created_at: a.createdAt.toISOString() } : {}),
          ...(a.hash ? { digest: a.hash } : {})
        }))
      })
    }
    if (method === 'GetSignedArtifactURL') {
      const stored = artifacts.get(name)
      if (
        !stored ||
        (stored.workflowRunBackendId !== undefined && stored.workflowRunBackendId !== body.workflow_run_backend_id)
      ) {
        return json(res, 404, { code: 'not_found', msg: `no artifact ${name} in this run` })
      }
      return json(res, 200, {
        signed_url: `${base}${BLOB_PREFIX}${encodeURIComponent(name)}.zip?sv=2023-11-03&sr=b&sp=r&sig=test-signature`
      })
    }
    return json(res, 404, { code: 'bad_route', msg: `no handler for ${method}` })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    resultsUrl: `${base}/`,
    calls,
    artifacts,
    blobRequests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
  }
}

/**
 * A runtime token shaped like the runner's: the client only decodes the payload (no signature
 * check) and reads `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>` from `scp`.
 */
export function fakeRuntimeToken(runBackendId: string, jobBackendId: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const header = encode({ alg: 'none', typ: 'JWT' })
  const payload = encode({
    scp: `Actions.GenericRead:00000000 Actions.Results:${runBackendId}:${jobBackendId}`,
    exp: 4102444800
  })
  return `${header}.${payload}.signature`
}

/** Files of a zip (central directory based, stored or deflated entries), by name. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a zip: no end-of-central-directory record')
  const count = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`)
    const method = zip.readUInt16LE(offset + 10)
    const compressedSize = zip.readUInt32LE(offset + 20)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const localOffset = zip.readUInt32LE(offset + 42)
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    const localNameLength = zip.readUInt16LE(localOffset + 26)
    const localExtraLength = zip.readUInt16LE(localOffset + 28)
    const start = localOffset + 30 + localNameLength + localExtraLength
    const data = zip.subarray(start, start + compressedSize)
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return files
}
