// Pure parsers: a metrics JSON document (what an evaluation tool printed or wrote) -> benchmark
// scores + other metrics. No I/O here, so every rule below is testable on literals.
//
// THE RULES (documented for users in the README):
//
// Flat maps `{"name": number, ...}` (a command's stdout, eval_results.json, all_results.json, a
// Trainer log_history entry):
//   - `eval_accuracy` is kept in `metrics` under that name: it is the run's *reported*
//     eval_accuracy, which ranking uses as is instead of averaging benchmarks.
//   - Otherwise one leading `eval_` is stripped (`eval_f1` -> `f1`) unless that would collide with
//     a key already present; the key is then either
//       * bookkeeping -> `metrics`, under the ORIGINAL key (`eval_loss`, `eval_runtime`, `epoch`):
//         loss, epoch, step, runtime, samples, *_per_second, flos, learning_rate, grad_norm,
//         train_*, and names ending in _loss, _runtime, _stderr, _samples, _time, _seconds;
//       * or a benchmark whose id is the (stripped) key, group `Metrics`.
//   - Non-numeric values (strings, booleans, nested objects) are ignored and noted.
// lm-evaluation-harness results (`results -> task -> "acc,none"`):
//   - one benchmark per top-level task or group, scored by its FIRST reported metric (the task's
//     first configured metric, e.g. `acc,none`); its other metrics go to `metrics` as
//     `task/metric,filter`. Subtasks of a group that has a score (mmlu_* under mmlu) go to
//     `metrics` too, so one big group doesn't outweigh the other tasks in eval_accuracy. A group
//     without a score of its own (e.g. `leaderboard`) is looked through: its subtasks become
//     benchmarks with that group as `group`. `higher_is_better` is used when present.
// lighteval results (`results -> "suite|task|shots" -> {metric: value}`):
//   - one benchmark per task (id = task name, `task|shots` if a task appears twice), scored by its
//     first metric, group = the suite; `all` and per-task extras go to `metrics`; when
//     `task:_average` exists its `task:*` subtasks go to `metrics` and the average is the benchmark.
// Trainer `trainer_state.json`: the `log_history` entries with `eval_*` keys at the checkpoint's
// step, merged, then read as a flat map.
// Everywhere: `_stderr` values are dropped; a benchmark score that is NaN/Infinity (Python's
// json writes bare NaN) fails the document; lower-is-better is inferred for names ending in
// loss, perplexity, ppl, bits_per_byte, error, wer, cer, mse, rmse or mae.
import { higherIsBetterFromName, isEvalAccuracy } from '../../domain/metric.js'
import type { Benchmark } from '../../domain/types.js'

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

const ACCEPTED =
  'expected a JSON object: a flat {"benchmark": score} map, an lm-evaluation-harness results file, ' +
  'a lighteval results file or a Trainer trainer_state.json'

// Python's json module writes NaN/Infinity as bare literals, which JSON.parse rejects. They are
// rewritten to this marker string so the document still parses and the parsers can tell
// "NaN score" (a real evaluation failure, reported by name) from "not JSON".
const NON_FINITE = '\u0000non-finite:'

/** JSON.parse that also accepts Python's bare NaN / Infinity / -Infinity literals. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    if (/NaN|Infinity/.test(text)) {
      try {
        return JSON.parse(markNonFiniteLiterals(text))
      } catch {
        // fall through to the original, more accurate message
      }
    }
    throw new MetricsFormatError(`${source}: not valid JSON (${reason})`)
  }
}

function markNonFiniteLiterals(text: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      out += ch
      if (ch === '\\') out += text[++i] ?? ''
      else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') {
      inString = true
      out += ch
      continue
    }
    const literal = /^-?(?:NaN|Infinity)/.exec(text.slice(i, i + 9))?.[0]
    if (literal) {
      out += JSON.stringify(NON_FINITE + literal)
      i += literal.length - 1
      continue
    }
    out += ch
  }
  return out
}

/** A number, NaN/±Infinity for a marked literal, or undefined for anything else. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.startsWith(NON_FINITE)) return Number(value.slice(NON_FINITE.length))
  return undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** `math_reasoning` -> `Math Reasoning`. */
export function displayName(id: string): string {
  return id
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ')
}

