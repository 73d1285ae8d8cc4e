// The "what changed since the baseline" table shown in the PR comment and the job summary.
// Plain data in (scores of this run's winner and of the baseline), rows and markdown out.

import type { BaselineScores } from '../baseline/load.js'
import { EVAL_ACCURACY } from './metric.js'
import type { Benchmark, MetricSpec } from './types.js'

/** The label of the headline number; it always leads the table. */
export { EVAL_ACCURACY }

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
    makeRow({ id: EVAL_ACCURACY, label: EVAL_ACCURACY, higherIsBetter: true, baseline: baseline.evalAccuracy, current: winner.evalAccuracy })
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

export interface RenderComparisonOptions {
  /** Shown under the table so readers know what "baseline" was. */
  baselineSource?: string
}

/**
 * `| Benchmark | Baseline | This run | Change |`. The arrow shows which way the number moved
 * (▲ up, ▼ down); ✅ / ❌ say whether that is good, so a falling loss reads `▼ -0.030 ✅`.
 */
export function renderComparisonMarkdown(rows: ComparisonRow[], options: RenderComparisonOptions = {}): string {
  const lines = ['| Benchmark | Baseline | This run | Change |', '| --- | ---: | ---: | :--- |']
  for (const row of rows) {
    const label = row.id === EVAL_ACCURACY ? `**${escapeCell(row.label)}**` : escapeCell(row.label)
    lines.push(`| ${label} | ${formatCell(row.baseline)} | ${formatCell(row.current)} | ${formatChange(row)} |`)
  }
  if (options.baselineSource) lines.push('', `Baseline: ${escapeCell(options.baselineSource)}`)
  return lines.join('\n')
}

/** The Change cell on its own, e.g. `▲ +0.012 ✅`. */
export function formatChange(row: ComparisonRow): string {
  switch (row.change) {
    case 'n/a':
      return '—'
    case 'new':
      return 'new'
    case 'missing':
      return 'missing in this run'
    case 'same':
      return '= 0.000'
  }
  const delta = row.delta as number
  const arrow = delta > 0 ? '▲' : '▼'
  const verdict = row.change === 'better' ? '✅' : '❌'
  return `${arrow} ${formatSigned(delta)} ${verdict}`
}

/** `+0.012` / `-0.005`: three decimals, always signed. */
export function formatSigned(delta: number): string {
  const text = formatMetricValue(Math.abs(delta))
  return `${delta < 0 ? '-' : '+'}${text}`
}

/**
 * Three decimals like every score table (0.712), but keeps up to six when the value has them,
 * so a loss of 0.41234 isn't shown as 0.412 next to a bar it fails by 0.0003.
 */
export function formatMetricValue(value: number): string {
  const three = value.toFixed(3)
  if (Number(three) === Number(value.toFixed(9))) return three
  return String(Number(value.toFixed(6)))
}

function formatCell(value: number | null): string {
  return value === null ? '—' : formatMetricValue(value)
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}
