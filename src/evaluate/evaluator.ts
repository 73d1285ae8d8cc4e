import type { Checkpoint, EvaluationRun, EvaluatorInfo } from '../domain/types.js'
import type { ProgressListener } from '../util/progress.js'
import type { Logger } from '../util/log.js'

export interface EvaluateOptions {
  log: Logger
  onProgress?: ProgressListener
  signal?: AbortSignal
  /**
   * A shard job sees only some checkpoints: when all of those fail, the run is returned (with
   * every result failed) instead of thrown, so the shard still writes its partial scores and the
   * aggregate job decides, as one unsharded run would, whether anything could be ranked.
   */
  allowAllFailed?: boolean
}

/** One way of scoring checkpoints. Every evaluator returns one result per checkpoint, in order. */
export interface Evaluator {
  info: EvaluatorInfo
  evaluate(checkpoints: Checkpoint[], options: EvaluateOptions): Promise<EvaluationRun>
}
