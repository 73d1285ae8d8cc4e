// Which metric ranks and why: the one the user named (checked against the results, with
// task/metric pairs and the closest match), or the default chosen from what the results say —
// eval_accuracy, the Trainer's optimised metric, a single score, or a mean only when every score
// shares one direction and one scale. Anything else is an InputError listing the choices.
import { InputError } from '../util/errors.js'
import { EVAL_ACCURACY, stripEvalPrefix } from './metric.js'
import {
  bareMetricName,
  closestName,
  describeScale,
  higherIsBetter,
  isCounter,
  isLoss,
  scaleOf,
  type MetricScale
} from './metric-semantics.js'
import type { Benchmark, EvaluationRun, MetricSpec } from './types.js'

/** What the caller knows about the metric (the `metric` and `greater-is-better` inputs). */
export interface MetricOptions {
  /** The metric to rank by, as the results name it (`eval_wer`, `acc_norm`, `lambada_openai/acc`); undefined: chosen. */
  metric?: string
  /** Why `metric` ranks, when the caller knows better than "set by the metric input" (an aggregate repeats its shards'). */
  reason?: string
  /** Undefined: as the results file says, else by the metric's name (loss-like names rank ascending). */
  greaterIsBetter?: boolean
}

/** Ranking uses eval_accuracy when the results have it (or it is a safe mean). */
export const DEFAULT_METRIC = EVAL_ACCURACY

/** Where a checkpoint's value of the ranking metric comes from. */
export type ValueSource =
  | { kind: 'key'; key: string }
  | { kind: 'reported' } // eval_accuracy as the results report it
  | { kind: 'mean'; benchmarks: string[] } // eval_accuracy as the (weighted) mean of these

/** The metric that ranks, how its value is read, and why it was chosen. */
export interface MetricChoice {
  spec: MetricSpec
  source: ValueSource
  reason: string
}

/** One scored metric as error messages list it. */
export interface ScoredMetric {
  name: string
  higherIsBetter: boolean
  scale: MetricScale
}

export const okResults = (run: EvaluationRun) => run.results.filter((r) => r.status === 'ok')

function valuesOf(run: EvaluationRun, key: string): number[] {
  const values: number[] = []
  for (const r of okResults(run)) {
    const v = r.scores[key] ?? r.metrics[key]
    if (typeof v === 'number') values.push(v)
  }
  return values
}

/** Every metric name in the results that could rank (counters left out), in first-seen order. */
function rankableNames(run: EvaluationRun): string[] {
  const names = new Set<string>(run.benchmarks.map((b) => b.id))
  for (const r of okResults(run))
    for (const key of [...Object.keys(r.metrics), ...Object.keys(r.invalid ?? {})])
      if (!isCounter(key) && !names.has(key)) names.add(key)
  return [...names]
}

function directionOf(run: EvaluationRun, key: string, benchmark?: Benchmark): boolean {
  const fromFile = run.facts?.directions[key] ?? benchmark?.higherIsBetter
  const optimised = run.facts?.optimised
  if (fromFile === undefined && optimised && stripEvalPrefix(optimised.name) === stripEvalPrefix(key))
    return optimised.higherIsBetter
  return higherIsBetter(benchmark?.metric ?? key, fromFile)
}

/** The benchmarks' directions and scales: what a mean would mix. */
export function scoredMetrics(run: EvaluationRun): ScoredMetric[] {
  return run.benchmarks.map((b) => {
    const higher = directionOf(run, b.id, b)
    const label = b.metric ? `${b.id} (${b.metric.split(',')[0]})` : b.id
    return { name: label, higherIsBetter: higher, scale: scaleOf(valuesOf(run, b.id), higher) }
  })
}

function describeScored(m: ScoredMetric): string {
  return `${m.name}: ${m.higherIsBetter ? 'higher' : 'lower'} is better, ${describeScale(m.scale)}`
}

