// One read of a file: its hash and, when asked, whether it holds any of some byte strings (the
// secret check of the upload). A file is read once per run: the sha256 the secret check computed
// is the one the upload sends. Reads are double-buffered: the thread pool reads the next 1 MiB
// while this thread hashes and searches the last, so the pass runs at the speed of the hash.
// A large file hashed while uploads are in flight (no secret check ran: the library used
// without a held token) is read on a worker thread, so the event loop that drives the PUTs never
// waits behind a hash. One worker, started on first use, reused for every file, unref'd while
// idle so it never holds the process open. It reads with fs.readSync into one fixed buffer and
// posts back only the digest, so its memory is that buffer whatever the file's size.

import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'
import { needleSearch } from './needle-search.js'
import type { NeedleSearch } from './needle-search.js'

/** Reads of this size hash at the speed of `openssl dgst` (larger ones only cost memory). */
const READ_CHUNK = 1024 * 1024

// Plain CommonJS source (an eval worker), so the bundle needs no second entry file.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { openSync, readSync, closeSync } = require('node:fs')
const buffer = Buffer.allocUnsafe(${READ_CHUNK})
parentPort.on('message', ({ id, path, algorithm, prefix }) => {
  let fd
  try {
    const hash = createHash(algorithm)
    if (prefix) hash.update(prefix)
    fd = openSync(path, 'r')
    let bytes = 0
    for (;;) {
      const n = readSync(fd, buffer, 0, ${READ_CHUNK}, bytes)
      if (n === 0) break
      hash.update(buffer.subarray(0, n))
      bytes += n
    }
    parentPort.postMessage({ id, digest: hash.digest('hex'), bytes, found: false })
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
})
`

export interface PassResult {
  /** Hex digest of the prefix and the file's bytes (undefined when a needle was found: the read stopped). */
  digest?: string
  /** Bytes read. */
  bytes: number
  /** Whether the file holds one of the needles. */
  found: boolean
}

interface Reply extends PassResult {
  id: number
  error?: { message: string; code?: string }
}

interface Pending {
  resolve: (result: PassResult) => void
  reject: (error: Error) => void
}

let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, Pending>()

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error)
  pending.clear()
  worker = undefined
}

function reader(): Worker {
  if (worker) return worker
  const started = new Worker(WORKER_SOURCE, { eval: true })
  started.on('message', (reply: Reply) => {
    const p = pending.get(reply.id)
    if (!p) return
    pending.delete(reply.id)
    if (pending.size === 0) started.unref()
    if (reply.error) p.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }))
    else p.resolve({ digest: reply.digest, bytes: reply.bytes, found: reply.found })
  })
  started.on('error', (error) => failAll(error instanceof Error ? error : new Error(String(error))))
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`The file-reading thread stopped (exit code ${code}).`))
  })
  worker = started
  return started
}

function pass(path: string, algorithm: string, prefix: string): Promise<PassResult> {
  const thread = reader()
  const id = nextId++
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    thread.ref()
    thread.postMessage({ id, path, algorithm, prefix })
  })
}

/**
 * The read on this thread, for small files (a worker isn't worth starting) and for the secret
 * check, which runs before any upload so nothing waits on it here, and a second thread's
 * ~24 MiB of RSS would buy nothing. Each buffer starts with the last `longest - 1` bytes of the
 * read before, so a needle that straddles two reads is found.
 */
async function passHere(path: string, algorithm: string, prefix: string, search?: NeedleSearch): Promise<PassResult> {
  const hash = createHash(algorithm)
  if (prefix) hash.update(prefix)
  const overlap = search ? Math.max(0, search.longest - 1) : 0
  // Slow (unpooled) buffers start on their own allocation: word-aligned, as the search needs.
  const buffers = [Buffer.allocUnsafeSlow(READ_CHUNK + overlap), Buffer.allocUnsafeSlow(READ_CHUNK + overlap)]
  const handle = await open(path, 'r')
  let reading = handle.read(buffers[0], 0, READ_CHUNK, 0)
  try {
    let bytes = 0
    let current = 0
    let kept = 0
    for (;;) {
      const { bytesRead } = await reading
      if (bytesRead === 0) break
      const buffer = buffers[current]
      const end = kept + bytesRead
      bytes += bytesRead
      const next = buffers[current ^ 1]
      const nextKept = Math.min(overlap, end)
      if (nextKept) buffer.copy(next, 0, end - nextKept, end)
      reading = handle.read(next, nextKept, READ_CHUNK, bytes)
      hash.update(buffer.subarray(kept, end))
      if (search?.foundIn(buffer, end)) return { bytes, found: true }
      current ^= 1
      kept = nextKept
    }
    return { digest: hash.digest('hex'), bytes, found: false }
  } finally {
    // A read still in flight writes into a buffer of this pass: the file closes after it.
    await reading.catch(() => undefined)
    await handle.close()
  }
}

/** Files at least this large are hashed on the worker (the upload of the file before may be in flight). */
const WORKER_MIN_BYTES = 16 * 1024 * 1024

// The sha256 of each file read this run, with the size and mtime it had then: a later ask gets
// it without a second read, unless the file changed since.
const sha256s = new Map<string, { size: number; mtimeMs: number; result: Promise<PassResult> }>()

async function stamp(path: string): Promise<{ size: number; mtimeMs: number }> {
  const { size, mtimeMs } = await stat(path)
  return { size, mtimeMs }
}

/** Reads `path` once: whether it holds any of `needles`, and its sha256 (kept for `hashFileOnce`). */
export async function scanFile(path: string, needles: Uint8Array[]): Promise<PassResult> {
  const before = await stamp(path)
  const result = passHere(path, 'sha256', '', needleSearch(needles))
  sha256s.set(path, { ...before, result })
  const done = await result
  if (done.found) sha256s.delete(path)
  return done
}

/**
 * The hex digest of `prefix` followed by the file's bytes, and how many bytes were read. A sha256
 * of a file the secret check already read (and unchanged since) costs no second read.
 */
export async function hashFileOnce(algorithm: string, path: string, prefix = ''): Promise<PassResult> {
  if (algorithm === 'sha256' && !prefix) {
    const known = sha256s.get(path)
    if (known) {
      const now = await stamp(path).catch(() => undefined)
      const result = await known.result.catch(() => undefined)
      if (now && result?.digest && now.size === known.size && now.mtimeMs === known.mtimeMs) return result
    }
    const before = await stamp(path)
    const result = (before.size >= WORKER_MIN_BYTES ? pass : passHere)(path, algorithm, prefix)
    sha256s.set(path, { ...before, result })
    return result
  }
  const { size } = await stat(path)
  return (size >= WORKER_MIN_BYTES ? pass : passHere)(path, algorithm, prefix)
}
