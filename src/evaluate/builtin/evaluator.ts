// The default evaluator: the built-in suite, scored from each checkpoint's step.
import { findBenchmark } from '../../domain/benchmarks.js'
import type { CheckpointEvaluation } from '../../domain/types.js'
import { InputError } from '../../util/errors.js'
import type { Evaluator } from '../evaluator.js'
import { countProgress } from '../run.js'
import { BUILTIN_SUITE, builtinScores, type SuiteBenchmark } from './suite.js'

export interface BuiltinEvaluatorOptions {
  /** Benchmarks to run, by id or display name, in any order; all 15 when absent. */
  benchmarks?: string[]
  /** Weights (keyed by id or display name) to check against the selected benchmarks. */
  weights?: Record<string, number>
}

/**
 * The selected benchmarks in the suite's order. Throws an InputError on `benchmarks` for a name
 * the suite doesn't have, and on `weights` for a weight on a benchmark that is not selected.
 */
export function selectBuiltinBenchmarks({ benchmarks, weights = {} }: BuiltinEvaluatorOptions = {}): SuiteBenchmark[] {
  const ids = new Set(
    (benchmarks ?? BUILTIN_SUITE.map((b) => b.id)).map((label) => findBenchmark('benchmarks', label, BUILTIN_SUITE).id)
  )
  for (const name of Object.keys(weights)) {
    if (!ids.has(findBenchmark('weights', name, BUILTIN_SUITE).id)) {
      throw new InputError(
        'weights',
        `'${name}' is weighted but not among the selected benchmarks; add it to benchmarks or drop the weight.`
      )
    }
  }
  return BUILTIN_SUITE.filter((b) => ids.has(b.id))
}

export function createBuiltinEvaluator(options: BuiltinEvaluatorOptions = {}): Evaluator {
  const selected = selectBuiltinBenchmarks(options)
  return {
    info: { kind: 'builtin', settings: { benchmarks: selected.map((b) => b.id) } },
    reports: selected.map((b) => b.id),
    async evaluate(checkpoints, { log, onProgress, onCheckpoint }) {
      const progress = countProgress(checkpoints.length, onProgress)
      const results: CheckpointEvaluation[] = checkpoints.map((checkpoint) => {
        const started = performance.now()
        const scores = builtinScores(checkpoint.step, selected)
        onCheckpoint?.({ name: checkpoint.name, state: 'ok', scores })
        progress(checkpoint.name)
        return { checkpoint, status: 'ok', scores, metrics: {}, durationMs: performance.now() - started }
      })
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
