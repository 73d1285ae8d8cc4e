// scores.json and scores.csv: the run's results as files that later jobs, later runs (baselines)
// and the aggregate job of a sharded run read back. The JSON schema is versioned.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { formatScore } from '../domain/round.js'
import type {
  Benchmark,
  CachedFrom,
  Discovery,
  EvaluationRun,
  EvaluatorInfo,
  MetricSpec,
  Ranking
} from '../domain/types.js'
import { EVAL_ACCURACY, isEvalAccuracy } from '../domain/metric.js'
import { writeJobFile } from '../util/job-files.js'
import { shownPath } from '../util/paths.js'
import { redact } from '../util/redact.js'

export const SCORES_SCHEMA = 'checkpoint-eval/scores'
export const SCORES_VERSION = 1

export interface RunMetadata {
  createdAt: string
  tool: { name: string; version: string }
  github?: {
    repository?: string
    runId?: string
    runAttempt?: string
    sha?: string
    ref?: string
    workflow?: string
    job?: string
  }
}

export interface CheckpointRecord {
  name: string
  path: string
  step: number
  status: 'ok' | 'failed'
  error?: string
  scores: Record<string, number | null>
  metrics: Record<string, number>
  evalAccuracy: number | null
  value: number | null
  rank: number | null
  sizeBytes: number
  weightsFormat: string
  /** Parameter count and main dtype from safetensors headers (the rows the summary shows in full). */
  parameters?: number
  dtype?: string
  durationMs: number
  /** The scores were reused from the results cache (absent: evaluated by this run). */
  cached?: CachedFrom
}

export interface ScoresDocument {
  schema: typeof SCORES_SCHEMA
  version: typeof SCORES_VERSION
  run: RunMetadata
  evaluator: EvaluatorInfo
  metric: MetricSpec
  /** Why that metric ranks (the summary's "Ranked by" line), e.g. `the metric the Trainer optimised (…)`. */
  metricReason?: string
  /** Benchmark id -> weight used for eval_accuracy (absent ids weigh 1). */
  weights: Record<string, number>
  benchmarks: Benchmark[]
  /** By rank, then unranked in discovery order. */
  checkpoints: CheckpointRecord[]
  skipped: Array<{ name: string; path: string; step: number | null; reason: string }>
  winner: null | {
    name: string
    path: string
    step: number
    evalAccuracy: number | null
    value: number | null
    scores: Record<string, number | null>
  }
  /** Present on a shard's partial file. */
  shard?: { index: number; count: number; listing: string[] }
}

export interface BuildScoresOptions {
  run: RunMetadata
  discovery: Pick<Discovery, 'skipped'>
  evaluation: EvaluationRun
  ranking: Ranking
  weights: Record<string, number>
  /** Paths inside it are written relative to it (portable across runners); others stay absolute. */
  workspace?: string
}

export function buildScoresDocument({
  run,
  discovery,
  evaluation,
  ranking,
  weights,
  workspace
}: BuildScoresOptions): ScoresDocument {
  const shown = (p: string) => (workspace ? shownPath(workspace, p) : p)
  const checkpoints: CheckpointRecord[] = ranking.entries.map(({ evaluation: e, evalAccuracy, value, rank }) => ({
    name: e.checkpoint.name,
    path: shown(e.checkpoint.path),
    step: e.checkpoint.step,
    status: e.status,
    ...(e.error ? { error: e.error } : {}),
    scores: e.scores,
    metrics: e.metrics,
    evalAccuracy,
    value,
    rank,
    sizeBytes: e.checkpoint.sizeBytes,
    weightsFormat: e.checkpoint.weightsFormat,
    ...(e.checkpoint.parameters !== undefined
      ? { parameters: e.checkpoint.parameters, dtype: e.checkpoint.dtype }
      : {}),
    durationMs: Math.round(e.durationMs),
    ...(e.cached ? { cached: { evaluatedAt: e.cached.evaluatedAt, savedMs: Math.round(e.cached.savedMs) } } : {})
  }))
  const w = ranking.winner
  return {
    schema: SCORES_SCHEMA,
    version: SCORES_VERSION,
    run,
    evaluator: evaluation.evaluator,
    metric: ranking.metric,
    ...(ranking.reason ? { metricReason: ranking.reason } : {}),
    weights,
    benchmarks: evaluation.benchmarks,
    checkpoints,
    skipped: discovery.skipped.map(({ name, path: p, step, reason }) => ({ name, path: shown(p), step, reason })),
    winner: w && {
      name: w.evaluation.checkpoint.name,
      path: shown(w.evaluation.checkpoint.path),
      step: w.evaluation.checkpoint.step,
      evalAccuracy: w.evalAccuracy,
      value: w.value,
      scores: w.evaluation.scores
    }
  }
}

