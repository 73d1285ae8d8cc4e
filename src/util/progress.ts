// The one progress reporter: evaluation (checkpoints done) and upload (bytes sent) both report
// through it, to the step's log in Actions and to the terminal in the CLI, so a long run shows
// it is alive without flooding either.
import { formatBytes } from './bytes.js'

/** Progress callback of long-running stages: `done` of `total` (items or bytes), and what is in hand. */
export type ProgressListener = (done: number, total: number, label: string) => void

export interface ProgressOptions {
  /** Where a line goes: the log (Actions) or stderr (the CLI). */
  write: (line: string) => void
  /** e.g. `evaluated` -> "evaluated 12/40 (30%): step_1200". */
  verb: string
  /** `count` (default): 12/40; `bytes`: 1.20 GiB/4.00 GiB. */
  unit?: 'count' | 'bytes'
  /** At most one line per interval; the last (done === total) is always written. Default 5 s. */
  intervalMs?: number
  /** A terminal: redraw one line in place (`\r`) at every call instead of throttled lines. */
  live?: boolean
  now?: () => number
}

export function progressReporter(options: ProgressOptions): ProgressListener {
  const { write, verb, unit = 'count', intervalMs = 5000, live = false, now = Date.now } = options
  const amount = (n: number) => (unit === 'bytes' ? formatBytes(n) : String(n))
  let last = -Infinity
  return (done, total, label) => {
    const finished = done >= total
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100
    const line = `${verb} ${amount(done)}/${amount(total)} (${percent}%)${label ? `: ${label}` : ''}`
    if (live) {
      // Pad over the previous line's leftovers; end the line when done.
      write(`\r${line.padEnd(79)}${finished ? '\n' : ''}`)
      return
    }
    const t = now()
    if (!finished && t - last < intervalMs) return
    last = t
    write(line)
  }
}
