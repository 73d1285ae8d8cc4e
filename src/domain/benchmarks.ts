// Finding a benchmark by what a user calls it: its id or its display name, in any spelling.
import { InputError } from '../util/errors.js'
import { normalizeLabel } from './labels.js'
import type { Benchmark } from './types.js'

/** The benchmark `label` names, or an InputError on `input` listing the names that exist. */
export function findBenchmark(input: string, label: string, benchmarks: readonly Benchmark[]): Benchmark {
  const key = normalizeLabel(label)
  const found = benchmarks.find((b) => normalizeLabel(b.id) === key || normalizeLabel(b.name) === key)
  if (found) return found
  throw new InputError(
    input,
    `unknown benchmark '${label}'. Known benchmarks: ${benchmarks.map((b) => b.id).join(', ')}.`
  )
}

/** Weights keyed by benchmark id; a name no benchmark answers to is an error on the weights input. */
export function resolveWeights(
  weights: Record<string, number>,
  benchmarks: readonly Benchmark[]
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(weights).map(([name, w]) => [findBenchmark('weights', name, benchmarks).id, w])
  )
}