/** RFC 4180: quote fields holding a comma, quote or line break. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/** One row per checkpoint (rank order), benchmark columns in canonical order. */
export function renderScoresCsv(doc: ScoresDocument): string {
  const metricColumn = isEvalAccuracy(doc.metric.name) ? [] : [doc.metric.name]
  const header = [
    'rank',
    'checkpoint',
    'step',
    'status',
    EVAL_ACCURACY,
    ...metricColumn,
    ...doc.benchmarks.map((b) => b.id),
    'size_bytes',
    'path',
    'error'
  ]
  const rows = doc.checkpoints.map((c) => [
    c.rank === null ? '' : String(c.rank),
    c.name,
    String(c.step),
    c.status,
    formatScore(c.evalAccuracy),
    ...(metricColumn.length ? [c.value === null ? '' : String(c.value)] : []),
    ...doc.benchmarks.map((b) => formatScore(c.scores[b.id])),
    String(c.sizeBytes),
    c.path,
    c.error ?? ''
  ])
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n'
}

export interface ScoresFiles {
  json: string
  csv: string
}

export async function writeScoresFiles(
  doc: ScoresDocument,
  outputDir: string,
  baseName = 'scores'
): Promise<ScoresFiles> {
  const files = { json: path.join(outputDir, `${baseName}.json`), csv: path.join(outputDir, `${baseName}.csv`) }
  // Error messages of evaluations end up here: they pass the one redaction point like the log.
  await writeJobFile('the scores (output-dir)', files.json, redact(JSON.stringify(doc, null, 2) + '\n'))
  await writeJobFile('the scores (output-dir)', files.csv, redact(renderScoresCsv(doc)))
  return files
}

/**
 * Read a scores.json written by this action. `what` names the input it came from and `hint`
 * says what that input should hold; both go into every error.
 */
export async function readScoresDocument(
  file: string,
  what: string,
  hint = 'Give the path of a scores.json written by this action.'
): Promise<ScoresDocument> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(
      `${what}: ${file} ${code === 'ENOENT' ? 'file not found' : `can't be read (${(error as Error).message})`}. ${hint}`,
      { cause: error }
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new Error(`${what}: ${file} is not valid JSON (${(error as Error).message}). ${hint}`, { cause: error })
  }
  const doc = (parsed ?? {}) as Partial<ScoresDocument>
  if (typeof parsed !== 'object' || parsed === null || doc.schema !== SCORES_SCHEMA) {
    const found = typeof doc.schema === 'string' ? `schema "${doc.schema}"` : 'no "schema" field'
    throw new Error(
      `${what}: ${file} is not a checkpoint-eval scores file (expected "schema": "${SCORES_SCHEMA}", found ${found}). ${hint}`
    )
  }
  if (doc.version !== SCORES_VERSION) {
    throw new Error(
      `${what}: ${file} is scores.json version ${String(doc.version)}, this action reads version ${SCORES_VERSION}. ` +
        'Regenerate it with this version of the action, or pin the action version that wrote it.'
    )
  }
  if (doc.winner !== null && typeof doc.winner !== 'object') {
    throw new Error(
      `${what}: ${file} has no "winner" object (null when nothing was ranked); the file looks truncated or hand-edited.`
    )
  }
  return doc as ScoresDocument
}
