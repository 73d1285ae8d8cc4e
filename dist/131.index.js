export const id = 131;
export const ids = [131];
export const modules = {

/***/ 91131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startReadThread: () => (/* binding */ startReadThread)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _file_pass_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78808);
// A thread that reads and hashes one file while this thread searches the bytes it reads: the
// same pass as file-pass.ts, with the SHA-256 (70 % of a pass) on a core of its own, so a check
// of several large files hashes them side by side. The bytes are shared, never copied: the
// thread reads into a ring of buffers on a SharedArrayBuffer, hashes each and hands it here to
// be searched; it reads into a buffer again once this side is done with it (Atomics). It reads
// synchronously, so it never waits on this thread's event loop unless the whole ring is waiting
// to be searched. A thread costs ~12 MiB of RSS and ~0.1 s to start: callers start one only
// for a check with several large files, and close it when the check ends.


/** Buffers in the ring: the thread reads one while this side searches another. */
const RING_SLOTS = 3;
/** Longest wait for a buffer before looking again whether the pass was stopped. */
const WAIT_MS = 1000;
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
`;
function ringOf(stride) {
    const shared = new SharedArrayBuffer(stride * RING_SLOTS);
    const buffers = Array.from({ length: RING_SLOTS }, (_, slot) => Buffer.from(shared, slot * stride, stride));
    return { shared, stride, buffers };
}
/** Starts a thread. Nothing keeps the process alive while it has no pass to do. */
function startReadThread() {
    const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    let job;
    let idle = Promise.resolve();
    let nextId = 0;
    let failure;
    let kept;
    const settle = (current, outcome) => {
        if (current.settled)
            return;
        current.settled = true;
        if ('error' in outcome)
            current.reject(outcome.error);
        else
            current.resolve(outcome.result);
    };
    const finish = (current) => {
        job = undefined;
        worker.unref();
        current.finished();
    };
    const fail = (error) => {
        failure ??= error;
        if (!job)
            return;
        const current = job;
        settle(current, { error });
        finish(current);
    };
    worker.on('message', (reply) => {
        const current = job;
        if (!current || reply.id !== current.id)
            return;
        if (reply.error) {
            settle(current, { error: Object.assign(new Error(reply.error.message), { code: reply.error.code }) });
            return finish(current);
        }
        if (reply.done) {
            settle(current, { result: { digest: reply.digest, bytes: reply.bytes, found: false } });
            return finish(current);
        }
        if (current.settled)
            return;
        current.read += reply.read;
        const { search, onRead } = current.options;
        if (search?.foundIn(current.buffers[reply.slot], reply.end)) {
            // Nothing more of this file is needed: the thread stops at its next buffer.
            Atomics.store(current.flags, 0, 1);
            for (let i = 1; i < current.flags.length; i++)
                Atomics.notify(current.flags, i);
            return settle(current, { result: { bytes: current.read, found: true } });
        }
        onRead?.(reply.read);
        Atomics.store(current.flags, 1 + reply.slot, 0);
        Atomics.notify(current.flags, 1 + reply.slot);
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`The file-reading thread stopped (exit code ${code}).`)));
    return {
        async pass(path, options) {
            // One file at a time: a pass waits for the thread to be done with the one before (a pass
            // stopped at a find settles before the thread has closed its file).
            const turn = idle;
            let finished;
            idle = new Promise((done) => (finished = done));
            await turn;
            if (failure) {
                finished();
                throw failure;
            }
            return new Promise((resolve, reject) => {
                try {
                    const overlap = options.search ? Math.max(0, options.search.longest - 1) : 0;
                    const chunk = Math.max(1, Math.min(_file_pass_js__WEBPACK_IMPORTED_MODULE_1__/* .READ_CHUNK */ .vA, options.size));
                    // Buffers start on 8-byte boundaries: the search reads aligned words. The ring is kept
                    // for the next pass (a fresh one per file would wait for the GC to be freed).
                    const needed = Math.ceil((chunk + overlap) / 8) * 8;
                    if (!kept || kept.stride < needed)
                        kept = ringOf(needed);
                    const { shared: ring, stride, buffers } = kept;
                    const state = new SharedArrayBuffer(4 * (1 + RING_SLOTS));
                    const id = nextId++;
                    const flags = new Int32Array(state);
                    job = { id, buffers, flags, options, read: 0, settled: false, resolve, reject, finished };
                    worker.ref();
                    worker.postMessage({ id, path, algorithm: 'sha256', chunk, overlap, stride, ring, state });
                }
                catch (error) {
                    // Nothing was handed to the thread: the next pass may start.
                    job = undefined;
                    finished();
                    reject(error);
                }
            });
        },
        async close() {
            await idle;
            await worker.terminate();
        }
    };
}


/***/ })

};
