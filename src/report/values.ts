// How every number in the report is shown: one rule for the summary, the PR comment, the
// comparison and the terminal, so the same score never appears as 0.9875 in one table and 0.988
// in the next. The exact values are in scores.json.
import { formatScore } from '../domain/round.js'

/** Shown for a missing value (no score, failed checkpoint). */
export const MISSING = '–'

/**
 * Three decimals, rounded as Python's round(v, 3) (the rounding of published model cards); a
 * non-zero value too small for three decimals keeps two significant digits (1.2e-4) rather than
 * showing as 0.000.
 */
export function shown(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING
  const text = formatScore(value)
  if (value !== 0 && Number(text) === 0) return value.toExponential(1)
  return text
}

/** `+0.012` / `-0.005` / `0.000`: a change, by the same rule, always signed when non-zero. */
export function shownChange(delta: number): string {
  const text = shown(Math.abs(delta))
  return Number(text) === 0 && !text.includes('e') ? text : `${delta < 0 ? '-' : '+'}${text}`
}
