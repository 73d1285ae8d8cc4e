// Every output's name, in one place (action.yml describes them; a test keeps the two in step).
export const Outputs = {
  BestCheckpoint: 'best-checkpoint',
  BestStep: 'best-step',
  EvalAccuracy: 'eval-accuracy',
  MetricValue: 'metric-value',
  ScoresFile: 'scores-file',
  CheckpointsEvaluated: 'checkpoints-evaluated',
  CheckpointsSkipped: 'checkpoints-skipped',
  CheckpointsFailed: 'checkpoints-failed'
} as const

export type OutputName = (typeof Outputs)[keyof typeof Outputs]
