// What is known about each checkpoint's evaluation while the run is under way: queued, running,
// finished (with its scores) or failed. A cancelled run reports it, since it has no ranking.

export type CheckpointState = 'queued' | 'running' | 'ok' | 'failed' | 'cancelled'

export interface CheckpointEvent {
  name: string
  state: CheckpointState
  /** ok: the scores and metrics it reported (name -> value). */
  scores?: Record<string, number | null>
  /** failed, cancelled: why (for cancelled, what was killed). */
  error?: string
  /** ok: taken from the results cache, not evaluated now. */
  cached?: boolean
}

/** Called as a checkpoint's evaluation changes state; evaluators call it, entry points listen. */
export type CheckpointListener = (event: CheckpointEvent) => void

/** The latest state of every checkpoint, in the order they were first heard of. */
export class EvaluationLedger {
  private readonly latest = new Map<string, CheckpointEvent>()

  /** Bound, so it can be handed around as a CheckpointListener. */
  readonly record: CheckpointListener = (event) => {
    this.latest.set(event.name, event)
  }

  entries(): CheckpointEvent[] {
    return [...this.latest.values()]
  }
}
