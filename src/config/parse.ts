// Inputs (from the action or the CLI) -> one typed, validated Config. Every error names the
// input and says how to fix it, and is raised before the pipeline touches anything.
import os from 'node:os'
import path from 'node:path'
import { BUILTIN_SUITE } from '../evaluate/builtin/suite.js'
import { checkCommandTemplate } from '../evaluate/command/template.js'
import { parseRepoId, type RepoIdParts } from '../domain/repo-id.js'
import { Inputs, type InputName, type InputReader } from './inputs.js'
import { normalizeLabel } from '../domain/labels.js'
import type { Benchmark } from '../domain/types.js'
import { EVAL_ACCURACY } from '../domain/metric.js'

export type EvaluatorKind = 'builtin' | 'command' | 'results'

export interface EvaluationConfig {
  evaluator: EvaluatorKind
  /** Benchmark ids (builtin) or names as the evaluator reports them; undefined = all. */
  benchmarks?: string[]
  /** Benchmark id or name -> weight for eval_accuracy. */
  weights: Record<string, number>
  command?: string
  /** evaluator=results: files to read per checkpoint, instead of the default list. */
  resultsFiles?: string[]
  concurrency: number
  timeoutMs: number
}

export interface RankingConfig {
  metric: string
  /** Undefined: decided from the metric. */
  greaterIsBetter?: boolean
}

export type BaselineSource = { kind: 'file'; path: string } | { kind: 'hub' }

export interface GateConfig {
  minScore?: number
  baseline?: BaselineSource
  maxRegression?: number
}

export type CommentMode = 'auto' | 'always' | 'never'

export interface ReportConfig {
  comment: CommentMode
  githubToken?: string
  artifactName?: string
}

export type PublishMode = 'auto' | 'always' | 'never'

export interface PublishConfig {
  mode: PublishMode
  repo?: RepoIdParts
  /** hf-token; masked by the entry point the moment it is read. */
  token?: string
  hubUrl: string
  private: boolean
  revision: string
  createPr: boolean
  commitMessage?: string
  modelCard?: string
  cardMetadata: 'none' | 'model-index'
  assets: string[]
  exclude: string[]
  dryRun: boolean
  hubTag: boolean
}

export interface ShardSpec {
  /** 1-based. */
  index: number
  count: number
}

export interface Config {
  checkpointDir: string
  outputDir: string
  evaluation: EvaluationConfig
  ranking: RankingConfig
  gate: GateConfig
  report: ReportConfig
  publish: PublishConfig
  shard?: ShardSpec
  /** Path or glob of the shards' partial scores files. */
  aggregate?: string
}

/** Where defaults differ between the action and the terminal. */
export interface ConfigDefaults {
  outputDir: string
  cpus?: number
  /** HF_ENDPOINT, when set. */
  hubUrl?: string
}

export class ConfigError extends Error {
  constructor(
    readonly input: InputName,
    message: string
  ) {
    super(`Input '${input}': ${message}`)
  }
}

/** Comma- or newline-separated values, blanks and `#` comments dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}


/** Resolve a benchmark named by id or display name, or explain which names exist. */
export function findBenchmark(input: InputName, label: string, benchmarks: readonly Benchmark[]): Benchmark {
  const key = normalizeLabel(label)
  const found = benchmarks.find((b) => normalizeLabel(b.id) === key || normalizeLabel(b.name) === key)
  if (found) return found
  throw new ConfigError(
    input,
    `unknown benchmark '${label}'. Known benchmarks: ${benchmarks.map((b) => b.id).join(', ')}.`
  )
}

function parseEvaluator(read: InputReader): EvaluatorKind {
  const value = read(Inputs.Evaluator) || 'builtin'
  if (value === 'builtin' || value === 'command' || value === 'results') return value
  throw new ConfigError(Inputs.Evaluator, `'${value}' is not an evaluator. Use builtin, command or results.`)
}

/** `name=weight` entries; weights are positive finite numbers. */
export function parseWeights(value: string): Record<string, number> {
  const weights: Record<string, number> = {}
  for (const entry of splitList(value)) {
    const match = /^([^=:]+?)\s*[=:]\s*(\S+)$/.exec(entry)
    const weight = match ? Number(match[2]) : NaN
    if (!match || !Number.isFinite(weight) || weight <= 0) {
      throw new ConfigError(
        Inputs.Weights,
        `'${entry}' is not a weight. Write one 'benchmark=weight' per line (or comma separated), ` +
          'with a positive number, e.g. math_reasoning=1.2.'
      )
    }
    const name = match[1].trim()
    if (name in weights) throw new ConfigError(Inputs.Weights, `'${name}' is weighted twice; keep one entry.`)
    weights[name] = weight
  }
  return weights
}

