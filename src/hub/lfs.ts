// The LFS transfer of one commit's large files: each file's git-lfs batch call, then its bytes
// (one PUT, or the Hub's multipart parts) through the PUT queue, then its verify or completion
// call. Each file is hashed once (the hash the secret check and the re-run check made is the one
// sent; a file nobody hashed yet is hashed while the one before uploads), several files and
// parts are in flight at once, and each is read from disk lazily so memory stays flat whatever
// the sizes.

import { HubApiError } from '@huggingface/hub'
import { sha256Of } from './local-files.js'
import type { PreparedFile } from './local-files.js'
import { createPutter } from './put.js'
import type { Putter, PutRange, PutResponse } from './put.js'
import { createPutQueue } from './put-queue.js'
import type { PutQueue } from './put-queue.js'
import { apiError, bearer, LFS_JSON, UPLOAD_CONCURRENCY } from './upload.js'
import type { UploadRequest } from './upload.js'

/**
 * Hashes the LFS files one after the other and uploads each as soon as its hash is known, while
 * the next is hashed. Returns each file's oid. The first failure stops the rest.
 */
export async function uploadLfsFiles(request: UploadRequest, files: PreparedFile[]): Promise<Map<string, string>> {
  const concurrency = Math.max(1, request.concurrency ?? UPLOAD_CONCURRENCY)
  const putter = createPutter({
    retry: request.retry,
    onRetry: request.onRetry,
    maxSockets: concurrency,
    idleTimeoutMs: request.idleTimeoutMs
  })
  const abort = new AbortController()
  if (request.signal) {
    request.signal.throwIfAborted()
    request.signal.addEventListener('abort', () => abort.abort(request.signal?.reason), { once: true })
  }
  const queue = createPutQueue(concurrency, abort.signal)
  const oids = new Map<string, string>()
  const uploads: Promise<void>[] = []
  const sending = new Map<string, Promise<void>>()
  let failure: { error: unknown } | undefined
  const fail = (error: unknown) => {
    failure ??= { error }
    abort.abort()
  }
  for (const file of files) {
    if (failure) break
    try {
      const oid = await sha256Of(file)
      oids.set(file.path, oid)
      // The same bytes under two paths are one LFS object: sent once.
      const same = sending.get(oid)
      if (same) {
        uploads.push(same.then(() => request.onUploaded?.(file.path, file.size), fail))
        continue
      }
      const upload = uploadLfsFile({ ...request, putter, queue, signal: abort.signal }, file, oid)
      sending.set(oid, upload)
      uploads.push(upload.catch(fail))
    } catch (error) {
      fail(error)
    }
  }
  await Promise.all(uploads)
  putter.close()
  if (failure) throw failure.error
  return oids
}

interface LfsAction {
  href: string
  header?: Record<string, string>
}
interface LfsBatchObject {
  oid: string
  size: number
  error?: { code: number; message: string }
  actions?: { upload?: LfsAction; verify?: LfsAction }
}

interface LfsContext extends UploadRequest {
  putter: Putter
  queue: PutQueue
  signal: AbortSignal
}

/** A storage PUT that must succeed: the range's bytes sent, or an error naming the file. */
async function put(request: LfsContext, range: Omit<PutRange, 'signal'>, what: string): Promise<PutResponse> {
  const res = await request.putter.put({ ...range, signal: request.signal })
  if (res.status < 200 || res.status >= 300) {
    let message = res.text.slice(0, 300)
    try {
      const json = JSON.parse(res.text) as { error?: string; message?: string }
      message = json.error || json.message || message
    } catch {
      // Storage errors are often XML: the excerpt is the message.
    }
    throw new HubApiError(res.url, res.status, undefined, `${what}: HTTP ${res.status} ${message}`.trim())
  }
  return res
}

