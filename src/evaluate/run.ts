// What the command and results evaluators share: one checkpoint's outcome, folding the outcomes
// into the run (and stopping when every checkpoint failed), and counting finished checkpoints.
import type {
  Benchmark,
  Checkpoint,
  CheckpointEvaluation,
  EvaluationRun,
  EvaluatorInfo,
  MetricFacts
} from '../domain/types.js'
import type { CheckpointEvent, CheckpointListener } from '../domain/ledger.js'
import type { ProgressListener } from '../util/progress.js'
import type { AllFailed } from './evaluator.js'
import type { ParsedMetrics } from './results/formats/index.js'

/** What one checkpoint's evaluation came to, before it is folded into the run. */
export interface CheckpointOutcome {
  checkpoint: Checkpoint
  parsed?: ParsedMetrics
  error?: string
  /** Killed because the run was cancelled (error says what was killed). */
  cancelled?: boolean
  durationMs: number
}

/**
 * Outcomes (in checkpoint order) -> the run: benchmarks are the union in first-seen order; an ok
 * checkpoint gets null for a benchmark it has no score for; a failed one has scores {}.
 */
function assembleEvaluationRun(evaluator: EvaluatorInfo, outcomes: CheckpointOutcome[]): EvaluationRun {
  const benchmarks: Benchmark[] = []
  const seen = new Set<string>()
  for (const outcome of outcomes) {
    for (const benchmark of outcome.parsed?.benchmarks ?? []) {
      if (outcome.error || seen.has(benchmark.id)) continue
      seen.add(benchmark.id)
      benchmarks.push(benchmark)
    }
  }
  const results: CheckpointEvaluation[] = outcomes.map(({ checkpoint, parsed, error, durationMs }) => {
    if (error || !parsed) {
      return { checkpoint, status: 'failed', scores: {}, metrics: {}, error: error ?? 'no metrics', durationMs }
    }
    const scores: Record<string, number | null> = {}
    for (const benchmark of benchmarks) scores[benchmark.id] = parsed.scores[benchmark.id] ?? null
    const invalid = Object.keys(parsed.invalid ?? {}).length > 0 ? { invalid: { ...parsed.invalid } } : {}
    return { checkpoint, status: 'ok', scores, metrics: { ...parsed.metrics }, ...invalid, durationMs }
  })
  const facts = metricFacts(outcomes)
  return { evaluator, benchmarks, results, ...(facts ? { facts } : {}) }
}

/**
 * What the files say about directions (first word wins) and the optimised metric: the newest
 * checkpoint's trainer_state.json knows the whole run, so the last one found is kept.
 */
function metricFacts(outcomes: CheckpointOutcome[]): MetricFacts | undefined {
  const facts: MetricFacts = { directions: {} }
  for (const { parsed, error } of outcomes) {
    if (error || !parsed) continue
    for (const [name, higher] of Object.entries(parsed.directions ?? {}))
      if (!(name in facts.directions)) facts.directions[name] = higher
    if (parsed.optimised) facts.optimised = parsed.optimised
  }
  return Object.keys(facts.directions).length > 0 || facts.optimised ? facts : undefined
}

/** Every checkpoint failed: nothing to rank, so stop with the first reason and a way to debug. */
function throwIfAllFailed(outcomes: CheckpointOutcome[], evaluator: string, howToDebug: string): void {
  if (outcomes.length === 0 || outcomes.some((o) => !o.error)) return
  const first = outcomes[0]
  throw new Error(
    `evaluator '${evaluator}': all ${outcomes.length} checkpoint(s) failed. First failure, ${first.checkpoint.name} ` +
      `(${first.checkpoint.path}): ${first.error}\nTo debug: ${howToDebug}.`
  )
}

/** assembleEvaluationRun, then throwIfAllFailed unless the caller asked for the run back. */
export function finishRun(
  info: EvaluatorInfo,
  outcomes: CheckpointOutcome[],
  { allFailed = 'throw', howToDebug }: { allFailed?: AllFailed; howToDebug: string }
): EvaluationRun {
  const run = assembleEvaluationRun(info, outcomes)
  if (allFailed === 'throw') throwIfAllFailed(outcomes, info.kind, howToDebug)
  return run
}

/** A function to call as each checkpoint finishes: counts them for the caller's listener. */
export function countProgress(total: number, onProgress?: ProgressListener): (label: string) => void {
  let done = 0
  return (label) => onProgress?.(++done, total, label)
}

/** A finished checkpoint's outcome as the ledger records it. */
export function outcomeEvent({ checkpoint, parsed, error, cancelled }: CheckpointOutcome): CheckpointEvent {
  if (cancelled) return { name: checkpoint.name, state: 'cancelled', error }
  if (error || !parsed) return { name: checkpoint.name, state: 'failed', error: error ?? 'no metrics' }
  return { name: checkpoint.name, state: 'ok', scores: { ...parsed.scores, ...parsed.metrics } }
}

/** Every checkpoint about to be evaluated, as queued. */
export function announceQueued(checkpoints: Checkpoint[], onCheckpoint?: CheckpointListener): void {
  for (const checkpoint of checkpoints) onCheckpoint?.({ name: checkpoint.name, state: 'queued' })
}
