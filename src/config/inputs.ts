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
  ResultsFiles: 'results-files',
  Metric: 'metric',
  GreaterIsBetter: 'greater-is-better',
  // gate and report
  MinScore: 'min-score',
  Baseline: 'baseline',
  MaxRegression: 'max-regression',
  Comment: 'comment',
  GithubToken: 'github-token',
  ArtifactName: 'artifact-name',
  // publish
  RepoId: 'repo-id',
  HfToken: 'hf-token',
  Publish: 'publish',
  HubUrl: 'hub-url',
  Private: 'private',
  Revision: 'revision',
  CreatePr: 'create-pr',
  CommitMessage: 'commit-message',
  ModelCard: 'model-card',
  CardMetadata: 'card-metadata',
  Assets: 'assets',
  Exclude: 'exclude',
  DryRun: 'dry-run',
  HubTag: 'hub-tag',
  // scale out
  Shard: 'shard',
  Aggregate: 'aggregate'
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
  'results-files': { description: 'evaluator=results: files to read per checkpoint (globs; {name} and {step} filled in)', default: 'results_*.json, eval_results.json, all_results.json, trainer_state.json' },
  metric: { description: 'Metric that ranks checkpoints (eval_ prefix optional)', default: 'eval_accuracy' },
  'greater-is-better': { description: 'true, false or auto (lower wins for *loss)', default: 'auto' },
  'min-score': { description: "Fail when the winner's metric is below this (above, for lower-is-better)" },
  baseline: { description: 'Compare with an earlier scores.json (a path) or the model card published at repo-id (hub)' },
  'max-regression': { description: 'Largest allowed drop from the baseline, e.g. 0.005 (0 = none)' },
  comment: { description: 'Pull-request comment: auto, always or never', default: 'auto' },
  'github-token': { description: 'Token for the pull-request comment', default: '${{ github.token }} in Actions' },
  'artifact-name': { description: 'Name of the scores artifact', default: 'unique per job' },
  'repo-id': { description: 'Hub model repo to publish to: name or namespace/name' },
  'hf-token': { description: 'Hugging Face token with write access (locally: HF_TOKEN or the Hub token file)' },
  publish: { description: 'auto (release tags with credentials), always or never', default: 'auto' },
  'hub-url': { description: 'Hub endpoint', default: '$HF_ENDPOINT or https://huggingface.co' },
  private: { description: 'Create the repo private (only when it is created)', default: 'false', boolean: true },
  revision: { description: 'Branch to publish to (created when missing)', default: 'main' },
  'create-pr': { description: 'Open a Hub pull request instead of pushing', default: 'false', boolean: true },
  'commit-message': { description: 'Hub commit title', default: 'names the step, eval_accuracy and the run' },
  'model-card': { description: 'Model card template (README.md with placeholders)' },
  'card-metadata': { description: 'none or model-index (add results to the front matter)', default: 'none' },
  assets: { description: 'Extra files to upload (globs, relative to the workspace)' },
  exclude: { description: 'Files of the checkpoint not to upload (globs)' },
  'dry-run': { description: 'Prepare and show the upload, send nothing', default: 'false', boolean: true },
  'hub-tag': { description: 'On a tag run, tag the Hub commit with the same name', default: 'false', boolean: true },
  shard: { description: 'Evaluate only slice i of n (e.g. 2/4); writes a partial scores file' },
  aggregate: { description: "Merge the partial scores files of every shard (a path or glob, or 'artifacts': download this run's shard artifacts; a folder named artifacts is ./artifacts), then rank, report, gate, publish" }
}
