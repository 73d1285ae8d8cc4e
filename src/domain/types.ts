// Plain data that flows between the pipeline's stages. No stage reads INPUT_* or flags:
// the entry points turn those into a Config (config.ts) and the stages pass these along.

/** How a checkpoint's weights are stored, as recognised by discovery. */
export type WeightsFormat = 'safetensors' | 'pytorch' | 'sharded-safetensors' | 'sharded-pytorch' | 'peft-adapter'

/** A file directly inside a checkpoint folder. */
export interface CheckpointFile {
  /** Name relative to the checkpoint folder (posix separators). */
  name: string
  size: number
}

/** A checkpoint folder that has what it needs to be evaluated. */
export interface Checkpoint {
  /** Folder name, e.g. `step_1000`. Unique within a run. */
  name: string
  /** The folder: checkpoint-dir joined with name (absolute once config resolved checkpoint-dir). */
  path: string
  /** The integer at the end of the folder name. */
  step: number
  weightsFormat: WeightsFormat
  /** The weights files (one, or every shard) relative to the folder. */
  weightsFiles: string[]
  /** Files at the top of the folder, sorted by name. */
  files: CheckpointFile[]
  /** Sum of the sizes of `files`. */
  sizeBytes: number
  /** From the safetensors headers (never the tensor data); absent for other formats. */
  parameters?: number
  /** The dtype holding most parameters, e.g. `BF16`. */
  dtype?: string
}

/** A folder that looked like a checkpoint (its name ends in a step) but can't be evaluated. */
export interface SkippedCheckpoint {
  name: string
  path: string
  step: number | null
  reason: string
}

export interface Discovery {
  /** checkpoint-dir, absolute. */
  root: string
  /** checkpoint-dir as messages show it (relative to the workspace when inside it). */
  shownAs: string
  /** Sorted by step, then name. */
  checkpoints: Checkpoint[]
  /** Sorted by step, then name. */
  skipped: SkippedCheckpoint[]
  /** Entries of checkpoint-dir that are not checkpoints at all (names only). */
  ignored: string[]
}

/** One benchmark an evaluator reports a score for. */
export interface Benchmark {
  /** Stable id, e.g. `math_reasoning`. */
  id: string
  /** Display name, e.g. `Math Reasoning`. */
  name: string
  /** Group shown in summaries, e.g. `Core Reasoning Tasks`. */
  group: string
  /** False for metrics where lower wins (loss, perplexity); absent means true. */
  higherIsBetter?: boolean
  /** The metric that scores it, as the results file writes it (`acc,none`), for multi-metric tasks. */
  metric?: string
  /** The dataset the score was measured on, when the evaluator says (lm-eval's task config). */
  dataset?: DatasetRef
}

/** A dataset as the Hub's model-index names it: a Hub dataset id and, optionally, config and split. */
export interface DatasetRef {
  /** Hub dataset id, e.g. `nyu-mll/glue`. */
  type: string
  /** Display name, e.g. `GLUE MRPC`. */
  name: string
  config?: string
  split?: string
}

/** The outcome of evaluating one checkpoint. */
export interface CheckpointEvaluation {
  checkpoint: Checkpoint
  status: 'ok' | 'failed'
  /** Benchmark id -> score; null when the benchmark has no score for this checkpoint. */
  scores: Record<string, number | null>
  /** Other metrics the evaluator reported (e.g. `eval_loss`), by name. */
  metrics: Record<string, number>
  /** Why status is 'failed'. */
  error?: string
  /** Scores and metrics whose value was NaN or ±Infinity (name -> `NaN`): kept out of both maps. */
  invalid?: Record<string, string>
  durationMs: number
  /** Present when the result came from the results cache instead of being evaluated by this run. */
  cached?: CachedFrom
}

/** Where a cached result came from: when it was evaluated and how long that took (the time saved). */
export interface CachedFrom {
  evaluatedAt: string
  savedMs: number
}

export interface EvaluatorInfo {
  /** `builtin`, `command`, `results`. */
  kind: string
  /** Settings that change the numbers (used to check that shards agree). */
  settings: Record<string, unknown>
}

/** The metric a training run optimised, as its files say (Trainer best_metric / best_model_checkpoint). */
export interface OptimisedMetric {
  /** As the results name it, e.g. `eval_wer`. */
  name: string
  higherIsBetter: boolean
  /** Where this was read, for the log and summary: `best_metric in …/trainer_state.json`. */
  source: string
}

/** What the results files say about their metrics, beyond the numbers. */
export interface MetricFacts {
  /** Score or metric name -> higher is better, as the file says (lm-eval's higher_is_better). */
  directions: Record<string, boolean>
  optimised?: OptimisedMetric
}

/** What evaluation hands to ranking. */
export interface EvaluationRun {
  evaluator: EvaluatorInfo
  /** The benchmarks in canonical order (columns of every table). */
  benchmarks: Benchmark[]
  /** One per discovered checkpoint, in discovery order. */
  results: CheckpointEvaluation[]
  /** Directions and the optimised metric, when the results files say (evaluator: results). */
  facts?: MetricFacts
}

export interface MetricSpec {
  /** e.g. `eval_accuracy`, `eval_loss`. */
  name: string
  greaterIsBetter: boolean
}

export interface RankedCheckpoint {
  evaluation: CheckpointEvaluation
  /** Why an ok checkpoint has no rank (e.g. `eval_wer is NaN`). */
  unrankedReason?: string
  /** eval_accuracy: the (weighted) mean of the benchmark scores, round3; null with no score. */
  evalAccuracy: number | null
  /** The value of the ranking metric; null when the checkpoint can't be ranked. */
  value: number | null
  /** 1-based; null when unranked. */
  rank: number | null
}

export interface Ranking {
  metric: MetricSpec
  /** Why this metric ranks, in a sentence for the log and the summary. */
  reason?: string
  /** Ranked entries first (best first), then the unranked ones in discovery order. */
  entries: RankedCheckpoint[]
  winner: RankedCheckpoint | null
}

/** A baseline's numbers: an earlier run's winner, or what the published model card says. */
export interface BaselineScores {
  /** Where the numbers were read, for tables and gate messages (a path, or a Hub URL). */
  source: string
  evalAccuracy: number | null
  /** The ranking metric's value (same as evalAccuracy when the metric is eval_accuracy). */
  value: number | null
  /** Benchmark id -> score; every benchmark asked for has a key, null when not found. */
  scores: Record<string, number | null>
}
