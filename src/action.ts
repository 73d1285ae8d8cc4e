// run(): the action. Reads INPUT_* into a Config, runs the pipeline, writes outputs and the job
// summary, and fails the step with a message that says how to fix the problem.
import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import { parseConfig } from './config/parse.js'
import { errorMessage } from './util/errors.js'
import { githubEnvironment, runMetadata } from './github/context.js'
import { Inputs, type InputName } from './config/inputs.js'
import { Outputs } from './config/outputs.js'
import { runPipeline, type PipelineResult } from './pipeline/run.js'
import { throttledProgress } from './util/progress.js'
import { formatScore } from './domain/round.js'
import type { Logger } from './util/log.js'

/** The step's log, with warnings as annotations and groups folded. */
export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m, file) => core.warning(m, file ? { file } : undefined),
  notice: (m) => core.notice(m),
  debug: (m) => core.debug(m),
  startGroup: (t) => core.startGroup(t),
  endGroup: () => core.endGroup()
}

/** Inputs, with every secret masked before anything can print it. */
function readInput(name: InputName): string {
  const value = core.getInput(name)
  if (value && (name === 'hf-token' || name === 'github-token')) core.setSecret(value)
  return value
}

function setOutputs(result: PipelineResult): void {
  const { ranking, scores, files, gate, publish, artifact, comment } = result
  const w = ranking.winner
  const set = (name: string, value: string | undefined) => core.setOutput(name, value ?? '')
  set('best-checkpoint', w?.evaluation.checkpoint.path)
  set('best-step', w ? String(w.evaluation.checkpoint.step) : '')
  set('eval-accuracy', formatScore(w?.evalAccuracy))
  set('metric-value', w?.value === null || w?.value === undefined ? '' : String(w.value))
  set('scores-file', files.json)
  set('checkpoints-evaluated', String(scores.checkpoints.filter((c) => c.status === 'ok').length))
  set('checkpoints-skipped', String(scores.skipped.length))
  set('checkpoints-failed', String(scores.checkpoints.filter((c) => c.status === 'failed').length))
  set('gate', gate.status)
  set('artifact-id', artifact?.status === 'uploaded' ? String(artifact.id) : '')
  set('artifact-url', artifact?.status === 'uploaded' ? artifact.url : '')
  set('comment-url', comment && comment.action !== 'skipped' ? comment.url : '')
  set('published', String(publish.status === 'published'))
  const r = publish.status === 'published' ? publish.result : undefined
  set('repo-url', r?.repoUrl)
  set('commit-sha', r?.commitSha)
  set('commit-url', r?.commitUrl)
  set('pr-url', r?.prUrl)
}

export async function run(): Promise<void> {
  try {
    const config = parseConfig(readInput, {
      outputDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'checkpoint-eval'),
      hubUrl: process.env.HF_ENDPOINT
    })
    const log = actionsLogger
    const result = await runPipeline({
      config,
      log,
      run: runMetadata(process.env),
      cwd: process.cwd(),
      github: githubEnvironment(process.env),
      onProgress: throttledProgress({ log, verb: 'evaluated' }),
      onSecret: (secret) => core.setSecret(secret)
    })
    setOutputs(result)
    await core.summary.addRaw(result.summary).write()
    if (result.failure) core.setFailed(result.failure)
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
