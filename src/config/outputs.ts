// Every output's name, in one place (action.yml describes them; a test keeps the two in step).
export const Outputs = {
  BestCheckpoint: 'best-checkpoint',
  BestStep: 'best-step',
  EvalAccuracy: 'eval-accuracy',
  MetricValue: 'metric-value',
  ScoresFile: 'scores-file',
  CheckpointsEvaluated: 'checkpoints-evaluated',
  CheckpointsSkipped: 'checkpoints-skipped',
  CheckpointsFailed: 'checkpoints-failed',
  Gate: 'gate',
  ArtifactId: 'artifact-id',
  ArtifactUrl: 'artifact-url',
  CommentUrl: 'comment-url',
  Published: 'published',
  RepoUrl: 'repo-url',
  CommitSha: 'commit-sha',
  CommitUrl: 'commit-url',
  PrUrl: 'pr-url'
} as const

export type OutputName = (typeof Outputs)[keyof typeof Outputs]
