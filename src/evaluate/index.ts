// Picks the evaluator the config names. Everything only an evaluator knows (the built-in suite's
// benchmark names, the command template's rules) is checked here, before anything runs, and
// reported as an InputError on the input to change.
import type { EvaluationConfig } from '../config/types.js'
import { InputError } from '../util/errors.js'
import { createBuiltinEvaluator } from './builtin/evaluator.js'
import { createCommandEvaluator } from './command/evaluator.js'
import type { Evaluator } from './evaluator.js'
import { createResultsEvaluator } from './results/evaluator.js'

export type { AllFailed, Evaluator, EvaluateOptions } from './evaluator.js'

export interface EvaluatorContext {
  /** Working folder commands run in. */
  cwd: string
  /** Where per-checkpoint outputs go. */
  outputDir: string
}

export function createEvaluator(config: EvaluationConfig, context: EvaluatorContext): Evaluator {
  switch (config.evaluator) {
    case 'builtin':
      return createBuiltinEvaluator({ benchmarks: config.benchmarks, weights: config.weights })
    case 'command':
      if (!config.command) {
        throw new InputError(
          'eval-command',
          "evaluator 'command' needs eval-command, e.g. `python eval.py --model {checkpoint} --out {output}`."
        )
      }
      return createCommandEvaluator({
        command: config.command,
        concurrency: config.concurrency,
        timeoutMs: config.timeoutMs,
        cwd: context.cwd,
        outputDir: context.outputDir,
        devices: config.devices
      })
    case 'results':
      return createResultsEvaluator({ files: config.resultsFiles })
  }
}