/** The benchmarks' mean is safe when all are higher-is-better and share a scale; else why not. */
function meanProblem(scored: ScoredMetric[]): string | undefined {
  const lower = scored.filter((m) => !m.higherIsBetter).map((m) => m.name)
  if (lower.length === scored.length && lower.length > 0)
    return `${lower.join(', ')} ${lower.length > 1 ? 'are' : 'is'} lower-is-better, and eval_accuracy is a mean of higher-is-better scores`
  if (lower.length > 0) return 'they mix higher- and lower-is-better metrics'
  if (new Set(scored.map((m) => m.scale)).size > 1) return 'they mix scales (0–1 and 0–100 or unbounded)'
  return undefined
}

/** The error for a default that can't be chosen safely: the metrics, their directions, the line to add. */
function ambiguous(run: EvaluationRun, scored: ScoredMetric[], why: string): InputError {
  const example = scored.find((m) => m.higherIsBetter && m.scale !== 'unbounded') ?? scored[0]
  const exampleName = example.name.split(' ')[0]
  const listed = scored.slice(0, 25).map((m) => `  - ${describeScored(m)}`)
  if (scored.length > 25) listed.push(`  - … and ${scored.length - 25} more (see scores.json)`)
  const pairs = run.benchmarks.some((b) => b.metric)
    ? ' A task with several metrics takes task/metric, e.g. lambada_openai/acc.'
    : ''
  return new InputError(
    'metric',
    `no default ranking metric is safe for these results: ${why}, so a mean would crown the wrong checkpoint. ` +
      `The scores found:\n${listed.join('\n')}\nName the one to rank by: add \`metric: ${exampleName}\` to the step's inputs (CLI: --metric ${exampleName}).${pairs}`
  )
}

/** What ranks when `metric` is not set: eval_accuracy, the Trainer's metric, the one score, or a safe mean. */
export function chooseDefaultMetric(run: EvaluationRun): MetricChoice {
  const ok = okResults(run)
  if (ok.some((r) => EVAL_ACCURACY in r.metrics || EVAL_ACCURACY in (r.invalid ?? {}))) {
    return {
      spec: { name: EVAL_ACCURACY, greaterIsBetter: true },
      source: { kind: 'reported' },
      reason: 'the results report eval_accuracy'
    }
  }
  const optimised = run.facts?.optimised
  if (optimised) {
    const key = resolveKey(run, optimised.name)
    if (key) {
      return {
        spec: { name: optimised.name, greaterIsBetter: optimised.higherIsBetter },
        source: { kind: 'key', key },
        reason: `the metric the Trainer optimised (${optimised.source})`
      }
    }
  }
  const scored = scoredMetrics(run)
  if (scored.length === 0) {
    const loss = rankableNames(run).find(isLoss)
    if (!loss) {
      throw new InputError(
        'metric',
        `the results hold no score to rank by (only counters such as runtime and samples). Found: ${namesFound(run)}.`
      )
    }
    return {
      spec: { name: loss, greaterIsBetter: directionOf(run, loss) },
      source: { kind: 'key', key: loss },
      reason: `the only score in the results is the loss (${loss}, lower is better)`
    }
  }
  // One lower-is-better score (a speech model's WER): ranked by its own name, since an accuracy
  // it is not. Anything else that shares one direction and scale is averaged into eval_accuracy.
  if (scored.length === 1 && !scored[0].higherIsBetter) {
    const b = run.benchmarks[0]
    return {
      spec: { name: b.id, greaterIsBetter: false },
      source: { kind: 'key', key: b.id },
      reason: `the only score in the results (lower is better, ${describeScale(scored[0].scale)})`
    }
  }
  const problem = meanProblem(scored)
  if (problem) throw ambiguous(run, scored, problem)
  const scale = describeScale(scored[0].scale)
  return {
    spec: { name: EVAL_ACCURACY, greaterIsBetter: true },
    source: { kind: 'mean', benchmarks: run.benchmarks.map((b) => b.id) },
    reason:
      scored.length === 1
        ? `eval_accuracy is the only score in the results, ${scored[0].name} (higher is better, ${scale})`
        : `eval_accuracy is the mean of the ${scored.length} scores (all higher is better, ${scale})`
  }
}

function namesFound(run: EvaluationRun): string {
  const names = new Set<string>()
  for (const r of okResults(run)) for (const k of Object.keys(r.metrics)) names.add(k)
  return [...names].slice(0, 20).join(', ') || 'nothing'
}

