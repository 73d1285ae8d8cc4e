// The PUT of LFS bytes to storage, through node:http(s) rather than fetch: a write's callback
// says when the socket is done with a chunk, so a few read buffers are reused for the whole
// file. Through fetch every chunk is a fresh buffer (1 GiB of allocations per GiB sent), which
// cost more CPU in allocation and GC than the hashing, and grew RSS by the GC's slack.

import { read as fsRead } from 'node:fs'
import { open } from 'node:fs/promises'
import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { HttpHeaders } from './http-fetch.js'
import { inMemoryBytes } from './local-files.js'
import type { PreparedFile } from './local-files.js'
import { answerRetryDelayMs, backoffDelayMs, defaultSleep, networkErrorCode } from './transport.js'
import type { RetryEvent, RetryOptions } from './transport.js'

/** Read (and write) unit of a PUT: few syscalls, and the buffers of all PUTs in flight stay small. */
const CHUNK = 512 * 1024
/** Buffers per PUT: the next chunk is read while the last one is written. */
const RING = 2
/** A PUT that sends or hears nothing for this long is abandoned (and retried). */
const IDLE_TIMEOUT_MS = 120_000

export interface PutOptions {
  retry?: RetryOptions
  onRetry?: (event: RetryEvent) => void
  /** Connections kept per origin (the PUTs in flight). */
  maxSockets: number
  /** A PUT that moves no byte this long fails (hub-timeout). @default IDLE_TIMEOUT_MS */
  idleTimeoutMs?: number
}

export interface PutRange {
  url: string
  file: PreparedFile
  start: number
  end: number
  headers?: Record<string, string>
  signal?: AbortSignal
  /** Bytes of this range handed to the socket so far, in this attempt. */
  onSent?: (bytes: number) => void
}

export interface PutResponse {
  status: number
  etag?: string
  /** The start of the body, for error messages. */
  text: string
  url: string
}

export interface Putter {
  put(range: PutRange): Promise<PutResponse>
  /** Closes the kept connections. */
  close(): void
}

/** PUTs with the transport's retry rules (5xx, 408, 429 with its delay, connection resets). */
export function createPutter(options: PutOptions): Putter {
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: options.maxSockets }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: options.maxSockets })
  }
  // Rings of buffers, taken by a PUT and given back when it ends: one per PUT in flight at most.
  const rings: Buffer[][] = []
  const ring = {
    take: () => rings.pop() ?? Array.from({ length: RING }, () => Buffer.allocUnsafeSlow(CHUNK)),
    give: (buffers: Buffer[]) => void rings.push(buffers)
  }
  const retry = options.retry ?? {}
  const maxAttempts = Math.max(1, retry.maxAttempts ?? 5)
  const sleep = retry.sleep ?? defaultSleep
  return {
    async put(range) {
      for (let attempt = 1; ; attempt++) {
        let reason: string
        let delayMs: number
        try {
          const res = await putOnce(range, agents, ring, options.idleTimeoutMs ?? IDLE_TIMEOUT_MS)
          const delay = attempt < maxAttempts ? answerRetryDelayMs(res, attempt, retry) : null
          if (delay === null) return res
          reason = `HTTP ${res.status}`
          delayMs = delay
        } catch (error) {
          const code = networkErrorCode(error)
          if (!code || attempt >= maxAttempts || range.signal?.aborted) throw error
          reason = code
          delayMs = backoffDelayMs(attempt, retry)
        }
        const where = new URL(range.url)
        options.onRetry?.({
          method: 'PUT',
          url: `${where.origin}${where.pathname}`,
          attempt,
          maxAttempts,
          delayMs,
          reason
        })
        await sleep(delayMs)
        range.signal?.throwIfAborted()
      }
    },
    close() {
      agents.http.destroy()
      agents.https.destroy()
    }
  }
}

interface RingPool {
  take(): Buffer[]
  give(buffers: Buffer[]): void
}

