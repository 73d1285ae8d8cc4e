// Cancellation by signal: GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later, then
// SIGKILL. On the first signal the run stops starting work and aborts what runs (evaluations are
// killed with their descendants, Hub requests aborted), then reports and exits non-zero. If that
// takes longer than a few seconds, `onForce` kills what is left and the process exits anyway.

/** Why the run stopped early; the pipeline's stages throw it (or an AbortError) when cancelled. */
export class CancelledError extends Error {
  constructor(readonly signalName: string) {
    super(`Cancelled by ${signalName}: no new work was started and running evaluations were killed.`)
    this.name = 'CancelledError'
  }
}

export interface Cancellation {
  signal: AbortSignal
  /** The signal that cancelled the run, once one did. */
  readonly received: string | undefined
  dispose(): void
}

export interface CancelOnSignalsOptions {
  /** A line for the log, when the signal arrives. */
  say: (message: string) => void
  /** Last resort before exiting: kill everything still running, synchronously. */
  onForce: () => void
  /** How long the orderly stop may take. @default 4000 */
  graceMs?: number
  /** The exit code when the grace period runs out. @default 1 */
  exitCode?: number
}

export function cancelOnSignals(options: CancelOnSignalsOptions): Cancellation {
  const controller = new AbortController()
  let received: string | undefined
  const handler = (name: NodeJS.Signals) => {
    if (received) {
      // A second signal: the user means it.
      options.say(`Received ${name} again: killing what is left and exiting now.`)
      options.onForce()
      process.exit(options.exitCode ?? 1)
    }
    received = name
    options.say(`Received ${name}: stopping. No new evaluation starts; running ones are killed with their processes.`)
    controller.abort(new CancelledError(name))
    setTimeout(() => {
      options.say(`Still running ${options.graceMs ?? 4000} ms after ${name}: killing what is left and exiting.`)
      options.onForce()
      process.exit(options.exitCode ?? 1)
    }, options.graceMs ?? 4000).unref()
  }
  process.on('SIGTERM', handler)
  process.on('SIGINT', handler)
  return {
    signal: controller.signal,
    get received() {
      return received
    },
    dispose() {
      process.off('SIGTERM', handler)
      process.off('SIGINT', handler)
    }
  }
}

/** Whether `error` is the run's cancellation (a CancelledError or an abort caused by one). */
export function isCancellation(error: unknown, signal: AbortSignal | undefined): boolean {
  return (error as { name?: unknown } | null)?.name === 'CancelledError' || Boolean(signal?.aborted)
}