/** `90`, `90s`, `30m`, `2h` -> milliseconds. */
export function parseDuration(input: InputName, value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim())
  const amount = match ? Number(match[1]) : NaN
  if (!match || !(amount > 0)) {
    throw new ConfigError(input, `'${value}' is not a duration. Write e.g. 90s, 30m or 2h (a bare number is seconds).`)
  }
  const unit = (match[2] ?? 's').toLowerCase()
  return amount * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h']
}

export function parsePositiveInteger(input: InputName, value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 1) throw new ConfigError(input, `'${value}' must be a whole number of at least 1.`)
  return n
}

/** true / false / auto (undefined). */
export function parseTriState(input: InputName, value: string): boolean | undefined {
  const v = value.trim().toLowerCase()
  if (v === '' || v === 'auto') return undefined
  if (v === 'true' || v === 'yes' || v === '1') return true
  if (v === 'false' || v === 'no' || v === '0') return false
  throw new ConfigError(input, `'${value}' must be true, false or auto.`)
}

/** `aggregating`: the shards evaluated; weights are checked against what they reported. */
function parseEvaluation(read: InputReader, defaults: ConfigDefaults, aggregating: boolean): EvaluationConfig {
  const evaluator = parseEvaluator(read)
  const listed = splitList(read(Inputs.Benchmarks))
  const weights = parseWeights(read(Inputs.Weights))
  let benchmarks: string[] | undefined = listed.length > 0 ? listed : undefined
  if (evaluator === 'builtin' && !aggregating) {
    // Built-in names are known now, so mistakes are caught before anything runs.
    benchmarks = benchmarks?.map((label) => findBenchmark(Inputs.Benchmarks, label, BUILTIN_SUITE).id)
    const usable = benchmarks ? BUILTIN_SUITE.filter((b) => benchmarks!.includes(b.id)) : BUILTIN_SUITE
    for (const name of Object.keys(weights)) {
      const benchmark = findBenchmark(Inputs.Weights, name, BUILTIN_SUITE)
      if (!usable.some((b) => b.id === benchmark.id)) {
        throw new ConfigError(Inputs.Weights, `'${name}' is weighted but not among the selected benchmarks; add it to benchmarks or drop the weight.`)
      }
      if (benchmark.id !== name) {
        weights[benchmark.id] = weights[name]
        delete weights[name]
      }
    }
  }
  const command = read(Inputs.EvalCommand) || undefined
  if (evaluator === 'command' && !command && !aggregating) {
    throw new ConfigError(
      Inputs.EvalCommand,
      "evaluator 'command' needs eval-command, e.g. `python eval.py --model {checkpoint} --out {output}`."
    )
  }
  if (evaluator === 'command' && command && !aggregating) {
    // Template mistakes (quoted placeholders, no checkpoint) are input errors: caught before anything runs.
    try {
      checkCommandTemplate(command)
    } catch (error) {
      throw new ConfigError(Inputs.EvalCommand, (error as Error).message)
    }
  }
  const concurrencyText = read(Inputs.EvalConcurrency)
  const timeoutText = read(Inputs.EvalTimeout)
  return {
    evaluator,
    benchmarks,
    weights,
    command,
    resultsFiles: splitList(read(Inputs.ResultsFiles)).length ? splitList(read(Inputs.ResultsFiles)) : undefined,
    concurrency: concurrencyText ? parsePositiveInteger(Inputs.EvalConcurrency, concurrencyText) : (defaults.cpus ?? os.availableParallelism()),
    timeoutMs: timeoutText ? parseDuration(Inputs.EvalTimeout, timeoutText) : 60 * 60_000
  }
}

/** GitHub's boolean inputs: true/false in any case; '' is the default. */
export function parseBoolean(input: InputName, value: string, fallback = false): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (v === 'true') return true
  if (v === 'false') return false
  throw new ConfigError(input, `'${value}' must be true or false.`)
}

export function parseNumber(input: InputName, value: string, example: string): number | undefined {
  if (value.trim() === '') return undefined
  const n = Number(value)
  if (!Number.isFinite(n)) throw new ConfigError(input, `'${value}' is not a number; write e.g. ${example}.`)
  return n
}

function parseChoice<T extends string>(input: InputName, value: string, choices: readonly T[], fallback: T): T {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if ((choices as readonly string[]).includes(v)) return v as T
  throw new ConfigError(input, `'${value}' must be one of ${choices.join(', ')}.`)
}

function parseGate(read: InputReader): GateConfig {
  const minScore = parseNumber(Inputs.MinScore, read(Inputs.MinScore), '0.7')
  const maxRegression = parseNumber(Inputs.MaxRegression, read(Inputs.MaxRegression), '0.005')
  if (maxRegression !== undefined && maxRegression < 0) {
    throw new ConfigError(Inputs.MaxRegression, `'${maxRegression}' is negative; it is the largest allowed drop: 0 allows none, 0.005 half a point.`)
  }
  const baselineText = read(Inputs.Baseline)
  const baseline: BaselineSource | undefined =
    baselineText === '' ? undefined : baselineText.toLowerCase() === 'hub' ? { kind: 'hub' } : { kind: 'file', path: baselineText }
  if (maxRegression !== undefined && !baseline) {
    throw new ConfigError(Inputs.MaxRegression, 'is set but baseline is not, so there is nothing to compare with: set baseline to an earlier scores.json or to hub.')
  }
  return { minScore, baseline, maxRegression }
}

