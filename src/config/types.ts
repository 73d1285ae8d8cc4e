// The typed, validated settings of one run: what the entry points hand to the pipeline.
import type { RepoIdParts } from '../domain/repo-id.js'
import type { DatasetRef } from '../domain/types.js'

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
  /** evaluator=command: GPUs shared out among the running evaluations. */
  devices?: DeviceConfig
}

/** eval-devices and devices-per-eval. */
export interface DeviceConfig {
  /** Device ids as CUDA_VISIBLE_DEVICES takes them, or 'auto' (found when the evaluation starts). */
  ids: string[] | 'auto'
  /** Devices each evaluation gets. */
  perEval: number
  /** eval-concurrency when given: at most this many evaluations at once; otherwise one per device group. */
  maxConcurrent?: number
}

/** Where earlier results are kept: nowhere, the GitHub Actions cache, or a folder. */
export type CacheConfig =
  | { kind: 'off' }
  /** `dir`: where the Actions cache is restored to and saved from (under RUNNER_TEMP). */
  | { kind: 'actions'; dir: string }
  | { kind: 'dir'; dir: string }

export interface RankingConfig {
  /** As the results name it; undefined: chosen from the results (domain/rank.ts chooseDefaultMetric). */
  metric?: string
  /** Undefined: decided from the metric. */
  greaterIsBetter?: boolean
}

/** A file's `path` is absolute (resolved against the workspace); `given` is as the user wrote it. */
export type BaselineSource = { kind: 'file'; path: string; given: string } | { kind: 'hub' }

/** Where an aggregate job finds the shards' scores: this run's artifacts, or files in the workspace. */
export type AggregateSource = { kind: 'artifacts' } | { kind: 'files'; pattern: string; given: string }

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
  /** Absolute (resolved against the workspace). */
  modelCard?: string
  cardMetadata: 'none' | 'model-index'
  /** model-index task (card-task); undefined: the card's pipeline_tag. */
  cardTask?: string
  /** model-index dataset (card-dataset) for metrics whose evaluator names none. */
  cardDataset?: DatasetRef
  assets: string[]
  exclude: string[]
  dryRun: boolean
  hubTag: boolean
  /** hub-timeout: no answer / no byte moved this long fails a Hub request. */
  hubTimeoutMs: number
  /** publish-timeout: the whole publish's deadline. */
  publishTimeoutMs: number
}

export interface ShardSpec {
  /** 1-based. */
  index: number
  count: number
}

export interface Config {
  /** Absolute: GITHUB_WORKSPACE in the action, the working folder in the CLI. Commands run here. */
  workspace: string
  /** Absolute; checkpoint-dir resolved against the workspace. */
  checkpointDir: string
  /** Absolute; output-dir resolved against the workspace. */
  outputDir: string
  evaluation: EvaluationConfig
  cache: CacheConfig
  ranking: RankingConfig
  gate: GateConfig
  report: ReportConfig
  publish: PublishConfig
  shard?: ShardSpec
  aggregate?: AggregateSource
}
