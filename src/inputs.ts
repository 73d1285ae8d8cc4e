// Every input's name, in one place. The action reads them as INPUT_*; the CLI takes the same
// names as --flags. action.yml describes them for GitHub (a test keeps the two in step).

export const Inputs = {
  CheckpointDir: 'checkpoint-dir',
  Evaluator: 'evaluator',
  Benchmarks: 'benchmarks',
  Weights: 'weights',
  OutputDir: 'output-dir',
  EvalCommand: 'eval-command',
  EvalConcurrency: 'eval-concurrency',
  EvalTimeout: 'eval-timeout',
  Metric: 'metric',
  GreaterIsBetter: 'greater-is-better'
} as const

export type InputName = (typeof Inputs)[keyof typeof Inputs]

/** Reads one input as text: '' when it is not set. */
export type InputReader = (name: InputName) => string

/** For the CLI's --help; action.yml holds the same text for GitHub. */
export const INPUT_HELP: Record<InputName, { description: string; default?: string; boolean?: boolean }> = {
  'checkpoint-dir': { description: 'Folder holding the checkpoint folders (step_1000, checkpoint-500, …)', default: 'checkpoints' },
  evaluator: { description: 'How checkpoints are scored: builtin, command or results', default: 'builtin' },
  benchmarks: { description: 'Only these benchmarks (ids or names, comma or newline separated)' },
  weights: { description: 'Benchmark weights for eval_accuracy, `name=weight` per line or comma separated' },
  'output-dir': { description: 'Where scores.json and scores.csv are written', default: './eval-results locally, $RUNNER_TEMP/checkpoint-eval in Actions' },
  'eval-command': { description: 'evaluator=command: run per checkpoint, with {checkpoint} {step} {name} {output}' },
  'eval-concurrency': { description: 'evaluator=command: checkpoints evaluated at once', default: 'number of CPUs' },
  'eval-timeout': { description: 'evaluator=command: time limit per checkpoint (e.g. 90s, 30m, 2h)', default: '60m' },
  metric: { description: 'Metric that ranks checkpoints (eval_ prefix optional)', default: 'eval_accuracy' },
  'greater-is-better': { description: 'true, false or auto (lower wins for *loss)', default: 'auto' }
}
