// Every input, once: its name, kind, default and description. action.yml says the same to
// GitHub (a test holds the two equal); the CLI builds its flags and --help from this table, and
// config/parse.ts takes its defaults from it. Outputs likewise.

/**
 * How an input's text is read. yes-no accepts one vocabulary everywhere (see YES_NO);
 * yes-no-auto adds `auto`; a list is comma- or newline-separated; a path is relative to the
 * workspace (the CLI's working folder).
 */
export type InputKind =
  'text' | 'path' | 'list' | 'choice' | 'yes-no' | 'yes-no-auto' | 'number' | 'count' | 'duration' | 'url' | 'secret'

export interface InputSpec {
  kind: InputKind
  /** Exactly as action.yml gives it; absent when it depends on where the action runs (see description). */
  default?: string
  /** Exactly action.yml's description. */
  description: string
  /** For kind 'choice': the accepted values, lower case. */
  choices?: readonly string[]
  /** What an unset input means from a terminal, when that differs from the description. */
  local?: string
  /** Meaningful only inside GitHub Actions: not a CLI flag. */
  actionOnly?: boolean
}

export const INPUTS = {
  'checkpoint-dir': {
    kind: 'path',
    default: 'checkpoints',
    description:
      'Folder holding the checkpoint folders (step_1000, step-1000, checkpoint-500, checkpoint_500, global_step_20, global_step20), relative to the workspace.'
  },
  evaluator: {
    kind: 'choice',
    choices: ['builtin', 'command', 'results'],
    default: 'builtin',
    description:
      'How checkpoints are scored: `builtin` (the built-in 15-benchmark suite), `command` (your eval-command per checkpoint) or `results` (metrics already on disk: trainer_state.json, eval_results.json, lm-evaluation-harness or lighteval results).'
  },
  benchmarks: {
    kind: 'list',
    description: 'Only these benchmarks (ids or display names, comma or newline separated). Default: all.'
  },
  weights: {
    kind: 'list',
    description:
      'Benchmark weights for eval_accuracy, one `name=weight` per line or comma separated (unlisted benchmarks weigh 1).'
  },
  'output-dir': {
    kind: 'path',
    local: './eval-results',
    description: 'Where scores.json and scores.csv are written. Default: $RUNNER_TEMP/checkpoint-eval.'
  },
  'eval-command': {
    kind: 'text',
    description:
      'evaluator=command: shell command run once per checkpoint; {checkpoint}, {step}, {name} and {output} are replaced (quoted). Metrics: a JSON object on the last stdout line or in {output}.'
  },
  'eval-concurrency': {
    kind: 'count',
    description:
      'evaluator=command: how many checkpoints are evaluated at once. Default: the number of CPUs (with eval-devices: the number of device groups).'
  },
  'eval-timeout': {
    kind: 'duration',
    default: '60m',
    description: 'evaluator=command: time limit per checkpoint, e.g. 90s, 30m, 2h (a bare number is seconds).'
  },
  'eval-devices': {
    kind: 'list',
    description:
      'evaluator=command: GPUs to share out, e.g. `0,1,2,3`, or `auto` (from nvidia-smi -L, or $CUDA_VISIBLE_DEVICES when set). Each running evaluation gets its own group through CUDA_VISIBLE_DEVICES and {device}; eval-concurrency defaults to the number of groups.'
  },
  'devices-per-eval': {
    kind: 'count',
    description:
      'evaluator=command, with eval-devices: how many devices each evaluation gets (for models that need more than one GPU). Default: 1.'
  },
  'results-files': {
    kind: 'list',
    default: '**/results_*.json, **/*{step}*.json, eval_results.json, all_results.json, trainer_state.json',
    description:
      'evaluator=results: files to read in each checkpoint folder, tried in order (globs; {name} and {step} are filled in).'
  },
  cache: {
    kind: 'yes-no',
    actionOnly: true,
    default: 'true',
    description:
      'Keep results in the GitHub Actions cache and evaluate only checkpoints (or settings) not seen before: a result is reused when the checkpoint files and the evaluator settings are the same. `false` evaluates everything.'
  },
  'cache-dir': {
    kind: 'path',
    description:
      'Keep results in this folder instead (a persistent folder of a self-hosted runner, or the CLI, where caching is off unless this is given).'
  },
  metric: {
    kind: 'text',
    description:
      'The metric that ranks checkpoints, as the results name it (eval_wer, acc_norm, mmlu_stem, or task/metric such as lambada_openai/acc; the eval_ prefix is optional). Default: eval_accuracy when the results have it, else the metric the Trainer optimised, else the mean of the scores when they share a direction and scale; otherwise the run stops and lists the choices.'
  },
  'greater-is-better': {
    kind: 'yes-no-auto',
    default: 'auto',
    description: 'true, false or auto (auto: lower wins for loss-like metrics, or as the results file says).'
  },
  'min-score': {
    kind: 'number',
    description:
      "Fail the job (after the report is written) when the winner's metric is below this (above it, for lower-is-better metrics). Equal passes."
  },
  baseline: {
    kind: 'text',
    description:
      'Compare the winner with an earlier result: a path to a scores.json, or `hub` for the scores in the model card published at repo-id. A missing baseline passes with a notice.'
  },
  'max-regression': {
    kind: 'number',
    description:
      'Largest allowed drop of the metric from the baseline, absolute (e.g. 0.005); a drop exactly this big passes; 0 allows none. Needs baseline.'
  },
  comment: {
    kind: 'choice',
    actionOnly: true,
    choices: ['auto', 'always', 'never'],
    default: 'auto',
    description:
      'Pull-request comment with the winner, the change against the baseline and the gate: `auto` (on pull_request events, skipped with a notice when the token may not write), `always` (fail when it cannot be written) or `never`.'
  },
  'github-token': {
    kind: 'secret',
    actionOnly: true,
    default: '${{ github.token }}',
    description: 'Token for the pull-request comment; needs `pull-requests: write`.'
  },
  'artifact-name': {
    kind: 'text',
    description:
      'Name of the uploaded artifact holding scores.json, scores.csv and the summary. Default: unique per job (so matrix jobs do not collide); shards use <artifact-name>-shard-i-of-n with artifact-name defaulting to checkpoint-eval.'
  },
  'repo-id': {
    kind: 'text',
    description:
      "Hub model repo to publish the winner to: `name` (under the token owner's namespace) or `namespace/name`."
  },
  'hf-token': {
    kind: 'secret',
    local: '$HF_TOKEN, then the Hub token file (~/.cache/huggingface/token, or --token-file)',
    description:
      'Hugging Face token with write access (a secret). Empty: trusted publishing through GitHub OIDC when the job has `id-token: write`.'
  },
  publish: {
    kind: 'choice',
    choices: ['auto', 'always', 'never'],
    default: 'auto',
    description:
      '`auto` (publish when credentials are present and the run is for a release tag or release event), `always` or `never`.'
  },
  'hub-url': {
    kind: 'url',
    description: 'Hub endpoint (enterprise or test hubs). Default: $HF_ENDPOINT if set, else https://huggingface.co.'
  },
  'hub-timeout': {
    kind: 'duration',
    default: '60s',
    description:
      'A Hub request that gets no answer, or an upload or download that moves no data, for this long fails with an error naming the request, e.g. 30s, 2m.'
  },
  'publish-timeout': {
    kind: 'duration',
    default: '2h',
    description: 'Time limit for the whole publish (credentials, upload, commit, verification), e.g. 90m, 3h.'
  },
  private: {
    kind: 'yes-no',
    default: 'false',
    description: 'Create the repo private; only applies when the repo is created.'
  },
  revision: {
    kind: 'text',
    default: 'main',
    description: 'Branch to publish to; created from main when missing.'
  },
  'create-pr': {
    kind: 'yes-no',
    default: 'false',
    description: 'Open a Hub pull request instead of pushing to the branch.'
  },
  'commit-message': {
    kind: 'text',
    description:
      'Title of the Hub commit. Default names the checkpoint, its step and eval_accuracy; the description links the GitHub run.'
  },
  'model-card': {
    kind: 'path',
    description:
      'Model card template (a README.md with {RESULT} and named placeholders). Default: README.md in the winning checkpoint, or a README.md with placeholders beside the checkpoint folders, or a generated card.'
  },
  'card-metadata': {
    kind: 'choice',
    choices: ['none', 'model-index'],
    default: 'none',
    description:
      '`none` or `model-index` (add the scores to the card front matter as model-index, which the Hub validates).'
  },
  'card-task': {
    kind: 'text',
    description:
      "model-index: the Hub task the scores are for (e.g. `text-classification`, `automatic-speech-recognition`). Default: the card's pipeline_tag."
  },
  'card-dataset': {
    kind: 'text',
    description:
      'model-index: the Hub dataset the scores were measured on, as `id`, `id:config` or `id:config:split` (e.g. `nyu-mll/glue:mrpc:validation`). lm-evaluation-harness results name their own datasets.'
  },
  assets: {
    kind: 'list',
    description: 'Extra files to upload, globs relative to the workspace (one per line or comma separated).'
  },
  exclude: {
    kind: 'list',
    description:
      'Files of the checkpoint not to upload, globs on repo paths (like .gitignore; `!optimizer.pt` brings back default-excluded training state). Token and secret files are never uploaded.'
  },
  'dry-run': {
    kind: 'yes-no',
    default: 'false',
    description:
      'Prepare and show everything that would be published (the upload list is in the summary), send nothing.'
  },
  'hub-tag': {
    kind: 'yes-no',
    default: 'false',
    description: 'On a tag run, tag the Hub commit with the same name.'
  },
  shard: {
    kind: 'text',
    description:
      'Evaluate only slice i of n (e.g. `${{ matrix.shard }}/4`): writes scores-shard-i-of-n.json and uploads it as <artifact-name>-shard-i-of-n. A shard does not gate or publish.'
  },
  aggregate: {
    kind: 'text',
    description:
      "Rank the shards' partial score files instead of evaluating, then report, gate and publish as a single run. `artifacts` downloads this workflow run's <artifact-name>-shard-i-of-n artifacts (artifact-name defaulting to checkpoint-eval) into <output-dir>/shards itself (the shard jobs must be in needs:); otherwise a folder, file or glob, e.g. the folder actions/download-artifact wrote with merge-multiple (a folder named artifacts is given as ./artifacts)."
  }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS

/** Reads one input as text: '' when it is not set. */
export type InputReader = (name: InputName) => string

/** The table's default for an input; expressions GitHub fills in (`${{ github.token }}`) don't count. */
export function inputDefault(name: InputName): string | undefined {
  const spec: InputSpec = INPUTS[name]
  return spec.default?.startsWith('${{') ? undefined : spec.default
}

/** Every output, once: name and description (action.yml says the same; a test holds them equal). */
export const OUTPUTS = {
  'best-checkpoint': 'Path of the winning checkpoint folder.',
  'best-step': 'Step of the winning checkpoint.',
  'eval-accuracy': "The winner's eval_accuracy, with three decimals.",
  'metric-value': "The winner's value of the ranking metric.",
  'scores-file': 'Path of scores.json (scores.csv is beside it).',
  'checkpoints-evaluated': 'How many checkpoints were evaluated successfully.',
  'checkpoints-cached': 'How many checkpoint results were reused from the cache instead of evaluated.',
  'evaluations-run': 'How many checkpoints were evaluated by this run (not taken from the cache).',
  'checkpoints-skipped': 'How many checkpoint folders were skipped (missing config or weights).',
  'checkpoints-failed': 'How many checkpoints failed to evaluate.',
  gate: '`passed`, `failed` or `skipped` (no gate configured, or a shard job).',
  'artifact-id': 'ID of the uploaded scores artifact (empty when not uploaded).',
  'artifact-url': 'URL of the uploaded scores artifact.',
  'comment-url': 'URL of the pull-request comment, when one was written.',
  published: '`true` when the winner was published to the Hub.',
  'repo-url': 'URL of the Hub repo (<hub-url>/<namespace>/<name>).',
  'commit-sha': 'The Hub commit.',
  'commit-url': 'URL of the Hub commit.',
  'pr-url': 'URL of the Hub pull request, with create-pr.'
} as const satisfies Record<string, string>

export type OutputName = keyof typeof OUTPUTS
