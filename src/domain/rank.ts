// rank(): evaluation results -> the checkpoints in order and the winner.
import { EVAL_ACCURACY, evalAccuracy, higherIsBetterFromName, stripEvalPrefix } from './metric.js'
import type { CheckpointEvaluation, EvaluationRun, MetricSpec, RankedCheckpoint, Ranking } from './types.js'

export interface RankOptions {
  /** The metric to rank by (`eval_accuracy` by default); the `eval_` prefix is optional. */
  metric?: string
  /** Undefined: decided from the metric (loss-like names and lower-is-better benchmarks rank ascending). */
  greaterIsBetter?: boolean
  /** Benchmark id -> weight for eval_accuracy; missing ids weigh 1. */
  weights?: Record<string, number>
}

/** Ranking uses eval_accuracy unless the user names another metric. */
export const DEFAULT_METRIC = EVAL_ACCURACY

/** The value of `metric` for one result: a benchmark score or a reported metric, prefix-blind. */
export function metricValue(result: CheckpointEvaluation, metric: string, accuracy: number | null): number | null {
  const bare = stripEvalPrefix(metric)
  for (const key of [metric, bare, `eval_${bare}`]) {
    const score = result.scores[key]
    if (typeof score === 'number') return score
    const reported = result.metrics[key]
    if (typeof reported === 'number') return reported
  }
  // eval_accuracy is usually not reported by name: it is the benchmarks' mean.
  return bare === 'accuracy' ? accuracy : null
}

/** Lower wins for losses, perplexities, error rates and benchmarks the evaluator marks so. */
export function resolveMetric(run: EvaluationRun, options: RankOptions): MetricSpec {
  const name = options.metric?.trim() || DEFAULT_METRIC
  if (options.greaterIsBetter !== undefined) return { name, greaterIsBetter: options.greaterIsBetter }
  const bare = stripEvalPrefix(name)
  const benchmark = run.benchmarks.find((b) => b.id === name || b.id === bare || b.id === `eval_${bare}`)
  if (benchmark?.higherIsBetter !== undefined) return { name, greaterIsBetter: benchmark.higherIsBetter }
  return { name, greaterIsBetter: higherIsBetterFromName(bare) ?? true }
}

/** eval_accuracy of one result: what the evaluator reported, else the (weighted) benchmark mean. */
function accuracyOf(run: EvaluationRun, result: CheckpointEvaluation, weights: Record<string, number>): number | null {
  if (result.status !== 'ok') return null
  const reported = result.metrics[DEFAULT_METRIC]
  if (typeof reported === 'number') return reported
  return evalAccuracy(run.benchmarks, result.scores, weights)
}

/**
 * Best first. Ties go to the earlier step (as a Trainer's best_metric keeps the first best),
 * then to the name, so the order never depends on the file system's listing order.
 */
export function rank(run: EvaluationRun, options: RankOptions = {}): Ranking {
  const metric = resolveMetric(run, options)
  const weights = options.weights ?? {}
  const entries: RankedCheckpoint[] = run.results.map((evaluation) => {
    const accuracy = accuracyOf(run, evaluation, weights)
    const value = evaluation.status === 'ok' ? metricValue(evaluation, metric.name, accuracy) : null
    return { evaluation, evalAccuracy: accuracy, value, rank: null }
  })
  const direction = metric.greaterIsBetter ? -1 : 1
  const ranked = entries
    .filter((e) => e.value !== null && Number.isFinite(e.value))
    .sort((a, b) => {
      const byValue = direction * ((a.value as number) - (b.value as number))
      if (byValue !== 0) return byValue
      const ca = a.evaluation.checkpoint
      const cb = b.evaluation.checkpoint
      return ca.step - cb.step || (ca.name < cb.name ? -1 : ca.name > cb.name ? 1 : 0)
    })
  ranked.forEach((entry, i) => (entry.rank = i + 1))
  const unranked = entries.filter((e) => e.rank === null)
  return { metric, entries: [...ranked, ...unranked], winner: ranked[0] ?? null }
}
