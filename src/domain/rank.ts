// rank(): evaluation results -> the checkpoints in order and the winner, by the metric that
// metric-choice.ts picks (named, or chosen with a reason). A checkpoint without a usable value
// (failed, missing, NaN) is listed last with why, and can't win.
import { EVAL_ACCURACY, evalAccuracy, stripEvalPrefix } from './metric.js'
import { chooseMetric, meanIsSafe, type MetricChoice, type MetricOptions } from './metric-choice.js'
import type { CheckpointEvaluation, EvaluationRun, RankedCheckpoint, Ranking } from './types.js'

export {
  checkMetricName,
  chooseDefaultMetric,
  chooseMetric,
  DEFAULT_METRIC,
  resolveMetric,
  resolveNamedMetric,
  type MetricChoice
} from './metric-choice.js'

export interface RankOptions extends MetricOptions {
  /** Benchmark id -> weight for eval_accuracy; missing ids weigh 1. */
  weights?: Record<string, number>
}

/**
 * eval_accuracy of one result: what the evaluator reported, else the (weighted) benchmark mean when
 * the benchmarks can be averaged at all (one direction, one scale); null otherwise.
 */
function accuracyOf(
  run: EvaluationRun,
  result: CheckpointEvaluation,
  weights: Record<string, number>,
  meanable: boolean
): number | null {
  if (result.status !== 'ok') return null
  const reported = result.metrics[EVAL_ACCURACY]
  if (typeof reported === 'number') return reported
  if (!meanable || Object.keys(result.invalid ?? {}).some((k) => run.benchmarks.some((b) => b.id === k))) return null
  return evalAccuracy(run.benchmarks, result.scores, weights)
}

/** The ranking value of one result, or why it has none. */
function valueOf(
  choice: MetricChoice,
  result: CheckpointEvaluation,
  accuracy: number | null
): { value: number | null; reason?: string } {
  if (result.status !== 'ok') return { value: null }
  const name = choice.spec.name
  const invalid = result.invalid ?? {}
  switch (choice.source.kind) {
    case 'reported': {
      if (EVAL_ACCURACY in invalid) return { value: null, reason: `${EVAL_ACCURACY} is ${invalid[EVAL_ACCURACY]}` }
      const v = result.metrics[EVAL_ACCURACY]
      return typeof v === 'number' ? { value: v } : { value: null, reason: `no ${EVAL_ACCURACY} in its results` }
    }
    case 'mean': {
      const bad = choice.source.benchmarks.find((id) => id in invalid)
      if (bad) return { value: null, reason: `${bad} is ${invalid[bad]}, so ${name} can't be computed` }
      return accuracy === null ? { value: null, reason: 'no score in its results' } : { value: accuracy }
    }
    case 'key': {
      const key = choice.source.key
      if (key in invalid) return { value: null, reason: `${name} is ${invalid[key]}` }
      const v = result.scores[key] ?? result.metrics[key]
      return typeof v === 'number' ? { value: v } : { value: null, reason: `no ${name} in its results` }
    }
  }
}

/**
 * Best first. Ties go to the earlier step (as a Trainer's best_metric keeps the first best),
 * then to the name, so the order never depends on the file system's listing order.
 */
export function rank(run: EvaluationRun, options: RankOptions = {}): Ranking {
  const weights = options.weights ?? {}
  const chosen = chooseMetric(run, options)
  const weighted = chosen.source.kind === 'mean' && Object.keys(weights).length > 0
  const choice = weighted ? { ...chosen, reason: chosen.reason.replace(/\bthe mean\b/, 'the weighted mean') } : chosen
  const meanable = meanIsSafe(run)
  const entries: RankedCheckpoint[] = run.results.map((evaluation) => {
    const accuracy = accuracyOf(run, evaluation, weights, meanable)
    const { value, reason } = valueOf(choice, evaluation, accuracy)
    return { evaluation, evalAccuracy: accuracy, value, rank: null, ...(reason ? { unrankedReason: reason } : {}) }
  })
  const direction = choice.spec.greaterIsBetter ? -1 : 1
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
  return { metric: choice.spec, reason: choice.reason, entries: [...ranked, ...unranked], winner: ranked[0] ?? null }
}

/** The value of `metric` for one result, prefix-blind (baselines and cards read scores this way). */
export function metricValue(result: CheckpointEvaluation, metric: string, accuracy: number | null): number | null {
  const bare = stripEvalPrefix(metric)
  for (const key of [metric, bare, `eval_${bare}`]) {
    const score = result.scores[key]
    if (typeof score === 'number') return score
    const reported = result.metrics[key]
    if (typeof reported === 'number') return reported
  }
  return bare === 'accuracy' ? accuracy : null
}
