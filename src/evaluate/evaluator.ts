// The contract every evaluator keeps: checkpoints in, one result per checkpoint out, in order.
import type { CheckpointListener } from '../domain/ledger.js'
import type { Checkpoint, EvaluationRun, EvaluatorInfo } from '../domain/types.js'
import type { ProgressListener } from '../util/progress.js'
import type { Logger } from '../util/log.js'

/** What an evaluator does when every checkpoint fails. */
export type AllFailed = 'throw' | 'return'

export interface EvaluateOptions {
  log: Logger
  /** Called as each checkpoint finishes; evaluators never log progress themselves. */
  onProgress?: ProgressListener
  signal?: AbortSignal
  /** Told as each checkpoint is queued, starts and finishes (what a cancelled run can still report). */
  onCheckpoint?: CheckpointListener
  /**
   * When every checkpoint fails: throw with the first error (default), or return the run with
   * every result failed so the caller decides.
   */
  allFailed?: AllFailed
}

/** One way of scoring checkpoints. Every evaluator returns one result per checkpoint, in order. */
export interface Evaluator {
  info: EvaluatorInfo
  /**
   * The score names it will report, when known before it runs (the built-in suite's ids): a
   * misspelt `metric` then fails before any work. Absent for evaluators that learn them by running.
   */
  reports?: string[]
  evaluate(checkpoints: Checkpoint[], options: EvaluateOptions): Promise<EvaluationRun>
}
