// One read of a file: its hash and, when asked, whether it holds any of some byte strings (the
// secret check of the upload). A file is read once per run: the sha256 the secret check computed
// is the one the upload sends. Reads are double-buffered: the thread pool reads the next 1 MiB
// while this thread hashes and searches the last, so the pass runs at the speed of the hash.
// A check of several large files may hand some to threads (read-thread.ts), which read and hash
// them while this thread searches their bytes; everything else runs here: the hash of a file not
// yet read (the library used without a held token) interleaves with the uploads in flight well
// enough (each read is hashed in ~0.7 ms), and a thread costs ~12 MiB of RSS.

import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { needleSearch } from './needle-search.js'
import type { NeedleSearch } from './needle-search.js'
import type { ReadThread } from './read-thread.js'

/** Reads of this size hash at the speed of `openssl dgst` (larger ones only cost memory). */
export const READ_CHUNK = 1024 * 1024

export interface PassResult {
  /** Hex digest of the prefix and the file's bytes (undefined when a needle was found: the read stopped). */
  digest?: string
  /** Bytes read. */
  bytes: number
  /** Whether the file holds one of the needles. */
  found: boolean
}

interface ReadOptions {
  /** The file's size when the caller stat'ed it already (sizes the buffers; no second stat). */
  size?: number
  search?: NeedleSearch
  onRead?: (bytes: number) => void
}

/**
 * The read: each buffer starts with the last `longest - 1` bytes of the read before, so a
 * needle that straddles two reads is found. Small files get buffers of their size.
 */
async function readOnce(
  path: string,
  algorithm: string,
  prefix: string,
  { size, search, onRead }: ReadOptions = {}
): Promise<PassResult> {
  const hash = createHash(algorithm)
  if (prefix) hash.update(prefix)
  const overlap = search ? Math.max(0, search.longest - 1) : 0
  const handle = await open(path, 'r')
  const known = size ?? (await handle.stat().catch(() => undefined))?.size ?? READ_CHUNK
  const chunk = Math.max(1, Math.min(READ_CHUNK, known))
  // Slow (unpooled) buffers start on their own allocation: word-aligned, as the search needs.
  const buffers = [Buffer.allocUnsafeSlow(chunk + overlap), Buffer.allocUnsafeSlow(chunk + overlap)]
  let reading = handle.read(buffers[0], 0, chunk, 0)
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
      reading = handle.read(next, nextKept, chunk, bytes)
      hash.update(buffer.subarray(kept, end))
      if (search?.foundIn(buffer, end)) return { bytes, found: true }
      onRead?.(bytesRead)
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

// The sha256 of each file read this run, with the size and mtime it had then: a later ask gets
// it without a second read, unless the file changed since.
const sha256s = new Map<string, { size: number; mtimeMs: number; result: Promise<PassResult> }>()

async function stamp(path: string): Promise<{ size: number; mtimeMs: number }> {
  const { size, mtimeMs } = await stat(path)
  return { size, mtimeMs }
}

export interface ScanOptions {
  /** Hears the bytes of each read, for progress. */
  onRead?: (bytes: number) => void
  /** Hash on this thread (read-thread.ts) while this one hashes another file. */
  thread?: ReadThread
}

/**
 * Reads `path` once: whether it holds any of the needles (given as they are, or as a search
 * built once for many files), and its sha256 (kept for `hashFileOnce`).
 */
export async function scanFile(
  path: string,
  needles: Uint8Array[] | NeedleSearch,
  { onRead, thread }: ScanOptions = {}
): Promise<PassResult> {
  const search = Array.isArray(needles) ? needleSearch(needles) : needles
  const before = await stamp(path)
  const result = thread
    ? thread.pass(path, { size: before.size, search, onRead })
    : readOnce(path, 'sha256', '', { size: before.size, search, onRead })
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
    const result = readOnce(path, algorithm, prefix, { size: before.size })
    sha256s.set(path, { ...before, result })
    return result
  }
  return readOnce(path, algorithm, prefix)
}