function parseReport(read: InputReader): ReportConfig {
  const raw = read(Inputs.Comment).trim().toLowerCase()
  // true/false read naturally in YAML, so they mean always/never.
  const comment = parseChoice<CommentMode>(Inputs.Comment, raw === 'true' ? 'always' : raw === 'false' ? 'never' : raw, ['auto', 'always', 'never'], 'auto')
  return { comment, githubToken: read(Inputs.GithubToken) || undefined, artifactName: read(Inputs.ArtifactName) || undefined }
}

/** http(s) only, without a trailing slash (the client appends paths). */
function parseHubUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(Inputs.HubUrl, `'${value}' is not a URL; write e.g. https://huggingface.co.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(Inputs.HubUrl, `'${value}' must be an http(s) URL, e.g. https://huggingface.co.`)
  }
  return url.toString().replace(/\/+$/, '')
}

function parsePublish(read: InputReader, defaults: ConfigDefaults): PublishConfig {
  const repoText = read(Inputs.RepoId)
  const mode = parseChoice<PublishMode>(Inputs.Publish, read(Inputs.Publish), ['auto', 'always', 'never'], 'auto')
  const repo = repoText ? parseRepoId(repoText, { inputName: Inputs.RepoId }) : undefined
  if (mode === 'always' && !repo) {
    throw new ConfigError(Inputs.RepoId, "publish is 'always' but repo-id is empty: set repo-id to the Hub model repo (name or namespace/name).")
  }
  return {
    mode,
    repo,
    token: read(Inputs.HfToken) || undefined,
    hubUrl: parseHubUrl(read(Inputs.HubUrl) || defaults.hubUrl || 'https://huggingface.co'),
    private: parseBoolean(Inputs.Private, read(Inputs.Private)),
    revision: read(Inputs.Revision) || 'main',
    createPr: parseBoolean(Inputs.CreatePr, read(Inputs.CreatePr)),
    commitMessage: read(Inputs.CommitMessage) || undefined,
    modelCard: read(Inputs.ModelCard) || undefined,
    cardMetadata: parseChoice(Inputs.CardMetadata, read(Inputs.CardMetadata), ['none', 'model-index'] as const, 'none'),
    assets: splitList(read(Inputs.Assets)),
    exclude: splitList(read(Inputs.Exclude)),
    dryRun: parseBoolean(Inputs.DryRun, read(Inputs.DryRun)),
    hubTag: parseBoolean(Inputs.HubTag, read(Inputs.HubTag))
  }
}

/** `i/n` with 1 <= i <= n. */
export function parseShard(value: string): ShardSpec | undefined {
  if (value.trim() === '') return undefined
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = match ? Number(match[1]) : NaN
  const count = match ? Number(match[2]) : NaN
  if (!match || count < 1 || index < 1 || index > count) {
    throw new ConfigError(Inputs.Shard, `'${value}' must be i/n with 1 <= i <= n, e.g. 2/4 (in a matrix: \${{ matrix.shard }}/4).`)
  }
  return { index, count }
}

export function parseConfig(read: InputReader, defaults: ConfigDefaults): Config {
  const checkpointDir = read(Inputs.CheckpointDir) || 'checkpoints'
  const outputDir = path.resolve(read(Inputs.OutputDir) || defaults.outputDir)
  const shard = parseShard(read(Inputs.Shard))
  const aggregate = read(Inputs.Aggregate) || undefined
  const publish = parsePublish(read, defaults)
  const gate = parseGate(read)
  if (shard && aggregate) {
    throw new ConfigError(Inputs.Aggregate, 'a job either evaluates a shard or aggregates the shards, not both: remove shard or aggregate.')
  }
  if (shard && publish.mode === 'always') {
    throw new ConfigError(Inputs.Publish, "a shard job never publishes (it sees only part of the checkpoints): publish from the aggregate job, or set publish to 'auto' or 'never'.")
  }
  return {
    checkpointDir,
    outputDir,
    evaluation: parseEvaluation(read, defaults, aggregate !== undefined),
    ranking: {
      metric: read(Inputs.Metric) || EVAL_ACCURACY,
      greaterIsBetter: parseTriState(Inputs.GreaterIsBetter, read(Inputs.GreaterIsBetter))
    },
    gate,
    report: parseReport(read),
    publish,
    shard,
    aggregate
  }
}
