// Sending one commit's files the way the Hub's clients do: preupload (which files go to LFS),
// the LFS transfer (lfs.ts), then one NDJSON commit. We do it ourselves because @huggingface/hub's
// commit can't be handed the hash the secret check already computed, and hashes every file again.

import { HubApiError } from '@huggingface/hub'
import type { CommitOutput } from '@huggingface/hub'
import type { RepoAccess } from './files.js'
import { fileBytes, fileHead } from './local-files.js'
import type { PreparedFile } from './local-files.js'
import type { RetryEvent, RetryOptions } from './transport.js'

export interface UploadRequest extends RepoAccess {
  branch: string
  createPr: boolean
  files: PreparedFile[]
  /** Bytes of an LFS file handed to the connection so far (a retried part counts once). */
  onUploaded?: (path: string, bytes: number) => void
  /** PUT requests in flight at once, parts of multipart uploads included. @default UPLOAD_CONCURRENCY */
  concurrency?: number
  /** Retries of each storage PUT (the API calls retry in `fetch`). */
  retry?: RetryOptions
  onRetry?: (event: RetryEvent) => void
  /** Stops every upload (the publish deadline, a cancelled job). */
  signal?: AbortSignal
  /** A PUT that moves no byte this long fails. */
  idleTimeoutMs?: number
}

export interface CommitMessage {
  title: string
  description?: string
  parentCommit?: string
}

/**
 * Requests in flight at once: the Hub's storage takes each PUT at the speed of one stream, so a
 * few streams fill the link; each holds two 512 KiB buffers (see put.ts).
 */
export const UPLOAD_CONCURRENCY = 4
const PREUPLOAD_BATCH = 100
export const LFS_JSON = 'application/vnd.git-lfs+json'

const repoApi = (r: RepoAccess) => `${r.hubUrl}/api/models/${r.repoId}`
const prQuery = (r: UploadRequest) => (r.createPr ? '?create_pr=1' : '')
export const bearer = (r: RepoAccess) => ({ Authorization: `Bearer ${r.accessToken}` })

/** A failed response as the client's errors are (statusCode, requestId, the Hub's own message). */
export async function apiError(res: Response, what?: string): Promise<HubApiError> {
  const requestId = res.headers.get('x-request-id') ?? undefined
  let message = `Api error with status ${res.status}${what ? `. ${what}` : ''}`
  const body = await res.text().catch(() => '')
  try {
    const json = JSON.parse(body) as { error?: string; message?: string }
    message = json.error || json.message || message
  } catch {
    // Not JSON: the status says enough.
  }
  const trailer = [`URL: ${res.url.split('?')[0]}`, requestId && `Request ID: ${requestId}`].filter(Boolean).join('. ')
  return new HubApiError(res.url, res.status, requestId, `${message}. ${trailer}`)
}

async function postJson<T>(request: RepoAccess, url: string, body: unknown): Promise<T> {
  const res = await request.fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer(request) },
    body: JSON.stringify(body)
  })
  if (!res.ok) throw await apiError(res)
  return (await res.json()) as T
}

/** The paths the Hub wants through LFS (by size, extension, content sample and .gitattributes). */
export async function lfsPaths(request: UploadRequest): Promise<Set<string>> {
  const { files } = request
  const attributes = files.find((f) => f.path === '.gitattributes')
  const gitAttributes = attributes && (await fileBytes(attributes)).toString('utf8')
  const lfs = new Set<string>()
  for (let i = 0; i < files.length; i += PREUPLOAD_BATCH) {
    const batch = files.slice(i, i + PREUPLOAD_BATCH)
    const payload = {
      ...(gitAttributes !== undefined && { gitAttributes }),
      files: await Promise.all(
        batch.map(async (f) => ({ path: f.path, size: f.size, sample: (await fileHead(f, 512)).toString('base64') }))
      )
    }
    const url = `${repoApi(request)}/preupload/${encodeURIComponent(request.branch)}${prQuery(request)}`
    const json = await postJson<{ files: Array<{ path: string; uploadMode: string }> }>(request, url, payload)
    for (const f of json.files) if (f.uploadMode === 'lfs') lfs.add(f.path)
  }
  return lfs
}

/**
 * The commit itself: every file in one NDJSON request (small ones inline, LFS ones by oid), so
 * the Hub applies all of them or none.
 */
export async function postCommit(
  request: UploadRequest,
  message: CommitMessage,
  lfsOids: Map<string, string>
): Promise<CommitOutput> {
  const lines: unknown[] = [
    {
      key: 'header',
      value: { summary: message.title, description: message.description, parentCommit: message.parentCommit }
    }
  ]
  for (const file of request.files) {
    const oid = lfsOids.get(file.path)
    lines.push(
      oid
        ? { key: 'lfsFile', value: { path: file.path, algo: 'sha256', size: file.size, oid } }
        : {
            key: 'file',
            value: { path: file.path, content: (await fileBytes(file)).toString('base64'), encoding: 'base64' }
          }
    )
  }
  const url = `${repoApi(request)}/commit/${encodeURIComponent(request.branch)}${prQuery(request)}`
  const res = await request.fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-ndjson', ...bearer(request) },
    body: lines.map((line) => JSON.stringify(line)).join('\n')
  })
  if (!res.ok) throw await apiError(res)
  const json = (await res.json()) as {
    commitOid?: string
    commitUrl?: string
    pullRequestUrl?: string
    hookOutput?: string
  }
  return {
    commit: { oid: json.commitOid ?? '', url: json.commitUrl ?? '' },
    hookOutput: json.hookOutput ?? '',
    ...(json.pullRequestUrl && { pullRequestUrl: json.pullRequestUrl })
  }
}
