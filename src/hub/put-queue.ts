// The order and number of storage PUTs in flight. A file's PUTs (its parts, or the whole file)
// all start before the next file's, so each file is complete, and the Hub can assemble it, as
// early as possible instead of every file finishing together at the end. Jobs are made only
// when a slot takes them: what waits is a counter per file, so memory doesn't grow with the
// number of parts (a 10 GiB file has 640).

export interface PutQueue {
  /**
   * Queues `count` jobs of one file behind those already queued; settles when all of them are
   * done, or with the first failure, or with the signal's reason when it aborts.
   */
  add(count: number, job: (index: number) => Promise<void>): Promise<void>
}

interface QueuedFile {
  /** The next job to start, or undefined when every job was taken or one failed. */
  take(): (() => Promise<void>) | undefined
}

/** At most `limit` jobs at once, in the order the files were added. */
export function createPutQueue(limit: number, signal: AbortSignal): PutQueue {
  const files: QueuedFile[] = []
  let running = 0
  const nextJob = () => {
    while (files.length > 0) {
      const job = files[0].take()
      if (job) return job
      files.shift()
    }
    return undefined
  }
  const pump = () => {
    while (running < limit && !signal.aborted) {
      const job = nextJob()
      if (!job) return
      running++
      void job().finally(() => {
        running--
        pump()
      })
    }
  }
  return {
    add(count, job) {
      return new Promise<void>((resolve, reject) => {
        let next = 0
        let finished = 0
        let settled = false
        const settle = (error?: unknown) => {
          if (settled) return
          settled = true
          signal.removeEventListener('abort', aborted)
          if (error === undefined) resolve()
          else reject(error)
        }
        const aborted = () => settle(signal.reason ?? new Error('aborted'))
        if (signal.aborted) return aborted()
        signal.addEventListener('abort', aborted, { once: true })
        if (count === 0) return settle()
        files.push({
          take() {
            if (settled || next >= count) return undefined
            const index = next++
            return async () => {
              try {
                await job(index)
                if (++finished === count) settle()
              } catch (error) {
                settle(error)
              }
            }
          }
        })
        pump()
      })
    }
  }
}
