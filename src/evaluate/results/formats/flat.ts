// Flat `{"name": number}` maps: a command's stdout, eval_results.json, all_results.json, a
// Trainer log_history entry. Which key is a benchmark and which is bookkeeping is decided here.
import { isEvalAccuracy } from '../../../domain/metric.js'
import { higherIsBetterFromName, isCounter, isLoss } from '../../../domain/metric-semantics.js'
import { benchmarkOf, type Collector, type ParsedMetrics } from './collector.js'
import { describe, numberOf } from './json.js'

/** `math_reasoning` -> `Math Reasoning`. */
export function displayName(id: string): string {
  return id
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ')
}

/** Where a flat map's key goes: see the rules in index.ts. */
export function classifyFlatKey(
  key: string,
  siblings: ReadonlySet<string> = new Set()
): { kind: 'metric' } | { kind: 'benchmark'; id: string } {
  if (isEvalAccuracy(key)) return { kind: 'metric' }
  const stripped = key.startsWith('eval_') && key.length > 5 && !siblings.has(key.slice(5)) ? key.slice(5) : key
  if (isCounter(key) || isLoss(key) || isCounter(stripped) || isLoss(stripped)) return { kind: 'metric' }
  return { kind: 'benchmark', id: stripped }
}

export function parseFlat(map: Record<string, unknown>, out: Collector): ParsedMetrics {
  const keys = new Set(Object.keys(map))
  for (const [key, raw] of Object.entries(map)) {
    const value = numberOf(raw)
    if (value === undefined) {
      out.notes.push(`'${key}' is ${describe(raw)}, not a number; ignored`)
      continue
    }
    const kind = classifyFlatKey(key, keys)
    if (kind.kind === 'metric') out.addMetric(key, value)
    else
      out.addBenchmark(
        benchmarkOf(kind.id, displayName(kind.id), 'Metrics', higherIsBetterFromName(kind.id)),
        value,
        `'${key}'`
      )
  }
  return out.finish()
}
