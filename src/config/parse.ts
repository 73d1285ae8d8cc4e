// Inputs (from the action or the CLI) -> one typed Config. This checks what the inputs say on
// their own and against each other; what only a stage knows (the built-in suite's benchmark
// names, the command template's rules) that stage checks when it is created, still before any
// side effect. Every error names the input and says how to fix it.
import os from 'node:os'
import path from 'node:path'
import { parseRepoId } from '../domain/repo-id.js'
import type { DatasetRef } from '../domain/types.js'
import { InputError } from '../util/errors.js'
import type { InputName, InputReader } from './inputs.js'
import { assertConfined, type Confinement } from './confine.js'
import { inputValues, parseWeights, yesNoWord, type InputValues } from './read.js'
import type {
  AggregateSource,
  BaselineSource,
  CommentMode,
  CacheConfig,
  Config,
  DeviceConfig,
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
  /** In GitHub Actions: the folder `cache` (default true) restores the Actions cache into. */
  actionsCacheDir?: string
  /**
   * Folders every path input must stay inside, after resolving symlinks (the action: the
   * workspace and RUNNER_TEMP). `exempt` names inputs the user gave explicitly (CLI flags).
   */
  confineTo?: Confinement
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
    timeoutMs: inputs.duration('eval-timeout'),
    devices: parseDevices(inputs)
  }
}

/** eval-devices (a list, or `auto`) and devices-per-eval; the device groups themselves are made when evaluating. */
function parseDevices(inputs: InputValues): DeviceConfig | undefined {
  const ids = inputs.list('eval-devices')
  const perEval = inputs.count('devices-per-eval')
  if (ids.length === 0) {
    if (perEval !== undefined) {
      throw new InputError('devices-per-eval', 'needs eval-devices: list the GPUs to share out, e.g. 0,1,2,3, or auto.')
    }
    return undefined
  }
  if (inputs.choice('evaluator') !== 'command') {
    throw new InputError(
      'eval-devices',
      'applies to evaluator=command (it sets CUDA_VISIBLE_DEVICES for each eval-command); remove it or set evaluator to command.'
    )
  }
  const auto = ids.length === 1 && ids[0].toLowerCase() === 'auto'
  if (!auto) {
    const bad = ids.find((id) => id.toLowerCase() === 'auto' || !/^[A-Za-z0-9:_-]+$/.test(id))
    if (bad !== undefined) {
      throw new InputError(
        'eval-devices',
        `'${bad}' is not a device id. Write device indices or UUIDs as CUDA_VISIBLE_DEVICES takes them, e.g. 0,1,2,3 (or auto alone).`
      )
    }
    if (new Set(ids).size !== ids.length) {
      throw new InputError(
        'eval-devices',
        `lists a device twice (${ids.join(',')}); each device goes to one evaluation at a time.`
      )
    }
    if (perEval !== undefined && perEval > ids.length) {
      throw new InputError(
        'devices-per-eval',
        `is ${perEval} but eval-devices lists only ${ids.length} device(s); lower devices-per-eval or list more devices.`
      )
    }
  }
  return { ids: auto ? 'auto' : ids, perEval: perEval ?? 1, maxConcurrent: inputs.count('eval-concurrency') }
}

/** cache-dir wins; otherwise `cache` (default true) means the Actions cache inside GitHub Actions, nothing in a terminal. */
function parseCache(inputs: InputValues, defaults: ConfigDefaults): CacheConfig {
  if (!inputs.yesNo('cache')) return { kind: 'off' }
  const dir = inputs.path('cache-dir')
  if (dir) return { kind: 'dir', dir }
  return defaults.actionsCacheDir ? { kind: 'actions', dir: defaults.actionsCacheDir } : { kind: 'off' }
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

/** A URL's text with anything before an `@` in its authority hidden (it may be a password). */
function withoutUserInfo(value: string): string {
  return value.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, '$1***@')
}

/** http(s) only, without a trailing slash (the client appends paths): the one place it is stripped. */
function parseHubUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('hub-url', `'${withoutUserInfo(value)}' is not a URL; write e.g. https://huggingface.co.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('hub-url', `'${withoutUserInfo(value)}' must be an http(s) URL, e.g. https://huggingface.co.`)
  }
  // Never echoed: the text may hold a password.
  if (url.username || url.password) {
    throw new InputError(
      'hub-url',
      `holds a user name or password (https://user:pass@host): credentials never go in the URL, where logs would show them. ` +
        `Give the Hub's address alone (${url.protocol}//${url.host}) and the token as hf-token.`
    )
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
    cardTask: parseCardTask(inputs.text('card-task')),
    cardDataset: parseCardDataset(inputs.text('card-dataset')),
    assets: inputs.list('assets'),
    exclude: inputs.list('exclude'),
    dryRun: inputs.yesNo('dry-run'),
    hubTag: inputs.yesNo('hub-tag'),
    hubTimeoutMs: inputs.duration('hub-timeout'),
    publishTimeoutMs: inputs.duration('publish-timeout')
  }
}

/** A Hub task id, as pipeline_tag writes it: `text-classification`. */
export function parseCardTask(value: string | undefined): string | undefined {
  const task = value?.trim()
  if (!task) return undefined
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(task)) {
    throw new InputError(
      'card-task',
      `'${task}' is not a Hub task id: use the card's pipeline_tag form, lower case with dashes, e.g. text-classification or automatic-speech-recognition.`
    )
  }
  return task
}

/** `id`, `id:config` or `id:config:split` (the split may itself hold `:`, as in `test[:10%]`). */
export function parseCardDataset(value: string | undefined): DatasetRef | undefined {
  const text = value?.trim()
  if (!text) return undefined
  const [type, config, ...split] = text.split(':').map((part) => part.trim())
  const splitText = split.join(':')
  if (!/^[\w.-]+(?:\/[\w.-]+)?$/.test(type) || config === '' || (split.length > 0 && splitText === '')) {
    throw new InputError(
      'card-dataset',
      `'${text}' must be a Hub dataset id, optionally with its config and split: id, id:config or id:config:split, e.g. nyu-mll/glue:mrpc:validation.`
    )
  }
  return {
    type,
    name: config ? `${type} ${config}` : type,
    ...(config ? { config } : {}),
    ...(splitText ? { split: splitText } : {})
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

/** Path inputs that are read or written stay inside the allowed folders (config/confine.ts). */
function confinePaths(
  defaults: ConfigDefaults,
  inputs: InputValues,
  paths: { outputDir: string; modelCard?: string; baseline?: BaselineSource }
): void {
  const given = (name: InputName) => ({ given: inputs.text(name) })
  assertConfined('output-dir', paths.outputDir, defaults.confineTo, {
    kernelFs: true,
    writable: true,
    ...given('output-dir')
  })
  if (paths.modelCard) assertConfined('model-card', paths.modelCard, defaults.confineTo, given('model-card'))
  if (paths.baseline?.kind === 'file')
    assertConfined('baseline', paths.baseline.path, defaults.confineTo, given('baseline'))
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
  const outputDir = inputs.path('output-dir') ?? path.resolve(workspace, defaults.outputDir)
  confinePaths(defaults, inputs, { outputDir, modelCard: publish.modelCard, baseline: gate.baseline })
  return {
    workspace,
    checkpointDir: path.resolve(workspace, checkpointDirGiven),
    outputDir,
    evaluation: parseEvaluation(inputs, defaults),
    cache: parseCache(inputs, defaults),
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