const BOOKKEEPING = new RegExp(
  '^(?:loss|epoch|step|global_step|runtime|samples|num_samples|total_flos|flos|learning_rate|lr|grad_norm|' +
    'num_input_tokens_seen|samples_per_second|steps_per_second|tokens_per_second|train_.+|' +
    '.+_(?:loss|runtime|samples_per_second|steps_per_second|tokens_per_second|stderr|flos|samples|time|seconds))$',
  'i'
)

/** Where a flat map's key goes: see the rules at the top of this file. */
export function classifyFlatKey(key: string, siblings: ReadonlySet<string> = new Set()): { kind: 'metric' } | { kind: 'benchmark'; id: string } {
  if (isEvalAccuracy(key)) return { kind: 'metric' }
  const stripped = key.startsWith('eval_') && key.length > 5 && !siblings.has(key.slice(5)) ? key.slice(5) : key
  if (BOOKKEEPING.test(stripped) || BOOKKEEPING.test(key)) return { kind: 'metric' }
  return { kind: 'benchmark', id: stripped }
}

class Collector {
  readonly benchmarks: Benchmark[] = []
  readonly scores: Record<string, number> = {}
  readonly metrics: Record<string, number> = {}
  readonly notes: string[] = []

  constructor(
    readonly format: MetricsFormat,
    readonly source: string
  ) {}

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

/** Which of the accepted shapes `json` is; null when it is not an object at all. */
export function detectMetricsFormat(json: unknown): MetricsFormat | null {
  if (!isRecord(json)) return null
  if (Array.isArray(json.log_history)) return 'trainer-state'
  const results = json.results
  if (isRecord(results)) {
    if (Object.values(results).every((v) => numberOf(v) !== undefined)) return 'flat'
    if ('config_general' in json || 'config_tasks' in json || 'summary_tasks' in json) return 'lighteval'
    if (Object.keys(results).some((key) => key.includes('|'))) return 'lighteval'
    return 'lm-eval'
  }
  return 'flat'
}

/**
 * Reads one metrics document. `source` names it in errors (a file path or `stdout of step_100`).
 * Throws MetricsFormatError when the shape is unknown or it holds no usable score.
 */
export function parseMetricsDocument(json: unknown, source: string, options: ParseMetricsOptions = {}): ParsedMetrics {
  const format = detectMetricsFormat(json)
  if (format === null || !isRecord(json)) {
    throw new MetricsFormatError(`${source}: got ${describe(json)}; ${ACCEPTED}`)
  }
  switch (format) {
    case 'trainer-state':
      return parseTrainerState(json, source, options.step)
    case 'lm-eval':
      return parseLmEval(json, source)
    case 'lighteval':
      return parseLighteval(json, source)
    case 'flat':
      return parseFlat(isRecord(json.results) ? json.results : json, new Collector('flat', source))
  }
}

/** parseJsonText + parseMetricsDocument. */
export function parseMetricsText(text: string, source: string, options: ParseMetricsOptions = {}): ParsedMetrics {
  return parseMetricsDocument(parseJsonText(text, source), source, options)
}

function parseFlat(map: Record<string, unknown>, out: Collector): ParsedMetrics {
  const keys = new Set(Object.keys(map))
  for (const [key, raw] of Object.entries(map)) {
    const value = numberOf(raw)
    if (value === undefined) {
      out.notes.push(`'${key}' is ${describe(raw)}, not a number; ignored`)
      continue
    }
    const kind = classifyFlatKey(key, keys)
    if (kind.kind === 'metric') {
      out.addMetric(key, value)
      continue
    }
    const higherIsBetter = higherIsBetterFromName(kind.id)
    out.addBenchmark(
      { id: kind.id, name: displayName(kind.id), group: 'Metrics', ...(higherIsBetter === undefined ? {} : { higherIsBetter }) },
      value,
      `'${key}'`
    )
  }
  return out.finish()
}

function parseTrainerState(json: Record<string, unknown>, source: string, step: number | undefined): ParsedMetrics {
  const history = (json.log_history as unknown[]).filter(isRecord)
  const evals = history.filter((entry) => Object.keys(entry).some((key) => key.startsWith('eval_')))
  if (evals.length === 0) {
    throw new MetricsFormatError(
      `${source}: log_history has no evaluation entries (no eval_* keys): the Trainer did not evaluate ` +
        `during training. Set eval_strategy="steps" with eval_steps equal to save_steps, or point the ` +
        `results evaluator at another results file`
    )
  }
  const wanted = step ?? (typeof json.global_step === 'number' ? json.global_step : (evals[evals.length - 1].step as number))
  const atStep = evals.filter((entry) => entry.step === wanted)
  if (atStep.length === 0) {
    const steps = [...new Set(evals.map((entry) => entry.step))].slice(-10).join(', ')
    throw new MetricsFormatError(
      `${source}: no evaluation logged at step ${wanted} (evaluations at steps ${steps}). ` +
        `Make eval_steps divide save_steps so every saved checkpoint has been evaluated`
    )
  }
  // Several eval datasets log separate entries at one step (eval_a_loss, eval_b_loss): merge them.
  const merged: Record<string, unknown> = Object.assign({}, ...atStep)
  return parseFlat(merged, new Collector('trainer-state', source))
}

interface MetricEntry {
  /** As written: `acc,none`, `exact_match,strict-match`, or `acc` (lm-eval 0.3 / lighteval). */
  key: string
  /** Without the filter: `acc`, `exact_match`. */
  metric: string
  filter: string | null
  value: number
}

const NOT_METRICS = new Set(['alias', 'name', 'sample_len', 'sample_count', 'samples', 'original', 'effective'])

/** The numeric, non-stderr metrics of a task entry, in the file's order. */
function metricEntries(entry: Record<string, unknown>): MetricEntry[] {
  const found: MetricEntry[] = []
  for (const [key, raw] of Object.entries(entry)) {
    const [metric, filter = null] = key.split(',', 2)
    if (NOT_METRICS.has(metric) || /_stderr$/.test(metric)) continue
    const value = numberOf(raw)
    if (value !== undefined) found.push({ key, metric, filter, value })
  }
  return found
}

function metricLabel(entry: MetricEntry): string {
  return entry.filter && entry.filter !== 'none' ? `${entry.metric}, ${entry.filter}` : entry.metric
}

function parseLmEval(json: Record<string, unknown>, source: string): ParsedMetrics {
  const out = new Collector('lm-eval', source)
  const results = json.results as Record<string, unknown>
  const groups = isRecord(json.groups) ? json.groups : {}
  const hierarchy = isRecord(json.group_subtasks) ? json.group_subtasks : {}
  const higher = isRecord(json.higher_is_better) ? json.higher_is_better : {}

  const entryOf = (name: string): Record<string, unknown> | undefined => {
    const candidates = [results[name], groups[name]].filter(isRecord)
    return candidates.find((c) => metricEntries(c).length > 0) ?? candidates[0]
  }
  const subtasksOf = (name: string): string[] =>
    Array.isArray(hierarchy[name]) ? (hierarchy[name] as unknown[]).filter((s): s is string => typeof s === 'string' && s !== name) : []
  const parent = new Map<string, string>()
  for (const name of Object.keys(hierarchy)) for (const child of subtasksOf(name)) if (!parent.has(child)) parent.set(child, name)
  const topOf = (name: string): string => {
    const seen = new Set<string>()
    while (parent.has(name) && !seen.has(name)) {
      seen.add(name)
      name = parent.get(name) as string
    }
    return name
  }

  const visited = new Set<string>()
  // Everything under a scored group is detail: its numbers go to `metrics`.
  const collectDetail = (name: string): void => {
    if (visited.has(name)) return
    visited.add(name)
    const entry = entryOf(name)
    if (entry) for (const m of metricEntries(entry)) out.addMetric(`${name}/${m.key}`, m.value)
    for (const child of subtasksOf(name)) collectDetail(child)
  }
  const walk = (name: string, group: string | null): void => {
    if (visited.has(name)) return
    visited.add(name)
    const entry = entryOf(name)
    const metrics = entry ? metricEntries(entry) : []
    if (metrics.length > 0 && entry) {
      const [primary, ...rest] = metrics
      const alias = typeof entry.alias === 'string' ? entry.alias.trim().replace(/^-\s*/, '') : ''
      const known = isRecord(higher[name]) ? higher[name][primary.metric] : undefined
      const higherIsBetter = typeof known === 'boolean' ? known : higherIsBetterFromName(primary.metric)
      out.addBenchmark(
        {
          id: name,
          name: `${alias || name} (${metricLabel(primary)})`,
          group: group ?? 'lm-evaluation-harness',
          ...(higherIsBetter === undefined ? {} : { higherIsBetter })
        },
        primary.value,
        `task '${name}' metric '${primary.key}'`
      )
      for (const m of rest) out.addMetric(`${name}/${m.key}`, m.value)
      for (const child of subtasksOf(name)) collectDetail(child)
      return
    }
    const children = subtasksOf(name)
    if (children.length === 0) {
      out.notes.push(`task '${name}' has no numeric metric; ignored`)
      return
    }
    for (const child of children) walk(child, name)
  }

  // The results' order is lm-eval's display order (a group before its subtasks).
  for (const name of [...Object.keys(results), ...Object.keys(groups), ...Object.keys(hierarchy)]) walk(topOf(name), null)
  return out.finish()
}

function parseLighteval(json: Record<string, unknown>, source: string): ParsedMetrics {
  const out = new Collector('lighteval', source)
  const results = json.results as Record<string, unknown>
  const parsed = Object.entries(results)
    .filter((pair): pair is [string, Record<string, unknown>] => isRecord(pair[1]))
    .map(([key, entry]) => ({ key, entry, ...splitLightevalKey(key) }))
  // `mmlu:_average` stands for every `mmlu:*` subtask: those become detail.
  const averaged = new Set(parsed.filter((p) => p.task.endsWith(':_average')).map((p) => p.task.slice(0, -':_average'.length)))
  const taskCounts = new Map<string, number>()
  for (const p of parsed) taskCounts.set(p.task, (taskCounts.get(p.task) ?? 0) + 1)

  for (const p of parsed) {
    const metrics = metricEntries(p.entry)
    if (p.key === 'all') {
      for (const m of metrics) out.addMetric(`all/${m.key}`, m.value)
      continue
    }
    const isAverage = p.task.endsWith(':_average')
    const task = isAverage ? p.task.slice(0, -':_average'.length) : p.task
    const id = (taskCounts.get(p.task) ?? 0) > 1 && p.shots !== null ? `${task}|${p.shots}` : task
    const prefix = task.split(':')[0]
    if (!isAverage && task.includes(':') && averaged.has(prefix)) {
      for (const m of metrics) out.addMetric(`${id}/${m.key}`, m.value)
      continue
    }
    if (metrics.length === 0) {
      out.notes.push(`task '${p.key}' has no numeric metric; ignored`)
      continue
    }
    const [primary, ...rest] = metrics
    const higherIsBetter = higherIsBetterFromName(primary.metric)
    const shots = p.shots !== null ? `, ${p.shots}-shot` : ''
    out.addBenchmark(
      {
        id,
        name: `${task}${isAverage ? ' average' : ''} (${metricLabel(primary)}${shots})`,
        group: p.suite ?? 'lighteval',
        ...(higherIsBetter === undefined ? {} : { higherIsBetter })
      },
      primary.value,
      `task '${p.key}' metric '${primary.key}'`
    )
    for (const m of rest) out.addMetric(`${id}/${m.key}`, m.value)
  }
  return out.finish()
}

/** `leaderboard|arc:challenge|25` / `gsm8k|0` / `ifeval` -> suite, task, shots. */
function splitLightevalKey(key: string): { suite: string | null; task: string; shots: string | null } {
  const parts = key.split('|')
  if (parts.length >= 3) return { suite: parts[0], task: parts.slice(1, -1).join('|'), shots: parts[parts.length - 1] }
  if (parts.length === 2) {
    return /^\d+$/.test(parts[1]) ? { suite: null, task: parts[0], shots: parts[1] } : { suite: parts[0], task: parts[1], shots: null }
  }
  return { suite: null, task: key, shots: null }
}

/**
 * The JSON object a command printed at the end of its stdout: the last non-empty line, or, for
 * pretty-printed output, the text from the last line that starts with `{` to the end.
 * Returns null when there is none (the caller explains what it saw instead).
 */
export function jsonAtEndOfOutput(stdout: string): string | null {
  const lines = stdout.split(/\r?\n/)
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop()
  if (lines.length === 0) return null
  const last = lines[lines.length - 1].trim()
  if (last.startsWith('{') && isJsonObjectText(last)) return last
  let attempts = 0
  for (let i = lines.length - 1; i >= 0 && attempts < 50; i--) {
    if (!lines[i].startsWith('{')) continue
    attempts++
    const text = lines.slice(i).join('\n')
    if (isJsonObjectText(text)) return text
  }
  return null
}

function isJsonObjectText(text: string): boolean {
  try {
    return isRecord(parseJsonText(text, ''))
  } catch {
    return false
  }
}
