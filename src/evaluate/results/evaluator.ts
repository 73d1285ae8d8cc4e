// evaluator: results — reads metrics that training or an earlier evaluation already wrote next to
// each checkpoint, instead of running anything.
//
// Which file is used, per checkpoint: the first of these that exists and parses:
//   1. `files` when given (in the given order), else
//   2. `**/results_*.json`     lm-evaluation-harness (`<output_path>/<model>/results_<ts>.json`)
//                              and lighteval (`results/<org>/<model>/results_<ts>.json`); newest first
//   3. `**/*{step}*.json`      a results file named by its step (`160m_step1000.json`, as Pythia's
//                              evals are): the step must stand alone as a number in the path
//   4. `eval_results.json`     Trainer.evaluate() / run_*.py scripts
//   5. `all_results.json`      same, with train metrics too
//   6. `trainer_state.json`    the log_history entry with eval_* keys at the checkpoint's step
// A file that exists but can't be read is skipped with a warning when a later one works (so a
// stale or foreign results_*.json doesn't hide the Trainer's numbers); when none works the
// checkpoint fails with every reason and the list of patterns looked for.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Checkpoint, EvaluatorInfo } from '../../domain/types.js'
import { errorMessage } from '../../util/errors.js'
import { mapLimit } from '../../util/map-limit.js'
import type { Evaluator } from '../evaluator.js'
import { countProgress, finishRun, outcomeEvent, type CheckpointOutcome } from '../run.js'
import { findResultsFiles } from './files.js'
import { parseMetricsText, type ParsedMetrics } from './formats/index.js'

export interface ResultsEvaluatorOptions {
  /**
   * Files to read per checkpoint, tried in order: paths or globs (`**`, `*`) relative to the
   * checkpoint folder, or absolute; `{name}` and `{step}` are replaced by the checkpoint's.
   */
  files?: string[]
}

export const DEFAULT_RESULTS_FILES = [
  '**/results_*.json',
  '**/*{step}*.json',
  'eval_results.json',
  'all_results.json',
  'trainer_state.json'
]

// Results folders are shallow (lighteval: results/<org>/<model>/results_x.json); a cap keeps a
// checkpoint folder with a deep tree from being walked for nothing.
const MAX_GLOB_DEPTH = 6
const PARALLEL_READS = 8

export function createResultsEvaluator(options: ResultsEvaluatorOptions = {}): Evaluator {
  const patterns = options.files && options.files.length > 0 ? options.files : DEFAULT_RESULTS_FILES
  for (const pattern of patterns) {
    if (pattern.trim() === '')
      throw new Error('results-files has an empty entry: give a path or glob relative to the checkpoint folder')
  }
  const info: EvaluatorInfo = { kind: 'results', settings: { files: patterns } }
  return {
    info,
    async evaluate(checkpoints, { log, onProgress, onCheckpoint, signal, allFailed }) {
      const progress = countProgress(checkpoints.length, onProgress)
      const outcomes = await mapLimit(
        checkpoints,
        PARALLEL_READS,
        signal,
        async (checkpoint): Promise<CheckpointOutcome> => {
          const started = Date.now()
          const outcome = await readCheckpointResults(checkpoint, patterns)
          for (const skipped of outcome.skipped) log.warning(`${checkpoint.name}: skipped ${skipped}`, checkpoint.path)
          if (outcome.parsed) {
            log.debug(`${checkpoint.name}: metrics from ${outcome.parsed.source} (${outcome.parsed.format})`)
            for (const note of outcome.parsed.notes) log.debug(`${checkpoint.name}: ${note}`)
          } else {
            log.warning(`${checkpoint.name}: ${outcome.error}`, checkpoint.path)
          }
          const result = { checkpoint, parsed: outcome.parsed, error: outcome.error, durationMs: Date.now() - started }
          onCheckpoint?.(outcomeEvent(result))
          progress(checkpoint.name)
          return result
        }
      )
      return finishRun(info, outcomes, {
        allFailed,
        howToDebug: `check that each checkpoint folder holds one of ${patterns.join(', ')} (or set results-files to where your evaluation writes them)`
      })
    }
  }
}

export interface CheckpointResults {
  parsed?: ParsedMetrics
  error?: string
  /** Files found but not usable, with why (only when another file was used). */
  skipped: string[]
}

/**
 * `*{step}*` matches `step10000.json` for step 1000 too: keep the files whose path (below the
 * checkpoint folder) has the step as a whole number, and never the Trainer's own files.
 */
function namesStep(checkpoint: Checkpoint): (file: string) => boolean {
  const step = new RegExp(`(?<![0-9])${checkpoint.step}(?![0-9])`)
  return (file) => {
    const rel = path.relative(checkpoint.path, file)
    return step.test(rel) && !TRAINER_FILES.test(path.basename(file))
  }
}

// Files a checkpoint folder holds that are never results, even with the step in their path.
const TRAINER_FILES =
  /^(?:config|generation_config|tokenizer|tokenizer_config|special_tokens_map|adapter_config|preprocessor_config|trainer_state|training_args|added_tokens|vocab)\.json$|\.index\.json$/

/** The metrics of one checkpoint from the first usable file the patterns match. */
export async function readCheckpointResults(checkpoint: Checkpoint, patterns: string[]): Promise<CheckpointResults> {
  const problems: string[] = []
  for (const pattern of patterns) {
    const resolved = pattern.replace(/\{name\}/g, checkpoint.name).replace(/\{step\}/g, String(checkpoint.step))
    const found = await findResultsFiles(checkpoint.path, resolved, { maxDepth: MAX_GLOB_DEPTH })
    for (const file of pattern.includes('{step}') ? found.filter(namesStep(checkpoint)) : found) {
      try {
        const parsed = parseMetricsText(await readFile(file, 'utf8'), file, { step: checkpoint.step })
        return { parsed, skipped: problems }
      } catch (error) {
        problems.push(errorMessage(error))
      }
    }
  }
  const looked = `looked for ${patterns.join(', ')} in ${checkpoint.path}`
  const error =
    problems.length === 0
      ? `no results file found (${looked}). Write your evaluation's results into the checkpoint folder, or set results-files`
      : `no usable results file (${looked}):\n${problems.map((p) => `  ${p}`).join('\n')}`
  return { error, skipped: [] }
}
