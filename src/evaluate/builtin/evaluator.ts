// The default evaluator: the built-in suite, scored from each checkpoint's step.
import { BUILTIN_SUITE, builtinScores } from './suite.js'
import type { Evaluator } from '../evaluator.js'
import type { CheckpointEvaluation } from '../../domain/types.js'

export interface BuiltinEvaluatorOptions {
  /** Benchmark ids to run, in any order; all 15 when absent. */
  benchmarks?: string[]
}

export function createBuiltinEvaluator({ benchmarks }: BuiltinEvaluatorOptions = {}): Evaluator {
  const selected = benchmarks ? BUILTIN_SUITE.filter((b) => benchmarks.includes(b.id)) : [...BUILTIN_SUITE]
  return {
    info: { kind: 'builtin', settings: { benchmarks: selected.map((b) => b.id) } },
    async evaluate(checkpoints, { log, onProgress }) {
      const results: CheckpointEvaluation[] = []
      for (const checkpoint of checkpoints) {
        const started = performance.now()
        const scores = builtinScores(checkpoint.step, selected)
        results.push({ checkpoint, status: 'ok', scores, metrics: {}, durationMs: performance.now() - started })
        onProgress?.(results.length, checkpoints.length, checkpoint.name)
      }
      if (checkpoints.some((c) => c.step <= 0)) {
        log.warning('checkpoints at step 0 have no built-in scores: the suite scores positive steps only')
      }
      return {
        evaluator: this.info,
        benchmarks: selected.map(({ id, name, group }) => ({ id, name, group })),
        results
      }
    }
  }
}