/** A name as the user wrote it -> the key in scores/metrics; undefined when not found; throws when ambiguous. */
function resolveKey(run: EvaluationRun, input: string): string | undefined {
  const names = rankableNames(run)
  const has = (n: string) => names.includes(n)
  const bare = stripEvalPrefix(input)
  for (const candidate of [input, bare, `eval_${bare}`]) if (has(candidate)) return candidate
  const pick = (found: string[], what: string): string | undefined => {
    const unique = [...new Set(found)]
    if (unique.length <= 1) return unique[0]
    throw new InputError(
      'metric',
      `'${input}' matches ${unique.length} ${what}: ${unique
        .slice(0, 12)
        .map((n) => pairName(run, n))
        .join(', ')}. Name one of them, e.g. metric: ${pairName(run, unique[0])}`
    )
  }
  const slash = input.lastIndexOf('/')
  if (slash > 0) {
    // task/metric[,filter]: the task's benchmark when that is its metric, else one of its other metrics.
    const task = input.slice(0, slash)
    const metric = input.slice(slash + 1)
    const matches = (key: string) => key === metric || key.split(',')[0] === metric
    const benchmark = run.benchmarks.find((b) => b.id === task && b.metric && matches(b.metric))
    const others = names.filter((n) => n.startsWith(`${task}/`) && matches(n.slice(task.length + 1)))
    // `gsm8k/exact_match` with two filters is ambiguous: say so rather than pick one silently.
    const found = [...(benchmark ? [benchmark.id] : []), ...others]
    return pick(found, `metrics of ${task} (one per filter)`)
  }
  // A bare metric name (`acc_norm`): the one task that reports it.
  const byMetric = [
    ...run.benchmarks.filter((b) => b.metric && bareMetricName(b.metric) === bare).map((b) => b.id),
    ...names.filter((n) => n.includes('/') && bareMetricName(n) === bare)
  ]
  const found = pick(byMetric, 'task metrics')
  if (found) return found
  // A task or subtask lm-eval lists as detail (`mmlu_stem` under `mmlu`): its first metric, as for benchmarks.
  const task = names.find((n) => n.startsWith(`${input}/`))
  if (task) return task
  const lower = input.toLowerCase()
  return names.find((n) => n.toLowerCase() === lower || stripEvalPrefix(n.toLowerCase()) === stripEvalPrefix(lower))
}

/** `lambada_openai/perplexity,none` -> `lambada_openai/perplexity` when the filter is `none`: as users write it. */
function pairName(run: EvaluationRun, key: string): string {
  const benchmark = run.benchmarks.find((b) => b.id === key)
  if (benchmark?.metric) return `${key}/${benchmark.metric.replace(/,none$/, '')}`
  return key.replace(/,none$/, '')
}

/** The metric the user named -> how to rank by it; an unknown name is an InputError listing the names. */
export function resolveNamedMetric(run: EvaluationRun, input: string, greaterIsBetter?: boolean): MetricChoice {
  const name = input.trim()
  const bare = stripEvalPrefix(name)
  const reported = okResults(run).some((r) => EVAL_ACCURACY in r.metrics || EVAL_ACCURACY in (r.invalid ?? {}))
  if (bare === 'accuracy' && (reported || !resolveKey(run, name))) {
    if (reported)
      return {
        spec: { name: EVAL_ACCURACY, greaterIsBetter: greaterIsBetter ?? true },
        source: { kind: 'reported' },
        reason: 'set by the metric input; the results report eval_accuracy'
      }
    const scored = scoredMetrics(run)
    const problem = scored.length === 0 ? 'the results hold no scores' : meanProblem(scored)
    if (problem) {
      if (scored.length === 0) throw unknownMetric(run, name)
      const err = ambiguous(run, scored, problem)
      throw new InputError(
        'metric',
        `'${name}' is not in the results, and it can't be computed as the mean of the scores: ${err.message.replace(/^Input 'metric': no default ranking metric is safe for these results: /, '')}`
      )
    }
    return {
      spec: { name: EVAL_ACCURACY, greaterIsBetter: greaterIsBetter ?? true },
      source: { kind: 'mean', benchmarks: run.benchmarks.map((b) => b.id) },
      reason: `set by the metric input: the mean of the ${scored.length} scores (all higher is better, ${describeScale(scored[0].scale)})`
    }
  }
  for (const candidate of [name, bare, `eval_${bare}`]) {
    if (isCounter(candidate) && okResults(run).some((r) => candidate in r.metrics)) {
      throw new InputError(
        'metric',
        `'${name}' is a counter (${candidate}), not a score: it says how long or how much, not how good. Rank by a score, e.g. metric: ${suggestion(run)}.`
      )
    }
  }
  const key = resolveKey(run, name)
  if (!key) throw unknownMetric(run, name)
  const benchmark = run.benchmarks.find((b) => b.id === key)
  return {
    spec: { name, greaterIsBetter: greaterIsBetter ?? directionOf(run, key, benchmark) },
    source: { kind: 'key', key },
    reason: 'set by the metric input'
  }
}

