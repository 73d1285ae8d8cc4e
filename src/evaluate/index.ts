// Picks the evaluator the config names.
import type { EvaluationConfig } from '../config.js'
import { createBuiltinEvaluator } from './builtin.js'
import type { Evaluator } from './evaluator.js'

export type { Evaluator, EvaluateOptions } from './evaluator.js'

export interface EvaluatorContext {
  /** Working folder commands run in. */
  cwd: string
  /** Where per-checkpoint outputs go. */
  outputDir: string
}

export function createEvaluator(config: EvaluationConfig, _context: EvaluatorContext): Evaluator {
  switch (config.evaluator) {
    case 'builtin':
      return createBuiltinEvaluator({ benchmarks: config.benchmarks })
    default:
      throw new Error(`evaluator '${config.evaluator}' is not available in this build`)
  }
}
