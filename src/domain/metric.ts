// What a metric means, in one place: its names (eval_accuracy, the optional `eval_` prefix), which
// way is better, how eval_accuracy is computed, and how a value is shown in tables and messages.
import { formatScore, round3 } from './round.js'
import type { Benchmark, MetricSpec } from './types.js'

/** The default ranking metric, and the name under which every table and file shows it. */
export const EVAL_ACCURACY = 'eval_accuracy'

/** eval_accuracy's display name, where benchmarks show theirs (model cards). */
export const EVAL_ACCURACY_NAME = 'Eval Accuracy'

/** Ranking by eval_accuracy, higher wins: what every stage assumes when told nothing else. */
export const EVAL_ACCURACY_SPEC: MetricSpec = { name: EVAL_ACCURACY, greaterIsBetter: true }

export function isEvalAccuracy(name: string): boolean {
  return name === EVAL_ACCURACY
}

/** `eval_f1` -> `f1`: users may name a metric with or without the Trainer's prefix. */
export function stripEvalPrefix(name: string): string {
  return name.replace(/^eval_/, '')
}

export { higherIsBetterFromName } from './metric-semantics.js'

/**
 * Three decimals like every score table (0.712), but keeps up to six when the value has them,
 * so a loss of 0.41234 isn't shown as 0.412 next to a bar it fails by 0.0003.
 */
export function formatMetricValue(value: number): string {
  const three = value.toFixed(3)
  if (Number(three) === Number(value.toFixed(9))) return three
  return String(Number(value.toFixed(6)))
}

/**
 * A ranked checkpoint's value of the ranking metric as log lines and commit titles show it:
 * eval_accuracy with its three decimals, any other metric as reported.
 */
export function formatRankingValue(
  metric: string,
  entry: { evalAccuracy: number | null; value: number | null }
): string {
  return isEvalAccuracy(metric) ? formatScore(entry.evalAccuracy) : String(entry.value ?? '')
}

/**
 * The mean (or weighted mean) of the benchmarks' scores, summed in the benchmarks' order,
 * then round3 — the spec's exact recipe. Benchmarks without a score are left out; with no
 * score at all the result is null (such a checkpoint can't win).
 */
export function evalAccuracy(
  benchmarks: readonly Benchmark[],
  scores: Readonly<Record<string, number | null | undefined>>,
  weights: Readonly<Record<string, number>> = {}
): number | null {
  let weightedSum = 0
  let weightTotal = 0
  for (const b of benchmarks) {
    const score = scores[b.id]
    if (score === null || score === undefined || !Number.isFinite(score)) continue
    const weight = weights[b.id] ?? 1
    weightedSum += score * weight
    weightTotal += weight
  }
  return weightTotal > 0 ? round3(weightedSum / weightTotal) : null
}
