// The metrics a run measured, as the Hub's model-index names them: `{type, name, value}` under their
// real metric id (`wer`, `accuracy`, `acc_norm`), with the dataset when the evaluator knows it.
// The names come from the metric-semantics module, the same one the ranking asks.
import { EVAL_ACCURACY, EVAL_ACCURACY_NAME } from '../domain/metric.js'
import { bareMetricName, modelIndexMetric } from '../domain/metric-semantics.js'
import type { Benchmark, DatasetRef } from '../domain/types.js'

/** One measured number, ready for model-index. */
export interface MeasuredMetric {
  /** Hub metric id: `wer`, `accuracy`, `f1`, `acc_norm`, a benchmark id. */
  type: string
  /** Display name, e.g. `WER`. */
  name: string
  value: number
  /** What it was measured on, when the evaluator says (lm-eval tasks); else the card-dataset input. */
  dataset?: DatasetRef
}

export interface MeasuredMetricsInput {
  benchmarks: readonly Benchmark[]
  /** Benchmark id -> score (null: no score). */
  scores: Readonly<Record<string, number | null>>
  /** The ranked eval_accuracy (reported, or the benchmarks' mean). */
  evalAccuracy: number | null
  /** Other numbers the evaluator reported, by name (`eval_accuracy`, `eval_loss`). */
  reported?: Readonly<Record<string, number>>
}

/**
 * The winner's numbers as model-index metrics. Each scored benchmark goes under its metric's id
 * (lm-eval: the task's metric, e.g. `acc_norm`; otherwise the benchmark id without `eval_`, so
 * `eval_wer` is `wer`). `eval_accuracy` goes in as `accuracy` when the evaluator reported it;
 * the action's own mean goes in as `eval_accuracy` only when it is a mean of two or more
 * higher-is-better benchmarks on one dataset, never as a stand-in for one metric (a WER is not
 * an accuracy).
 */
export function measuredMetrics(input: MeasuredMetricsInput): MeasuredMetric[] {
  const metrics: MeasuredMetric[] = []
  const scored = input.benchmarks.filter((b) => isNumber(input.scores[b.id]))
  for (const b of scored) {
    // An lm-eval task keeps lm-eval's own metric id (`acc`, `acc_norm`), as leaderboard cards write it.
    const { type: known, name } = modelIndexMetric(b.metric ?? b.id)
    const type = b.metric ? bareMetricName(b.metric) : known
    metrics.push({ type, name, value: input.scores[b.id] as number, ...(b.dataset ? { dataset: b.dataset } : {}) })
  }
  const reported = input.reported?.[EVAL_ACCURACY]
  if (isNumber(reported) && !metrics.some((m) => m.type === 'accuracy' && !m.dataset)) {
    metrics.push({ ...modelIndexMetric(EVAL_ACCURACY), value: reported })
  } else if (
    !isNumber(reported) &&
    isNumber(input.evalAccuracy) &&
    scored.length >= 2 &&
    scored.every((b) => b.higherIsBetter !== false && !b.dataset)
  ) {
    metrics.push({ type: EVAL_ACCURACY, name: EVAL_ACCURACY_NAME, value: input.evalAccuracy })
  }
  return metrics
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
