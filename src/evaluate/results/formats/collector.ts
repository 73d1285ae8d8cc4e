// What every parser produces (ParsedMetrics), the error it throws, and the Collector that builds
// the result while enforcing the rules shared by all formats (finite scores, first one wins).
import type { Benchmark, OptimisedMetric } from '../../../domain/types.js'

export type MetricsFormat = 'flat' | 'lm-eval' | 'lighteval' | 'trainer-state'

export interface ParsedMetrics {
  format: MetricsFormat
  /** Where the document came from (a path, or `stdout of ...`), for messages. */
  source: string
  /** In the document's order. */
  benchmarks: Benchmark[]
  /** Benchmark id -> score; every score is finite. */
  scores: Record<string, number>
  /** Everything numeric that is not a benchmark score. */
  metrics: Record<string, number>
  /** Scores or metrics whose value is NaN or ±Infinity (name -> `NaN`): in neither map above. */
  invalid: Record<string, string>
  /** Name (benchmark id or metric key) -> higher is better, where the file says. */
  directions: Record<string, boolean>
  /** The metric the training run optimised, where the file says (trainer_state.json). */
  optimised?: OptimisedMetric
  /** Things skipped on purpose, worth a debug line. */
  notes: string[]
}

export interface ParseMetricsOptions {
  /** The checkpoint's step: picks the trainer_state.json log_history entry. */
  step?: number
}

/** A document that is not one of the accepted shapes, or holds no usable score. */
export class MetricsFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MetricsFormatError'
  }
}

export const ACCEPTED =
  'expected a JSON object: a flat {"benchmark": score} map, an lm-evaluation-harness results file, ' +
  'a lighteval results file or a Trainer trainer_state.json'

/** A benchmark; `higherIsBetter` is only set when known. */
export function benchmarkOf(
  id: string,
  name: string,
  group: string,
  higherIsBetter: boolean | undefined,
  metric?: string
): Benchmark {
  return {
    id,
    name,
    group,
    ...(higherIsBetter === undefined ? {} : { higherIsBetter }),
    ...(metric === undefined ? {} : { metric })
  }
}

export class Collector {
  readonly benchmarks: Benchmark[] = []
  readonly scores: Record<string, number> = {}
  readonly metrics: Record<string, number> = {}
  readonly invalid: Record<string, string> = {}
  readonly directions: Record<string, boolean> = {}
  optimised?: OptimisedMetric
  readonly notes: string[] = []

  constructor(
    readonly format: MetricsFormat,
    readonly source: string
  ) {}

  /**
   * `where` names the score in the document, for the note when it is NaN or infinite: such a score
   * is kept as invalid (the checkpoint can't be ranked by it), not dropped and not fatal.
   */
  addBenchmark(benchmark: Benchmark, score: number, where: string): void {
    if (this.benchmarks.some((b) => b.id === benchmark.id)) {
      this.notes.push(`'${benchmark.id}' appears twice; kept the first score`)
      return
    }
    this.benchmarks.push(benchmark)
    if (Number.isFinite(score)) this.scores[benchmark.id] = score
    else {
      this.invalid[benchmark.id] = String(score)
      this.notes.push(`${where} is ${score}: the evaluation produced no usable result for '${benchmark.id}'`)
    }
  }

  addMetric(name: string, value: number): void {
    if (name in this.metrics || name in this.invalid) return
    if (Number.isFinite(value)) this.metrics[name] = value
    else this.invalid[name] = String(value)
  }

  finish(): ParsedMetrics {
    if (this.benchmarks.length === 0 && Object.keys(this.metrics).length === 0) {
      throw new MetricsFormatError(`${this.source}: found no numeric scores (${ACCEPTED})`)
    }
    const { format, source, benchmarks, scores, metrics, invalid, directions, optimised, notes } = this
    return {
      format,
      source,
      benchmarks,
      scores,
      metrics,
      invalid,
      directions,
      ...(optimised ? { optimised } : {}),
      notes
    }
  }
}