async function uploadLfsFile(request: LfsContext, file: PreparedFile, oid: string): Promise<void> {
  const { signal } = request
  const batchUrl = `${request.hubUrl}/${request.repoId}.git/info/lfs/objects/batch`
  const res = await request.fetch(batchUrl, {
    method: 'POST',
    headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON, ...bearer(request) },
    body: JSON.stringify({
      operation: 'upload',
      // multipart is the Hub's own transfer: the object is sent as parts to pre-signed URLs.
      transfers: ['basic', 'multipart'],
      hash_algo: 'sha_256',
      ...(!request.createPr && { ref: { name: request.branch } }),
      objects: [{ oid, size: file.size }]
    }),
    signal
  })
  if (!res.ok) throw await apiError(res, `LFS batch call for ${file.path}`)
  const requestId = res.headers.get('x-request-id') ?? undefined
  const object = ((await res.json()) as { objects?: LfsBatchObject[] }).objects?.find((o) => o.oid === oid)
  if (!object) throw new Error(`The Hub's LFS batch answer for ${file.path} does not mention its oid ${oid}`)
  if (object.error) {
    throw new HubApiError(
      batchUrl,
      object.error.code,
      requestId,
      `LFS batch call for ${file.path}: ${object.error.message}`
    )
  }
  const upload = object.actions?.upload
  if (!upload) {
    // Already stored (an earlier run, or another repo of the Hub): nothing to send.
    request.onUploaded?.(file.path, file.size)
    return
  }
  // Bytes sent of each part in its latest attempt (a retried part counts once), and their sum.
  const partBytes: number[] = []
  let sent = 0
  const progress = (part: number) => (bytes: number) => {
    sent += bytes - (partBytes[part] ?? 0)
    partBytes[part] = bytes
    request.onUploaded?.(file.path, sent)
  }
  const chunkSize = Number(upload.header?.chunk_size)
  if (chunkSize > 0) {
    await uploadParts(request, file, oid, upload, chunkSize, progress)
  } else {
    const range = { url: upload.href, file, start: 0, end: file.size, onSent: progress(0) }
    await request.queue.add(1, async () => {
      await put(
        request,
        requestId ? { ...range, headers: { 'X-Request-Id': requestId } } : range,
        `Uploading ${file.path} to LFS storage`
      )
    })
  }
  const verify = object.actions?.verify
  if (verify) {
    const res = await request.fetch(verify.href, {
      method: 'POST',
      headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON, ...verify.header },
      body: JSON.stringify({ oid, size: file.size }),
      signal
    })
    if (!res.ok) throw await apiError(res, `Verifying the upload of ${file.path}`)
    await res.body?.cancel()
  }
}

/** The Hub's multipart transfer: parts `00001`… in the action's header, then a completion POST. */
async function uploadParts(
  request: LfsContext,
  file: PreparedFile,
  oid: string,
  upload: LfsAction,
  chunkSize: number,
  progress: (part: number) => (bytes: number) => void
): Promise<void> {
  const { signal } = request
  const header = upload.header!
  const parts = Object.keys(header)
    .filter((key) => /^\d+$/.test(key))
    .map(Number)
    .sort((a, b) => a - b)
  if (parts.length !== Math.ceil(file.size / chunkSize) || parts.some((n, i) => n !== i + 1)) {
    throw new Error(
      `The Hub asked for ${parts.length} parts of ${chunkSize} bytes for ${file.path} (${file.size} bytes): not a split of this file`
    )
  }
  const etags = new Array<{ partNumber: number; etag: string }>(parts.length)
  await request.queue.add(parts.length, async (index) => {
    const part = parts[index]
    const start = (part - 1) * chunkSize
    const url = header[String(part).padStart(5, '0')] ?? header[String(part)]
    const end = Math.min(file.size, start + chunkSize)
    const res = await put(
      request,
      { url, file, start, end, onSent: progress(part - 1) },
      `Uploading part ${part} of ${file.path} to LFS storage`
    )
    if (!res.etag) throw new Error(`LFS storage answered part ${part} of ${file.path} without an ETag`)
    etags[index] = { partNumber: part, etag: res.etag }
  })
  const res = await request.fetch(upload.href, {
    method: 'POST',
    headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON },
    body: JSON.stringify({ oid, parts: etags }),
    signal
  })
  if (!res.ok) throw await apiError(res, `Completing the multipart upload of ${file.path}`)
  await res.body?.cancel()
}
