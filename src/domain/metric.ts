// eval_accuracy: the one number checkpoints are ranked by unless the user picks another metric.
import { round3 } from './round.js'
import type { Benchmark } from './types.js'

/** The default ranking metric, and the name under which every table and file shows it. */
export const EVAL_ACCURACY = 'eval_accuracy'

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
