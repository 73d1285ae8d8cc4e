// What every parser produces (ParsedMetrics), the error it throws, and the Collector that builds
// the result while enforcing the rules shared by all formats (finite scores, first one wins).
import type { Benchmark } from '../../../domain/types.js'

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
export function benchmarkOf(id: string, name: string, group: string, higherIsBetter: boolean | undefined): Benchmark {
  return { id, name, group, ...(higherIsBetter === undefined ? {} : { higherIsBetter }) }
}

export class Collector {
  readonly benchmarks: Benchmark[] = []
  readonly scores: Record<string, number> = {}
  readonly metrics: Record<string, number> = {}
  readonly notes: string[] = []

  constructor(
    readonly format: MetricsFormat,
    readonly source: string
  ) {}

  /** `where` names the score in the document, for the error when it is NaN or infinite. */
  addBenchmark(benchmark: Benchmark, score: number, where: string): void {
    if (!Number.isFinite(score)) {
      throw new MetricsFormatError(
        `${this.source}: ${where} is ${score}, not a usable score: the evaluation produced no result for ` +
          `'${benchmark.id}' (check the tool's log for errors or empty data)`
      )
    }
    if (benchmark.id in this.scores) {
      this.notes.push(`'${benchmark.id}' appears twice; kept the first score`)
      return
    }
    this.benchmarks.push(benchmark)
    this.scores[benchmark.id] = score
  }

  addMetric(name: string, value: number): void {
    if (!Number.isFinite(value)) {
      this.notes.push(`metric '${name}' is ${value}; left out`)
      return
    }
    if (!(name in this.metrics)) this.metrics[name] = value
  }

  finish(): ParsedMetrics {
    if (this.benchmarks.length === 0 && Object.keys(this.metrics).length === 0) {
      throw new MetricsFormatError(`${this.source}: found no numeric scores (${ACCEPTED})`)
    }
    const { format, source, benchmarks, scores, metrics, notes } = this
    return { format, source, benchmarks, scores, metrics, notes }
  }
}
