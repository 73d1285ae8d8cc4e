// Picks the evaluator the config names.
import type { EvaluationConfig } from '../config/types.js'
import { createBuiltinEvaluator } from './builtin/evaluator.js'
import { createCommandEvaluator } from './command/evaluator.js'
import type { Evaluator } from './evaluator.js'
import { createResultsEvaluator } from './results/evaluator.js'

export type { Evaluator, EvaluateOptions } from './evaluator.js'

export interface EvaluatorContext {
  /** Working folder commands run in. */
  cwd: string
  /** Where per-checkpoint outputs go. */
  outputDir: string
}

export function createEvaluator(config: EvaluationConfig, context: EvaluatorContext): Evaluator {
  switch (config.evaluator) {
    case 'builtin':
      return createBuiltinEvaluator({ benchmarks: config.benchmarks })
    case 'command':
      return createCommandEvaluator({
        command: config.command!,
        concurrency: config.concurrency,
        timeoutMs: config.timeoutMs,
        cwd: context.cwd,
        outputDir: context.outputDir
      })
    case 'results':
      return createResultsEvaluator({ files: config.resultsFiles })
  }
}
