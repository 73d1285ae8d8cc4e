// run(): the action. Reads INPUT_* into a Config, runs the pipeline, writes outputs and the job
// summary, and fails the step with a message that says how to fix the problem.
import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import { parseConfig } from './config.js'
import { errorMessage } from './errors.js'
import { runMetadata } from './github-context.js'
import type { InputName } from './inputs.js'
import { Outputs } from './outputs.js'
import { evaluateCheckpoints, type EvaluationOutcome } from './pipeline.js'
import { throttledProgress } from './progress.js'
import { renderEvaluationSummary } from './report/summary.js'
import { formatScore } from './round.js'
import type { Logger } from './types.js'

/** The step's log, with warnings as annotations and groups folded. */
export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m, file) => core.warning(m, file ? { file } : undefined),
  notice: (m) => core.notice(m),
  debug: (m) => core.debug(m),
  startGroup: (t) => core.startGroup(t),
  endGroup: () => core.endGroup()
}

function setOutputs({ ranking, scores, files }: EvaluationOutcome): void {
  const w = ranking.winner
  core.setOutput(Outputs.BestCheckpoint, w?.evaluation.checkpoint.path ?? '')
  core.setOutput(Outputs.BestStep, w ? String(w.evaluation.checkpoint.step) : '')
  core.setOutput(Outputs.EvalAccuracy, formatScore(w?.evalAccuracy))
  core.setOutput(Outputs.MetricValue, w?.value === null || w?.value === undefined ? '' : String(w.value))
  core.setOutput(Outputs.ScoresFile, files.json)
  core.setOutput(Outputs.CheckpointsEvaluated, String(scores.checkpoints.filter((c) => c.status === 'ok').length))
  core.setOutput(Outputs.CheckpointsSkipped, String(scores.skipped.length))
  core.setOutput(Outputs.CheckpointsFailed, String(scores.checkpoints.filter((c) => c.status === 'failed').length))
}

export async function run(): Promise<void> {
  try {
    const config = parseConfig((name: InputName) => core.getInput(name), {
      outputDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'checkpoint-eval')
    })
    const log = actionsLogger
    const outcome = await evaluateCheckpoints({
      config,
      log,
      run: runMetadata(process.env),
      cwd: process.cwd(),
      onProgress: throttledProgress({ log, verb: 'evaluated' })
    })
    setOutputs(outcome)
    await core.summary.addRaw(renderEvaluationSummary({ scores: outcome.scores, scoresFile: outcome.files.json })).write()
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
