// Inputs (from the action or the CLI) -> one typed Config. This checks what the inputs say on
// their own and against each other; what only a stage knows (the built-in suite's benchmark
// names, the command template's rules) that stage checks when it is created, still before any
// side effect. Every error names the input and says how to fix it.
import os from 'node:os'
import path from 'node:path'
import { parseRepoId } from '../domain/repo-id.js'
import { InputError } from '../util/errors.js'
import type { InputReader } from './inputs.js'
import { inputValues, parseWeights, yesNoWord, type InputValues } from './read.js'
import type {
  AggregateSource,
  BaselineSource,
  CommentMode,
  Config,
  EvaluationConfig,
  GateConfig,
  PublishConfig,
  PublishMode,
  ReportConfig,
  ShardSpec
} from './types.js'

/** What the entry point knows that the inputs don't. */
export interface ConfigDefaults {
  /** Absolute: GITHUB_WORKSPACE in the action, the working folder in the CLI. Paths resolve here. */
  workspace: string
  outputDir: string
  cpus?: number
  /** HF_ENDPOINT, when set. */
  hubUrl?: string
}

/** The public Hub: hub-url when neither the input nor HF_ENDPOINT names another. */
const HUGGING_FACE_HUB = 'https://huggingface.co'

/** The word that makes `aggregate` fetch this run's shard artifacts instead of reading files. */
export const AGGREGATE_FROM_ARTIFACTS = 'artifacts'

function parseEvaluation(inputs: InputValues, defaults: ConfigDefaults): EvaluationConfig {
  const benchmarks = inputs.list('benchmarks')
  const resultsFiles = inputs.list('results-files')
  return {
    evaluator: inputs.choice('evaluator'),
    benchmarks: benchmarks.length > 0 ? benchmarks : undefined,
    weights: parseWeights(inputs.text('weights') ?? ''),
    command: inputs.text('eval-command'),
    resultsFiles: resultsFiles.length > 0 ? resultsFiles : undefined,
    concurrency: inputs.count('eval-concurrency') ?? defaults.cpus ?? os.availableParallelism(),
    timeoutMs: inputs.duration('eval-timeout')
  }
}

function parseGate(inputs: InputValues, workspace: string): GateConfig {
  const minScore = inputs.number('min-score', '0.7')
  const maxRegression = inputs.number('max-regression', '0.005')
  if (maxRegression !== undefined && maxRegression < 0) {
    throw new InputError(
      'max-regression',
      `'${maxRegression}' is negative; it is the largest allowed drop: 0 allows none, 0.005 half a point.`
    )
  }
  const baselineText = inputs.text('baseline')
  const baseline: BaselineSource | undefined =
    baselineText === undefined
      ? undefined
      : baselineText.toLowerCase() === 'hub'
        ? { kind: 'hub' }
        : { kind: 'file', path: path.resolve(workspace, baselineText), given: baselineText }
  if (maxRegression !== undefined && !baseline) {
    throw new InputError(
      'max-regression',
      'is set but baseline is not, so there is nothing to compare with: set baseline to an earlier scores.json or to hub.'
    )
  }
  return { minScore, baseline, maxRegression }
}

function parseReport(inputs: InputValues): ReportConfig {
  // true/false (and the other yes/no words) read naturally in YAML: they mean always/never.
  const yesNo = yesNoWord(inputs.text('comment') ?? '')
  return {
    comment: yesNo === undefined ? inputs.choice<CommentMode>('comment') : yesNo ? 'always' : 'never',
    githubToken: inputs.text('github-token'),
    artifactName: inputs.text('artifact-name')
  }
}

/** http(s) only, without a trailing slash (the client appends paths): the one place it is stripped. */
function parseHubUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('hub-url', `'${value}' is not a URL; write e.g. https://huggingface.co.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('hub-url', `'${value}' must be an http(s) URL, e.g. https://huggingface.co.`)
  }
  return url.toString().replace(/\/+$/, '')
}

function parsePublish(inputs: InputValues, defaults: ConfigDefaults): PublishConfig {
  const repoText = inputs.text('repo-id')
  const mode = inputs.choice<PublishMode>('publish')
  const repo = repoText ? parseRepoId(repoText, { inputName: 'repo-id' }) : undefined
  if (mode === 'always' && !repo) {
    throw new InputError(
      'repo-id',
      "publish is 'always' but repo-id is empty: set repo-id to the Hub model repo (name or namespace/name)."
    )
  }
  return {
    mode,
    repo,
    token: inputs.text('hf-token'),
    hubUrl: parseHubUrl(inputs.text('hub-url') ?? defaults.hubUrl ?? HUGGING_FACE_HUB),
    private: inputs.yesNo('private'),
    revision: inputs.withDefault('revision'),
    createPr: inputs.yesNo('create-pr'),
    commitMessage: inputs.text('commit-message'),
    modelCard: inputs.path('model-card'),
    cardMetadata: inputs.choice('card-metadata'),
    assets: inputs.list('assets'),
    exclude: inputs.list('exclude'),
    dryRun: inputs.yesNo('dry-run'),
    hubTag: inputs.yesNo('hub-tag')
  }
}

/** `i/n` with 1 <= i <= n. */
export function parseShard(value: string | undefined): ShardSpec | undefined {
  if (value === undefined) return undefined
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = match ? Number(match[1]) : NaN
  const count = match ? Number(match[2]) : NaN
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(
      'shard',
      `'${value}' must be i/n with 1 <= i <= n, e.g. 2/4 (in a matrix: \${{ matrix.shard }}/4).`
    )
  }
  return { index, count }
}

/** `artifacts` fetches this run's shard artifacts; anything else is a folder, file or glob in the workspace. */
function parseAggregate(value: string | undefined, workspace: string): AggregateSource | undefined {
  if (value === undefined) return undefined
  if (value === AGGREGATE_FROM_ARTIFACTS) return { kind: 'artifacts' }
  return { kind: 'files', pattern: path.resolve(workspace, value), given: value }
}

export function parseConfig(read: InputReader, defaults: ConfigDefaults): Config {
  const workspace = path.resolve(defaults.workspace)
  const inputs = inputValues(read, workspace)
  const shard = parseShard(inputs.text('shard'))
  const aggregate = parseAggregate(inputs.text('aggregate'), workspace)
  const publish = parsePublish(inputs, defaults)
  const gate = parseGate(inputs, workspace)
  if (shard && aggregate) {
    throw new InputError(
      'aggregate',
      'a job either evaluates a shard or aggregates the shards, not both: remove shard or aggregate.'
    )
  }
  if (shard && publish.mode === 'always') {
    throw new InputError(
      'publish',
      "a shard job never publishes (it sees only part of the checkpoints): publish from the aggregate job, or set publish to 'auto' or 'never'."
    )
  }
  const checkpointDirGiven = inputs.withDefault('checkpoint-dir')
  return {
    workspace,
    checkpointDir: path.resolve(workspace, checkpointDirGiven),
    outputDir: inputs.path('output-dir') ?? path.resolve(workspace, defaults.outputDir),
    evaluation: parseEvaluation(inputs, defaults),
    ranking: {
      metric: inputs.text('metric'),
      greaterIsBetter: inputs.yesNoAuto('greater-is-better')
    },
    gate,
    report: parseReport(inputs),
    publish,
    shard,
    aggregate
  }
}