function suggestion(run: EvaluationRun): string {
  const first = run.benchmarks[0]
  return first ? pairName(run, first.id) : (rankableNames(run)[0] ?? EVAL_ACCURACY)
}

function unknownMetric(run: EvaluationRun, name: string): InputError {
  const names = rankableNames(run)
  const shown = names.map((n) => pairName(run, n))
  const closest = closestName(name, shown)
  const list = shown.length
    ? shown.slice(0, 30).join(', ') + (shown.length > 30 ? `, … (${shown.length} in all)` : '')
    : 'none'
  return new InputError(
    'metric',
    `'${name}' is not in the results.${closest ? ` Closest match: '${closest}' (metric: ${closest}).` : ''} Available: ${list}.`
  )
}

/**
 * Before anything runs, for evaluators that know their score names (the built-in suite): a
 * `metric` that isn't one of them (nor eval_accuracy, their mean) is an InputError now, not after
 * the evaluation.
 */
export function checkMetricName(metric: string | undefined, names: readonly string[]): void {
  const name = metric?.trim()
  if (!name) return
  const bare = stripEvalPrefix(name).toLowerCase()
  if (bare === 'accuracy' || names.some((n) => stripEvalPrefix(n).toLowerCase() === bare)) return
  const closest = closestName(name, names)
  throw new InputError(
    'metric',
    `'${name}' is not a score this evaluator reports.${closest ? ` Closest match: '${closest}' (metric: ${closest}).` : ''} Available: ${EVAL_ACCURACY}, ${names.join(', ')}.`
  )
}

/** The metric to rank by: the one named (checked against the results), or the default with its reason. */
export function chooseMetric(run: EvaluationRun, options: MetricOptions = {}): MetricChoice {
  const named = options.metric?.trim()
  // Nothing was evaluated (every checkpoint failed): nothing to check the name against, nothing to rank.
  if (okResults(run).length === 0) {
    const name = named || EVAL_ACCURACY
    return {
      spec: { name, greaterIsBetter: options.greaterIsBetter ?? higherIsBetter(name) },
      source: name === EVAL_ACCURACY ? { kind: 'reported' } : { kind: 'key', key: name },
      reason: 'no checkpoint could be evaluated'
    }
  }
  if (named) {
    const choice = resolveNamedMetric(run, named, options.greaterIsBetter)
    return options.reason ? { ...choice, reason: options.reason } : choice
  }
  const choice = chooseDefaultMetric(run)
  if (options.greaterIsBetter === undefined) return choice
  return { ...choice, spec: { ...choice.spec, greaterIsBetter: options.greaterIsBetter } }
}

/** @deprecated use chooseMetric; kept for callers that only need the name and direction. */
export function resolveMetric(run: EvaluationRun, options: MetricOptions): MetricSpec {
  return chooseMetric(run, options).spec
}

/** Whether eval_accuracy may be the benchmarks' mean: some benchmarks, one direction (higher), one scale. */
export function meanIsSafe(run: EvaluationRun): boolean {
  return run.benchmarks.length > 0 && !meanProblem(scoredMetrics(run))
}
