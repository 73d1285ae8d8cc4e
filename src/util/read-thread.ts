// A thread that reads and hashes one file while this thread searches the bytes it reads: the
// same pass as file-pass.ts, with the SHA-256 (70 % of a pass) on a core of its own, so a check
// of several large files hashes them side by side. The bytes are shared, never copied: the
// thread reads into a ring of buffers on a SharedArrayBuffer, hashes each and hands it here to
// be searched; it reads into a buffer again once this side is done with it (Atomics). It reads
// synchronously, so it never waits on this thread's event loop unless the whole ring is waiting
// to be searched. A thread costs ~12 MiB of RSS and ~0.1 s to start: callers start one only
// for a check with several large files, and close it when the check ends.

import { Worker } from 'node:worker_threads'
import { READ_CHUNK } from './file-pass.js'
import type { PassResult } from './file-pass.js'
import type { NeedleSearch } from './needle-search.js'

/** Buffers in the ring: the thread reads one while this side searches another. */
const RING_SLOTS = 3
/** Longest wait for a buffer before looking again whether the pass was stopped. */
const WAIT_MS = 1000

// Plain CommonJS source (an eval worker), so the bundle needs no second entry file. `state` holds
// the stop flag, then one flag per buffer: 1 while this side searches it.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { openSync, readSync, closeSync } = require('node:fs')
parentPort.on('message', ({ id, path, algorithm, chunk, overlap, stride, ring, state }) => {
  const flags = new Int32Array(state)
  const slots = ring.byteLength / stride
  let fd
  try {
    fd = openSync(path, 'r')
    const hash = createHash(algorithm)
    let bytes = 0, kept = 0, slot = 0, previous, previousEnd = 0
    for (;;) {
      while (Atomics.load(flags, 0) === 0 && Atomics.load(flags, 1 + slot) === 1) Atomics.wait(flags, 1 + slot, 1, ${WAIT_MS})
      if (Atomics.load(flags, 0) === 1) break
      const buffer = new Uint8Array(ring, slot * stride, stride)
      if (kept) buffer.set(previous.subarray(previousEnd - kept, previousEnd), 0)
      const read = readSync(fd, buffer, kept, chunk, bytes)
      if (read === 0) break
      hash.update(buffer.subarray(kept, kept + read))
      bytes += read
      Atomics.store(flags, 1 + slot, 1)
      parentPort.postMessage({ id, slot, end: kept + read, read })
      previous = buffer
      previousEnd = kept + read
      kept = Math.min(overlap, previousEnd)
      slot = (slot + 1) % slots
    }
    parentPort.postMessage({ id, done: true, digest: hash.digest('hex'), bytes })
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
})
`

type Reply =
  | { id: number; slot: number; end: number; read: number; done?: undefined; error?: undefined }
  | { id: number; done: true; digest: string; bytes: number; error?: undefined }
  | { id: number; error: { message: string; code?: string }; done?: undefined }

export interface ThreadPassOptions {
  /** The file's size (sizes the buffers). */
  size: number
  search?: NeedleSearch
  onRead?: (bytes: number) => void
}

export interface ReadThread {
  /**
   * One pass of `path` (sha256 there, the search here): what file-pass.ts's own read returns.
   * Passes run one after the other.
   */
  pass(path: string, options: ThreadPassOptions): Promise<PassResult>
  /** Ends the thread, once a pass it was told to stop has closed its file. */
  close(): Promise<void>
}

/** The ring, kept for every pass of the thread, with a view of each buffer for the search. */
interface Ring {
  shared: SharedArrayBuffer
  stride: number
  buffers: Buffer[]
}

interface Job {
  id: number
  buffers: Buffer[]
  flags: Int32Array
  options: ThreadPassOptions
  /** Bytes handed over so far. */
  read: number
  /** Settled already (a needle found, or an error): later replies are only awaited. */
  settled: boolean
  resolve: (result: PassResult) => void
  reject: (error: Error) => void
  /** The thread is done with the job (its file closed). */
  finished: () => void
}

function ringOf(stride: number): Ring {
  const shared = new SharedArrayBuffer(stride * RING_SLOTS)
  const buffers = Array.from({ length: RING_SLOTS }, (_, slot) => Buffer.from(shared, slot * stride, stride))
  return { shared, stride, buffers }
}

/** Starts a thread. Nothing keeps the process alive while it has no pass to do. */
export function startReadThread(): ReadThread {
  const worker = new Worker(WORKER_SOURCE, { eval: true })
  worker.unref()
  let job: Job | undefined
  let idle: Promise<void> = Promise.resolve()
  let nextId = 0
  let failure: Error | undefined
  let kept: Ring | undefined

  const settle = (current: Job, outcome: { result: PassResult } | { error: Error }) => {
    if (current.settled) return
    current.settled = true
    if ('error' in outcome) current.reject(outcome.error)
    else current.resolve(outcome.result)
  }
  const finish = (current: Job) => {
    job = undefined
    worker.unref()
    current.finished()
  }
  const fail = (error: Error) => {
    failure ??= error
    if (!job) return
    const current = job
    settle(current, { error })
    finish(current)
  }
  worker.on('message', (reply: Reply) => {
    const current = job
    if (!current || reply.id !== current.id) return
    if (reply.error) {
      settle(current, { error: Object.assign(new Error(reply.error.message), { code: reply.error.code }) })
      return finish(current)
    }
    if (reply.done) {
      settle(current, { result: { digest: reply.digest, bytes: reply.bytes, found: false } })
      return finish(current)
    }
    if (current.settled) return
    current.read += reply.read
    const { search, onRead } = current.options
    if (search?.foundIn(current.buffers[reply.slot], reply.end)) {
      // Nothing more of this file is needed: the thread stops at its next buffer.
      Atomics.store(current.flags, 0, 1)
      for (let i = 1; i < current.flags.length; i++) Atomics.notify(current.flags, i)
      return settle(current, { result: { bytes: current.read, found: true } })
    }
    onRead?.(reply.read)
    Atomics.store(current.flags, 1 + reply.slot, 0)
    Atomics.notify(current.flags, 1 + reply.slot)
  })
  worker.on('error', (error) => fail(error))
  worker.on('exit', (code) => fail(new Error(`The file-reading thread stopped (exit code ${code}).`)))

  return {
    async pass(path, options) {
      // One file at a time: a pass waits for the thread to be done with the one before (a pass
      // stopped at a find settles before the thread has closed its file).
      const turn = idle
      let finished!: () => void
      idle = new Promise((done) => (finished = done))
      await turn
      if (failure) {
        finished()
        throw failure
      }
      return new Promise<PassResult>((resolve, reject) => {
        try {
          const overlap = options.search ? Math.max(0, options.search.longest - 1) : 0
          const chunk = Math.max(1, Math.min(READ_CHUNK, options.size))
          // Buffers start on 8-byte boundaries: the search reads aligned words. The ring is kept
          // for the next pass (a fresh one per file would wait for the GC to be freed).
          const needed = Math.ceil((chunk + overlap) / 8) * 8
          if (!kept || kept.stride < needed) kept = ringOf(needed)
          const { shared: ring, stride, buffers } = kept
          const state = new SharedArrayBuffer(4 * (1 + RING_SLOTS))
          const id = nextId++
          const flags = new Int32Array(state)
          job = { id, buffers, flags, options, read: 0, settled: false, resolve, reject, finished }
          worker.ref()
          worker.postMessage({ id, path, algorithm: 'sha256', chunk, overlap, stride, ring, state })
        } catch (error) {
          // Nothing was handed to the thread: the next pass may start.
          job = undefined
          finished()
          reject(error as Error)
        }
      })
    },
    async close() {
      await idle
      await worker.terminate()
    }
  }
}
