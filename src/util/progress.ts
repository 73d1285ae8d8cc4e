import type { Logger } from './log.js'

/** Progress callback shared by long-running stages. */
export type ProgressListener = (done: number, total: number, label: string) => void

export interface ProgressOptions {
  log: Logger
  /** e.g. `evaluated` -> "evaluated 12/40". */
  verb: string
  /** Log at most this often (the last item is always logged). */
  intervalMs?: number
  now?: () => number
}

/** A ProgressListener that writes throttled lines, so a long run shows it's alive without flooding. */
export function throttledProgress({ log, verb, intervalMs = 5000, now = Date.now }: ProgressOptions): ProgressListener {
  let last = -Infinity
  return (done, total, label) => {
    const t = now()
    if (done !== total && t - last < intervalMs) return
    last = t
    log.info(`${verb} ${done}/${total} (${Math.floor((done / total) * 100)}%)${label ? `: ${label}` : ''}`)
  }
}
