import type { Checkpoint, EvaluationRun, EvaluatorInfo, Logger, ProgressListener } from '../types.js'

export interface EvaluateOptions {
  log: Logger
  onProgress?: ProgressListener
  signal?: AbortSignal
}

/** One way of scoring checkpoints. Every evaluator returns one result per checkpoint, in order. */
export interface Evaluator {
  info: EvaluatorInfo
  evaluate(checkpoints: Checkpoint[], options: EvaluateOptions): Promise<EvaluationRun>
}
