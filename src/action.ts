// run(): the action. Reads INPUT_* into a Config, runs the pipeline, writes outputs and the job
// summary, and fails the step with a message that says how to fix the problem.
import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import { INPUTS, type InputName, type OutputName } from './config/inputs.js'
import { parseConfig } from './config/parse.js'
import { formatScore } from './domain/round.js'
import { actionRun } from './github/context.js'
import { runPipeline, type PipelineResult } from './pipeline/run.js'
import { errorMessage } from './util/errors.js'
import type { Logger } from './util/log.js'
import { shownPath } from './util/paths.js'
import { progressReporter } from './util/progress.js'

/** The step's log, with warnings as annotations (on files named relative to the workspace) and groups folded. */
export function actionsLogger(workspace: string): Logger {
  return {
    info: (m) => core.info(m),
    warning: (m, file) => core.warning(m, file ? { file: shownPath(workspace, file) } : undefined),
    notice: (m) => core.notice(m),
    debug: (m) => core.debug(m),
    startGroup: (t) => core.startGroup(t),
    endGroup: () => core.endGroup()
  }
}

/** Inputs, with every secret masked before anything can print it. */
function readInput(name: InputName): string {
  const value = core.getInput(name)
  if (value && INPUTS[name].kind === 'secret') core.setSecret(value)
  return value
}

function setOutputs(result: PipelineResult, workspace: string): void {
  const { ranking, scores, files, gate, publish, artifact, comment } = result
  const w = ranking.winner
  const set = (name: OutputName, value: string | undefined) => core.setOutput(name, value ?? '')
  const published = publish.status === 'published' ? publish.result : undefined
  set('best-checkpoint', w ? shownPath(workspace, w.evaluation.checkpoint.path) : undefined)
  set('best-step', w ? String(w.evaluation.checkpoint.step) : '')
  set('eval-accuracy', formatScore(w?.evalAccuracy))
  set('metric-value', w?.value === null || w?.value === undefined ? '' : String(w.value))
  set('scores-file', files.json)
  set('checkpoints-evaluated', String(scores.checkpoints.filter((c) => c.status === 'ok').length))
  set('checkpoints-cached', String(scores.checkpoints.filter((c) => c.cached).length))
  set('evaluations-run', String(scores.checkpoints.filter((c) => !c.cached).length))
  set('checkpoints-skipped', String(scores.skipped.length))
  set('checkpoints-failed', String(scores.checkpoints.filter((c) => c.status === 'failed').length))
  set('gate', gate.status)
  set('artifact-id', artifact?.status === 'uploaded' ? String(artifact.id) : '')
  set('artifact-url', artifact?.status === 'uploaded' ? artifact.url : '')
  set('comment-url', comment && comment.action !== 'skipped' ? comment.url : '')
  set('published', String(publish.status === 'published'))
  set('repo-url', published?.repoUrl)
  set('commit-sha', published?.commitSha)
  set('commit-url', published?.commitUrl)
  set('pr-url', published?.prUrl)
}

export async function run(): Promise<void> {
  try {
    const config = parseConfig(readInput, {
      // Relative paths mean the repository checkout, wherever the runner started this process.
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      outputDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'checkpoint-eval'),
      actionsCacheDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'checkpoint-eval-cache'),
      hubUrl: process.env.HF_ENDPOINT
    })
    const log = actionsLogger(config.workspace)
    const result = await runPipeline({
      ...actionRun(process.env),
      config,
      log,
      onProgress: progressReporter({ write: (line) => log.info(line), verb: 'evaluated' }),
      onSecret: (secret) => core.setSecret(secret)
    })
    setOutputs(result, config.workspace)
    await core.summary.addRaw(result.summary).write()
    if (result.failure) core.setFailed(result.failure)
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
