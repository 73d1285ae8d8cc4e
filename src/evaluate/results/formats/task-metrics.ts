// The metrics of one task entry in lm-eval and lighteval results (`"acc,none": 0.5`), shared by
// both parsers.
import { numberOf } from './json.js'

export interface MetricEntry {
  /** As written: `acc,none`, `exact_match,strict-match`, or `acc` (lm-eval 0.3 / lighteval). */
  key: string
  /** Without the filter: `acc`, `exact_match`. */
  metric: string
  filter: string | null
  value: number
}

const NOT_METRICS = new Set(['alias', 'name', 'sample_len', 'sample_count', 'samples', 'original', 'effective'])

/** The numeric, non-stderr metrics of a task entry, in the file's order. */
export function metricEntries(entry: Record<string, unknown>): MetricEntry[] {
  const found: MetricEntry[] = []
  for (const [key, raw] of Object.entries(entry)) {
    const [metric, filter = null] = key.split(',', 2)
    if (NOT_METRICS.has(metric) || /_stderr$/.test(metric)) continue
    const value = numberOf(raw)
    if (value !== undefined) found.push({ key, metric, filter, value })
  }
  return found
}

/** `acc` or `exact_match, strict-match`: the metric as a benchmark's name shows it. */
export function metricLabel(entry: MetricEntry): string {
  return entry.filter && entry.filter !== 'none' ? `${entry.metric}, ${entry.filter}` : entry.metric
}
