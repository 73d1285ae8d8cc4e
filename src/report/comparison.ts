// The comparison table shown in the PR comment and the job summary: rows from domain/compare.ts
// rendered as markdown.

import type { ComparisonRow } from '../domain/compare.js'
import { EVAL_ACCURACY } from '../domain/metric.js'
import { cell } from './markdown.js'
import { MISSING, shown, shownChange } from './values.js'

export interface RenderComparisonOptions {
  /** Shown under the table so readers know what "baseline" was: markdown (a link, a name), not a runner path. */
  baselineSource?: string
}

/**
 * `| Benchmark | Baseline | This run | Change |`. The arrow shows which way the number moved
 * (▲ up, ▼ down); ✅ / ❌ say whether that is good, so a falling loss reads `▼ -0.030 ✅`.
 */
export function renderComparisonMarkdown(rows: ComparisonRow[], options: RenderComparisonOptions = {}): string {
  const lines = ['| Benchmark | Baseline | This run | Change |', '| :--- | ---: | ---: | :--- |']
  for (const row of rows) {
    const label = row.id === EVAL_ACCURACY ? `**${cell(row.label)}**` : cell(row.label)
    lines.push(`| ${label} | ${formatCell(row.baseline)} | ${formatCell(row.current)} | ${formatChange(row)} |`)
  }
  if (options.baselineSource) lines.push('', `Baseline: ${options.baselineSource}`)
  return lines.join('\n')
}

/** The Change cell on its own, e.g. `▲ +0.012 ✅`. */
export function formatChange(row: ComparisonRow): string {
  switch (row.change) {
    case 'n/a':
      return MISSING
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

/** `+0.012` / `-0.005`: by the report's one rule (values.ts), always signed. */
export const formatSigned = shownChange

const formatCell = (value: number | null): string => shown(value)