async function putOnce(
  range: PutRange,
  agents: { http: HttpAgent; https: HttpsAgent },
  pool: RingPool,
  idleTimeoutMs: number
): Promise<PutResponse & { headers: HttpHeaders }> {
  const url = new URL(range.url)
  const https = url.protocol === 'https:'
  const bytes = inMemoryBytes(range.file)
  const handle = bytes ? undefined : await open(range.file.source.localPath!)
  const req = (https ? httpsRequest : httpRequest)(url, {
    method: 'PUT',
    agent: https ? agents.https : agents.http,
    headers: { ...range.headers, 'Content-Length': String(range.end - range.start) },
    signal: range.signal
  })
  req.setTimeout(idleTimeoutMs, () =>
    req.destroy(Object.assign(new Error(`no progress for ${idleTimeoutMs / 1000}s`), { code: 'ETIMEDOUT' }))
  )
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve)
    req.once('error', reject)
  })
  // The server may answer (an error) before taking the whole body: stop sending then.
  let answered = false
  response.then(
    () => (answered = true),
    () => (answered = true)
  )
  try {
    let complete = true
    if (handle) {
      const ring = pool.take()
      complete = await sendRange(req, handle, ring, range, () => answered)
      // sendRange returns once every write is done: no one reads these buffers any more. (After
      // a failure a write may still be queued: that ring is left to the GC.)
      pool.give(ring)
    } else {
      req.end(bytes!.subarray(range.start, range.end), () => range.onSent?.(range.end - range.start))
    }
    const res = await response
    let text = ''
    for await (const chunk of res) if (text.length < 2000) text += String(chunk)
    const headers = HttpHeaders.fromIncoming(res.headers)
    // A connection whose request body was cut short can't carry another request.
    if (!complete) req.destroy()
    return { status: res.statusCode ?? 0, etag: headers.get('etag') ?? undefined, text, url: range.url, headers }
  } catch (error) {
    req.destroy()
    throw error
  } finally {
    await handle?.close()
  }
}

/**
 * Writes the range through a ring of buffers, a buffer reused once the socket has written it
 * (writes finish in order, so the next buffer to fill is always the oldest one written). Plain
 * callbacks, no promise per chunk: a 10 GiB upload is 20,000 chunks, and every object a chunk
 * leaves behind is garbage the heap grows for. False when the server answered before the whole
 * range was sent.
 */
function sendRange(
  req: ReturnType<typeof httpRequest>,
  handle: Awaited<ReturnType<typeof open>>,
  ring: Buffer[],
  range: PutRange,
  answered: () => boolean
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let position = range.start
    let slot = 0
    let writing = 0
    let reading = false
    let failed = false
    const fail = (error: Error) => {
      if (failed) return
      failed = true
      reject(error)
    }
    req.once('error', fail)
    const written = (error: Error | null | undefined, sent: number) => {
      writing--
      if (error) return fail(error)
      range.onSent?.(sent)
      pump()
    }
    const read = (error: NodeJS.ErrnoException | null, bytesRead: number, length: number) => {
      reading = false
      if (failed) return
      if (error) return fail(error)
      if (bytesRead !== length) {
        return fail(
          new Error(
            `${range.file.source.localPath} changed while publishing (short read at byte ${position}): publish from files that are no longer being written.`
          )
        )
      }
      const buffer = ring[slot]
      slot = (slot + 1) % ring.length
      position += bytesRead
      const sent = position - range.start
      writing++
      req.write(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead), (e) => written(e, sent))
      pump()
    }
    const pump = () => {
      if (failed || reading) return
      if (position >= range.end || answered()) {
        if (writing > 0) return
        req.end()
        return resolve(position === range.end)
      }
      if (writing >= ring.length) return
      const length = Math.min(CHUNK, range.end - position)
      reading = true
      fsRead(handle.fd, ring[slot], 0, length, position, (error, bytesRead) => read(error, bytesRead, length))
    }
    pump()
  })
}
