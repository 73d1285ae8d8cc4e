// evaluator: results — reads metrics that training or an earlier evaluation already wrote next to
// each checkpoint, instead of running anything.
//
// Which file is used, per checkpoint: the first of these that exists and parses:
//   1. `files` when given (in the given order), else
//   2. `**/results_*.json`     lm-evaluation-harness (`<output_path>/<model>/results_<ts>.json`)
//                              and lighteval (`results/<org>/<model>/results_<ts>.json`); newest first
//   3. `eval_results.json`     Trainer.evaluate() / run_*.py scripts
//   4. `all_results.json`      same, with train metrics too
//   5. `trainer_state.json`    the log_history entry with eval_* keys at the checkpoint's step
// A file that exists but can't be read is skipped with a warning when a later one works (so a
// stale or foreign results_*.json doesn't hide the Trainer's numbers); when none works the
// checkpoint fails with every reason and the list of patterns looked for.
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import type { Checkpoint, EvaluationRun, EvaluatorInfo } from '../../domain/types.js'
import { mapLimit } from '../../util/map-limit.js'
import { assembleEvaluationRun, compareNewest, progressReporter, throwIfAllFailed, type CheckpointOutcome } from '../command/evaluator.js'
import type { EvaluateOptions, Evaluator } from '../evaluator.js'
import { parseMetricsText, type ParsedMetrics } from './formats.js'

export interface ResultsEvaluatorOptions {
  /**
   * Files to read per checkpoint, tried in order: paths or globs (`**`, `*`) relative to the
   * checkpoint folder, or absolute; `{name}` and `{step}` are replaced by the checkpoint's.
   */
  files?: string[]
}

export const DEFAULT_RESULTS_FILES = ['**/results_*.json', 'eval_results.json', 'all_results.json', 'trainer_state.json']

// Results folders are shallow (lighteval: results/<org>/<model>/results_x.json); a cap keeps a
// checkpoint folder with a deep tree from being walked for nothing.
const MAX_GLOB_DEPTH = 6
const PARALLEL_READS = 8

export function createResultsEvaluator(options: ResultsEvaluatorOptions = {}): Evaluator {
  const patterns = options.files && options.files.length > 0 ? options.files : DEFAULT_RESULTS_FILES
  for (const pattern of patterns) {
    if (pattern.trim() === '') throw new Error('results-files has an empty entry: give a path or glob relative to the checkpoint folder')
  }
  const info: EvaluatorInfo = { kind: 'results', settings: { files: patterns } }
  return {
    info,
    async evaluate(checkpoints: Checkpoint[], { log, onProgress, signal, allowAllFailed }: EvaluateOptions): Promise<EvaluationRun> {
      const progress = progressReporter(checkpoints.length, onProgress)
      const outcomes = await mapLimit(checkpoints, PARALLEL_READS, signal, async (checkpoint) => {
        const started = Date.now()
        const outcome = await readCheckpointResults(checkpoint, patterns)
        for (const skipped of outcome.skipped) log.warning(`${checkpoint.name}: skipped ${skipped}`, checkpoint.path)
        if (outcome.parsed) {
          log.debug(`${checkpoint.name}: metrics from ${outcome.parsed.source} (${outcome.parsed.format})`)
          for (const note of outcome.parsed.notes) log.debug(`${checkpoint.name}: ${note}`)
        } else {
          log.warning(`${checkpoint.name}: ${outcome.error}`, checkpoint.path)
        }
        progress(checkpoint.name)
        return { checkpoint, parsed: outcome.parsed, error: outcome.error, durationMs: Date.now() - started }
      })
      const run = assembleEvaluationRun(info, outcomes satisfies CheckpointOutcome[])
      if (!allowAllFailed) throwIfAllFailed(
        outcomes,
        'results',
        `check that each checkpoint folder holds one of ${patterns.join(', ')} (or set results-files to where your evaluation writes them)`
      )
      return run
    }
  }
}

export interface CheckpointResults {
  parsed?: ParsedMetrics
  error?: string
  /** Files found but not usable, with why (only when another file was used). */
  skipped: string[]
}

/** The metrics of one checkpoint from the first usable file the patterns match. */
export async function readCheckpointResults(checkpoint: Checkpoint, patterns: string[]): Promise<CheckpointResults> {
  const problems: string[] = []
  for (const pattern of patterns) {
    const resolved = pattern.replace(/\{name\}/g, checkpoint.name).replace(/\{step\}/g, String(checkpoint.step))
    for (const file of await findFiles(checkpoint.path, resolved)) {
      try {
        const parsed = parseMetricsText(await readFile(file, 'utf8'), file, { step: checkpoint.step })
        return { parsed, skipped: problems }
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error))
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

/** Files matching `pattern` (relative to `base` unless absolute), newest first. */
export async function findFiles(base: string, pattern: string): Promise<string[]> {
  // Only the pattern is scanned for glob syntax: the checkpoint path may contain [ ] ( ) itself.
  const { base: literalPart, glob, isGlob } = picomatch.scan(pattern)
  if (!isGlob) {
    const file = path.resolve(base, pattern)
    const info = await stat(file).catch(() => null)
    return info?.isFile() ? [file] : []
  }
  const matches = picomatch(glob, { dot: true })
  const found: Array<{ file: string; mtimeMs: number }> = []
  const walk = async (dir: string, relative: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && depth < MAX_GLOB_DEPTH) await walk(full, rel, depth + 1)
      else if (entry.isFile() && matches(rel)) {
        const info = await stat(full).catch(() => null)
        if (info) found.push({ file: full, mtimeMs: info.mtimeMs })
      }
    }
  }
  await walk(path.resolve(base, literalPart || '.'), '', 0)
  return found.sort(compareNewest).map((f) => f.file)
}
