// The merge gate: turns the winner's metric, the min-score bar and the baseline comparison into
// passed / failed / skipped. Pure: no I/O, no inputs read here; the entry point sets the
// `gate` output and fails the step from the result.

import { formatMetricValue } from './metric.js'
import type { BaselineScores, MetricSpec } from './types.js'

export interface GateCheck {
  /** `min-score` or `max-regression`. */
  name: string
  passed: boolean
  /** One sentence a reviewer can act on, with the numbers. */
  detail: string
}

export interface GateResult {
  status: 'passed' | 'failed' | 'skipped'
  /** Why the status is what it is: the failing checks' details, or every check's when passing. */
  reasons: string[]
  checks: GateCheck[]
}

export interface GateOptions {
  metric: MetricSpec
  /** The winner's value of the ranking metric; null when nothing could be ranked. */
  winnerValue: number | null
  /** Per-benchmark scores; not gated on yet (kept so per-benchmark bars need no signature change). */
  winnerScores: Record<string, number | null>
  /**
   * The bar the winner must reach. For a greater-is-better metric the value must be >= it; for a
   * lower-is-better one (eval_loss) it must be <= it. Equal always passes.
   */
  minScore?: number
  /** The published / earlier numbers; null when `baseline` was set but nothing was found. */
  baseline?: BaselineScores | null
  /** True when the `baseline` input is set, so a missing baseline is reported, not ignored. */
  baselineRequested: boolean
  /**
   * Largest allowed absolute drop from the baseline's metric (0.005 = half a point of accuracy);
   * a drop exactly this big passes; 0 allows no drop. Only gates together with `baseline`.
   */
  maxRegression?: number
}

/**
 * Scores are rounded to 3 decimals and subtracting them leaves float noise
 * (0.712 - 0.707 = 0.0050000000000000044); anything within this of the bar counts as on it.
 */
const EPSILON = 1e-9

export function evaluateGate(options: GateOptions): GateResult {
  const { metric, winnerValue, minScore, maxRegression, baselineRequested } = options
  assertFiniteSetting('min-score', minScore)
  assertFiniteSetting('max-regression', maxRegression)
  if (maxRegression !== undefined && maxRegression < 0) {
    throw new Error(
      `max-regression is ${maxRegression}, but it is the largest allowed drop and can't be negative: ` +
        'use 0 to allow no drop at all, or e.g. 0.005 to allow half a point.'
    )
  }
  if (maxRegression !== undefined && !baselineRequested) {
    throw new Error(
      `max-regression is set (${maxRegression}) but baseline is not, so there is nothing to compare with: ` +
        'set the `baseline` input (a scores.json from an earlier run, or `hub` for the published model card), ' +
        'or remove max-regression.'
    )
  }

  const checks: GateCheck[] = []
  if (minScore !== undefined) checks.push(checkMinScore(metric, winnerValue, minScore))
  if (maxRegression !== undefined) {
    checks.push(checkRegression(metric, winnerValue, options.baseline ?? null, maxRegression))
  }

  if (checks.length === 0) {
    return {
      status: 'skipped',
      reasons: ['no gate configured: set min-score and/or baseline with max-regression to gate merges'],
      checks
    }
  }
  const failed = checks.filter((check) => !check.passed)
  return failed.length > 0
    ? { status: 'failed', reasons: failed.map((check) => check.detail), checks }
    : { status: 'passed', reasons: checks.map((check) => check.detail), checks }
}

function checkMinScore(metric: MetricSpec, value: number | null, bar: number): GateCheck {
  const name = 'min-score'
  if (value === null) return { name, passed: false, detail: noWinnerDetail(metric, name) }
  // "Below the bar" means worse than it: lower for accuracy, higher for a loss.
  const passed = metric.greaterIsBetter ? value >= bar - EPSILON : value <= bar + EPSILON
  const relation = metric.greaterIsBetter ? (passed ? '>=' : '<') : passed ? '<=' : '>'
  const direction = metric.greaterIsBetter ? '' : ' (lower is better)'
  return {
    name,
    passed,
    detail:
      `${metric.name} ${fmt(value)} ${relation} min-score ${fmt(bar)}${direction}` +
      (passed ? '' : `: the best checkpoint is ${fmt(Math.abs(value - bar))} short of the bar`)
  }
}

function checkRegression(
  metric: MetricSpec,
  value: number | null,
  baseline: BaselineScores | null,
  maxRegression: number
): GateCheck {
  const name = 'max-regression'
  if (baseline === null) {
    // The first run of a new model has nothing to regress from; blocking it would make the gate
    // impossible to pass until someone publishes by hand.
    return {
      name,
      passed: true,
      detail: 'no baseline yet: first run / nothing published, so there is no regression to check'
    }
  }
  if (baseline.value === null) {
    return {
      name,
      passed: true,
      detail: `the baseline (${baseline.source}) has no ${metric.name} value, so there is no regression to check`
    }
  }
  if (value === null) return { name, passed: false, detail: noWinnerDetail(metric, name) }
  // Positive drop = worse than the baseline, whichever way the metric points.
  const drop = metric.greaterIsBetter ? baseline.value - value : value - baseline.value
  const passed = drop <= maxRegression + EPSILON
  const compared = `${metric.name} ${fmt(value)} vs baseline ${fmt(baseline.value)} (${baseline.source})`
  if (drop <= EPSILON) {
    return { name, passed, detail: `${compared}: no regression` }
  }
  return {
    name,
    passed,
    detail: passed
      ? `${compared}: regressed by ${fmt(drop)}, within max-regression ${fmt(maxRegression)}`
      : `${compared}: regressed by ${fmt(drop)}, more than max-regression ${fmt(maxRegression)}`
  }
}

function noWinnerDetail(metric: MetricSpec, check: string): string {
  return `no checkpoint could be ranked by ${metric.name}, so ${check} can't pass: see the summary for why each checkpoint failed or was skipped`
}

function assertFiniteSetting(input: string, value: number | undefined): void {
  if (value !== undefined && !Number.isFinite(value)) {
    throw new Error(`${input} must be a number like 0.7, got ${String(value)}: fix the \`${input}\` input.`)
  }
}

/** Drops float noise before formatting, so a drop of 0.0050000000000000044 reads 0.005. */
function fmt(value: number): string {
  return formatMetricValue(Number(value.toFixed(9)))
}
