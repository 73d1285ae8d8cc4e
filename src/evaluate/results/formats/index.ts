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
//
// This module is the entry: it tells the shapes apart and hands each to its parser (flat.ts,
// trainer-state.ts, lm-eval.ts, lighteval.ts); json.ts reads the text, collector.ts builds the result.
import {
  ACCEPTED,
  Collector,
  MetricsFormatError,
  type MetricsFormat,
  type ParseMetricsOptions,
  type ParsedMetrics
} from './collector.js'
import { parseFlat } from './flat.js'
import { describe, isRecord, numberOf, parseJsonText } from './json.js'
import { parseLighteval } from './lighteval.js'
import { parseLmEval } from './lm-eval.js'
import { parseTrainerState } from './trainer-state.js'

export { MetricsFormatError, type MetricsFormat, type ParseMetricsOptions, type ParsedMetrics } from './collector.js'
export { classifyFlatKey, displayName } from './flat.js'
export { jsonAtEndOfOutput, parseJsonText } from './json.js'

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
