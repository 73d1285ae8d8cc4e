// The comparison table shown in the PR comment and the job summary: rows from domain/compare.ts
// rendered as markdown.

import type { ComparisonRow } from '../domain/compare.js'
import { EVAL_ACCURACY, formatMetricValue } from '../domain/metric.js'
import { cell } from './markdown.js'

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
    const label = row.id === EVAL_ACCURACY ? `**${cell(row.label)}**` : cell(row.label)
    lines.push(`| ${label} | ${formatCell(row.baseline)} | ${formatCell(row.current)} | ${formatChange(row)} |`)
  }
  if (options.baselineSource) lines.push('', `Baseline: ${cell(options.baselineSource)}`)
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

function formatCell(value: number | null): string {
  return value === null ? '—' : formatMetricValue(value)
}
