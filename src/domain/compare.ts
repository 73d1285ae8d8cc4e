// "What changed since the baseline": this run's winner against the baseline's numbers, one row
// per number. Plain data in and out; report/comparison.ts renders the rows.

import { EVAL_ACCURACY } from './metric.js'
import type { BaselineScores, Benchmark, MetricSpec } from './types.js'

export interface ComparisonRow {
  /** Benchmark id, or `eval_accuracy` / the ranking metric's name. */
  id: string
  /** What the first column shows. */
  label: string
  higherIsBetter: boolean
  baseline: number | null
  current: number | null
  /** current - baseline, with float noise removed; null when either side is missing. */
  delta: number | null
  /**
   * 'better' / 'worse' take higherIsBetter into account; 'same' when the difference rounds to
   * 0.000; 'new' = only this run has a number; 'missing' = only the baseline has one.
   */
  change: 'better' | 'worse' | 'same' | 'new' | 'missing' | 'n/a'
}

export interface CompareOptions {
  benchmarks: Benchmark[]
  winner: { scores: Record<string, number | null>; evalAccuracy: number | null; value: number | null }
  baseline: BaselineScores
  metric: MetricSpec
}

/**
 * One row per number both runs can report: eval_accuracy first, then the ranking metric when it
 * is something else (e.g. eval_loss), then the benchmarks in canonical order.
 */
export function compareWithBaseline(options: CompareOptions): ComparisonRow[] {
  const { benchmarks, winner, baseline, metric } = options
  const rows: ComparisonRow[] = [
    makeRow({
      id: EVAL_ACCURACY,
      label: EVAL_ACCURACY,
      higherIsBetter: true,
      baseline: baseline.evalAccuracy,
      current: winner.evalAccuracy
    })
  ]
  if (metric.name !== EVAL_ACCURACY) {
    rows.push(
      makeRow({
        id: metric.name,
        label: metric.greaterIsBetter ? metric.name : `${metric.name} (lower is better)`,
        higherIsBetter: metric.greaterIsBetter,
        baseline: baseline.value,
        current: winner.value
      })
    )
  }
  for (const benchmark of benchmarks) {
    const higherIsBetter = benchmark.higherIsBetter !== false
    rows.push(
      makeRow({
        id: benchmark.id,
        label: higherIsBetter ? benchmark.name : `${benchmark.name} (lower is better)`,
        higherIsBetter,
        baseline: baseline.scores[benchmark.id] ?? null,
        current: winner.scores[benchmark.id] ?? null
      })
    )
  }
  return rows
}

function makeRow(fields: Omit<ComparisonRow, 'delta' | 'change'>): ComparisonRow {
  const { baseline, current, higherIsBetter } = fields
  if (baseline === null && current === null) return { ...fields, delta: null, change: 'n/a' }
  if (baseline === null) return { ...fields, delta: null, change: 'new' }
  if (current === null) return { ...fields, delta: null, change: 'missing' }
  // Scores are stored rounded to 3 decimals; 0.712 - 0.707 is 0.0050000000000000044 in floats.
  const delta = Number((current - baseline).toFixed(9))
  // Anything that shows as 0.000 at three decimals is "no change", in either direction.
  if (Math.abs(delta) < 0.0005) return { ...fields, delta, change: 'same' }
  const improved = higherIsBetter ? delta > 0 : delta < 0
  return { ...fields, delta, change: improved ? 'better' : 'worse' }
}
