// Inputs (from the action or the CLI) -> one typed, validated Config. Every error names the
// input and says how to fix it, and is raised before the pipeline touches anything.
import os from 'node:os'
import path from 'node:path'
import { BUILTIN_SUITE } from './evaluate/builtin-suite.js'
import { Inputs, type InputName, type InputReader } from './inputs.js'
import type { Benchmark } from './types.js'

export type EvaluatorKind = 'builtin' | 'command' | 'results'

export interface EvaluationConfig {
  evaluator: EvaluatorKind
  /** Benchmark ids (builtin) or names as the evaluator reports them; undefined = all. */
  benchmarks?: string[]
  /** Benchmark id or name -> weight for eval_accuracy. */
  weights: Record<string, number>
  command?: string
  concurrency: number
  timeoutMs: number
}

export interface RankingConfig {
  metric: string
  /** Undefined: decided from the metric. */
  greaterIsBetter?: boolean
}

export interface Config {
  checkpointDir: string
  outputDir: string
  evaluation: EvaluationConfig
  ranking: RankingConfig
}

/** Where defaults differ between the action and the terminal. */
export interface ConfigDefaults {
  outputDir: string
  cpus?: number
}

export class ConfigError extends Error {
  constructor(
    readonly input: InputName,
    message: string
  ) {
    super(`Input '${input}': ${message}`)
  }
}

/** Comma- or newline-separated values, blanks and `#` comments dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

/** "Common sense", "common_sense" and "COMMON-SENSE" are one benchmark. */
export const benchmarkKey = (label: string) => label.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Resolve a benchmark named by id or display name, or explain which names exist. */
export function findBenchmark(input: InputName, label: string, benchmarks: readonly Benchmark[]): Benchmark {
  const key = benchmarkKey(label)
  const found = benchmarks.find((b) => benchmarkKey(b.id) === key || benchmarkKey(b.name) === key)
  if (found) return found
  throw new ConfigError(
    input,
    `unknown benchmark '${label}'. Known benchmarks: ${benchmarks.map((b) => b.id).join(', ')}.`
  )
}

function parseEvaluator(read: InputReader): EvaluatorKind {
  const value = read(Inputs.Evaluator) || 'builtin'
  if (value === 'builtin' || value === 'command' || value === 'results') return value
  throw new ConfigError(Inputs.Evaluator, `'${value}' is not an evaluator. Use builtin, command or results.`)
}

/** `name=weight` entries; weights are positive finite numbers. */
export function parseWeights(value: string): Record<string, number> {
  const weights: Record<string, number> = {}
  for (const entry of splitList(value)) {
    const match = /^([^=:]+?)\s*[=:]\s*(\S+)$/.exec(entry)
    const weight = match ? Number(match[2]) : NaN
    if (!match || !Number.isFinite(weight) || weight <= 0) {
      throw new ConfigError(
        Inputs.Weights,
        `'${entry}' is not a weight. Write one 'benchmark=weight' per line (or comma separated), ` +
          'with a positive number, e.g. math_reasoning=1.2.'
      )
    }
    const name = match[1].trim()
    if (name in weights) throw new ConfigError(Inputs.Weights, `'${name}' is weighted twice; keep one entry.`)
    weights[name] = weight
  }
  return weights
}

/** `90`, `90s`, `30m`, `2h` -> milliseconds. */
export function parseDuration(input: InputName, value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim())
  const amount = match ? Number(match[1]) : NaN
  if (!match || !(amount > 0)) {
    throw new ConfigError(input, `'${value}' is not a duration. Write e.g. 90s, 30m or 2h (a bare number is seconds).`)
  }
  const unit = (match[2] ?? 's').toLowerCase()
  return amount * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h']
}

export function parsePositiveInteger(input: InputName, value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 1) throw new ConfigError(input, `'${value}' must be a whole number of at least 1.`)
  return n
}

/** true / false / auto (undefined). */
export function parseTriState(input: InputName, value: string): boolean | undefined {
  const v = value.trim().toLowerCase()
  if (v === '' || v === 'auto') return undefined
  if (v === 'true' || v === 'yes' || v === '1') return true
  if (v === 'false' || v === 'no' || v === '0') return false
  throw new ConfigError(input, `'${value}' must be true, false or auto.`)
}

function parseEvaluation(read: InputReader, defaults: ConfigDefaults): EvaluationConfig {
  const evaluator = parseEvaluator(read)
  const listed = splitList(read(Inputs.Benchmarks))
  const weights = parseWeights(read(Inputs.Weights))
  let benchmarks: string[] | undefined = listed.length > 0 ? listed : undefined
  if (evaluator === 'builtin') {
    // Built-in names are known now, so mistakes are caught before anything runs.
    benchmarks = benchmarks?.map((label) => findBenchmark(Inputs.Benchmarks, label, BUILTIN_SUITE).id)
    const usable = benchmarks ? BUILTIN_SUITE.filter((b) => benchmarks!.includes(b.id)) : BUILTIN_SUITE
    for (const name of Object.keys(weights)) {
      const benchmark = findBenchmark(Inputs.Weights, name, BUILTIN_SUITE)
      if (!usable.some((b) => b.id === benchmark.id)) {
        throw new ConfigError(Inputs.Weights, `'${name}' is weighted but not among the selected benchmarks; add it to benchmarks or drop the weight.`)
      }
      if (benchmark.id !== name) {
        weights[benchmark.id] = weights[name]
        delete weights[name]
      }
    }
  }
  const command = read(Inputs.EvalCommand) || undefined
  if (evaluator === 'command' && !command) {
    throw new ConfigError(
      Inputs.EvalCommand,
      "evaluator 'command' needs eval-command, e.g. `python eval.py --model {checkpoint} --out {output}`."
    )
  }
  const concurrencyText = read(Inputs.EvalConcurrency)
  const timeoutText = read(Inputs.EvalTimeout)
  return {
    evaluator,
    benchmarks,
    weights,
    command,
    concurrency: concurrencyText ? parsePositiveInteger(Inputs.EvalConcurrency, concurrencyText) : (defaults.cpus ?? os.availableParallelism()),
    timeoutMs: timeoutText ? parseDuration(Inputs.EvalTimeout, timeoutText) : 60 * 60_000
  }
}

export function parseConfig(read: InputReader, defaults: ConfigDefaults): Config {
  const checkpointDir = read(Inputs.CheckpointDir) || 'checkpoints'
  const outputDir = path.resolve(read(Inputs.OutputDir) || defaults.outputDir)
  return {
    checkpointDir,
    outputDir,
    evaluation: parseEvaluation(read, defaults),
    ranking: {
      metric: read(Inputs.Metric) || 'eval_accuracy',
      greaterIsBetter: parseTriState(Inputs.GreaterIsBetter, read(Inputs.GreaterIsBetter))
    }
  }
}
