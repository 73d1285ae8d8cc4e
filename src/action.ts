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
  if (value && (name === Inputs.HfToken || name === Inputs.GithubToken)) core.setSecret(value)
  return value
}

function setOutputs(result: PipelineResult): void {
  const { ranking, scores, files, gate, publish, artifact, comment } = result
  const w = ranking.winner
  const set = (name: string, value: string | undefined) => core.setOutput(name, value ?? '')
  set(Outputs.BestCheckpoint, w?.evaluation.checkpoint.path)
  set(Outputs.BestStep, w ? String(w.evaluation.checkpoint.step) : '')
  set(Outputs.EvalAccuracy, formatScore(w?.evalAccuracy))
  set(Outputs.MetricValue, w?.value === null || w?.value === undefined ? '' : String(w.value))
  set(Outputs.ScoresFile, files.json)
  set(Outputs.CheckpointsEvaluated, String(scores.checkpoints.filter((c) => c.status === 'ok').length))
  set(Outputs.CheckpointsSkipped, String(scores.skipped.length))
  set(Outputs.CheckpointsFailed, String(scores.checkpoints.filter((c) => c.status === 'failed').length))
  set(Outputs.Gate, gate.status)
  set(Outputs.ArtifactId, artifact?.status === 'uploaded' ? String(artifact.id) : '')
  set(Outputs.ArtifactUrl, artifact?.status === 'uploaded' ? artifact.url : '')
  set(Outputs.CommentUrl, comment && comment.action !== 'skipped' ? comment.url : '')
  set(Outputs.Published, String(publish.status === 'published'))
  const r = publish.status === 'published' ? publish.result : undefined
  set(Outputs.RepoUrl, r?.repoUrl)
  set(Outputs.CommitSha, r?.commitSha)
  set(Outputs.CommitUrl, r?.commitUrl)
  set(Outputs.PrUrl, r?.prUrl)
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
