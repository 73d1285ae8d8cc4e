// run(): the action. Reads INPUT_* into a Config, runs the pipeline, writes outputs and the job
// summary, and fails the step with a message that says how to fix the problem.
import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import { INPUTS, type InputName, type OutputName } from './config/inputs.js'
import { parseConfig } from './config/parse.js'
import { EvaluationLedger } from './domain/ledger.js'
import { formatScore } from './domain/round.js'
import { actionRun } from './github/context.js'
import { runPipeline, type PipelineResult } from './pipeline/run.js'
import { renderCancelledSummary } from './report/cancelled.js'
import { errorMessage } from './util/errors.js'
import type { Logger } from './util/log.js'
import { shownPath } from './util/paths.js'
import { progressReporter } from './util/progress.js'
import { randomUUID } from 'node:crypto'
import { killAllRunningCommands } from './evaluate/command/shell.js'
import { cancelOnSignals, isCancellation } from './util/cancel.js'
import { describeFileError } from './util/job-files.js'
import { redactingLogger } from './util/log.js'
import { addSecret, redact } from './util/redact.js'

/**
 * The step's log, with warnings as annotations (on files named relative to the workspace) and
 * groups folded. Every line passes the one redaction point; text other programs printed is
 * wrapped in `::stop-commands::` so that an `::error::` in it is not an annotation of ours.
 */
export function actionsLogger(workspace: string): Logger {
  return redactingLogger({
    info: (m) => core.info(m),
    warning: (m, file) => core.warning(m, file ? { file: shownPath(workspace, file) } : undefined),
    notice: (m) => core.notice(m),
    debug: (m) => core.debug(m),
    startGroup: (t) => core.startGroup(t),
    endGroup: () => core.endGroup(),
    output: (text) => {
      const resume = randomUUID()
      core.info(`::stop-commands::${resume}`)
      core.info(text)
      core.info(`::${resume}::`)
    }
  })
}

/** Masks a secret in the runner's log and registers it with our own redaction. */
function holdSecret(value: string | undefined): void {
  if (!value) return
  core.setSecret(value)
  addSecret(value)
}

/** Inputs, with every secret masked before anything can print it. */
function readInput(name: InputName): string {
  const value = core.getInput(name)
  if (INPUTS[name].kind === 'secret') holdSecret(value)
  return value
}

/** Writes a job file of the runner (outputs, summary); a failure says what it was and whether the publish happened. */
function jobFileError(what: string, error: unknown, result: PipelineResult | undefined): string {
  const file = what === 'the job summary' ? process.env.GITHUB_STEP_SUMMARY : process.env.GITHUB_OUTPUT
  const cause = file ? describeFileError(file, error) : errorMessage(error)
  const published =
    result?.publish.status === 'published'
      ? ` The model WAS published: ${result.publish.result.prUrl ?? result.publish.result.commitUrl}.`
      : result
        ? ' Nothing was published.'
        : ''
  return `Could not write ${what} (${what === 'the job summary' ? 'GITHUB_STEP_SUMMARY' : 'GITHUB_OUTPUT'}) to ${cause}.${published}`
}

function setOutputs(result: PipelineResult, workspace: string): void {
  const { ranking, scores, files, gate, publish, artifact, comment } = result
  const w = ranking.winner
  const set = (name: OutputName, value: string | undefined) => core.setOutput(name, redact(value ?? ''))
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
  // Secrets GitHub hands the process: masked and redacted before anything prints.
  holdSecret(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
  holdSecret(process.env.ACTIONS_RUNTIME_TOKEN)
  const cancel = cancelOnSignals({
    say: (m) => core.info(m),
    onForce: () => {
      for (const p of killAllRunningCommands()) core.info(`killed pid ${p.pid} (${redact(p.command)})`)
    }
  })
  let result: PipelineResult | undefined
  // What each checkpoint came to so far: a cancelled run has no ranking, but it can say this.
  const ledger = new EvaluationLedger()
  try {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const runnerTemp = process.env.RUNNER_TEMP || os.tmpdir()
    const config = parseConfig(readInput, {
      // Relative paths mean the repository checkout, wherever the runner started this process.
      workspace,
      outputDir: path.join(runnerTemp, 'checkpoint-eval'),
      actionsCacheDir: path.join(runnerTemp, 'checkpoint-eval-cache'),
      hubUrl: process.env.HF_ENDPOINT,
      // Read paths stay in the job's folders; output-dir, only written, may also be in /tmp.
      confineTo: { roots: [workspace, runnerTemp], writableRoots: [os.tmpdir()] }
    })
    const log = actionsLogger(config.workspace)
    result = await runPipeline({
      ...actionRun(process.env),
      config,
      log,
      onProgress: progressReporter({ write: (line) => log.info(line), verb: 'evaluated' }),
      onSecret: holdSecret,
      onCheckpoint: ledger.record,
      signal: cancel.signal
    })
    const failures = result.failure ? [result.failure] : []
    try {
      setOutputs(result, config.workspace)
    } catch (error) {
      failures.push(jobFileError('the outputs', error, result))
    }
    try {
      await core.summary.addRaw(redact(result.summary)).write()
    } catch (error) {
      failures.push(jobFileError('the job summary', error, result))
    }
    if (failures.length > 0) core.setFailed(redact(failures.join('\n')))
  } catch (error) {
    if (isCancellation(error, cancel.signal)) await writeCancelledSummary(cancel.received ?? 'a signal', ledger)
    core.setFailed(redact(errorMessage(error)))
  } finally {
    cancel.dispose()
    // Cancelled: exit now (a handle left by an aborted request must not keep the runner waiting).
    if (cancel.received) process.exit(1)
  }
}

/** What a cancelled run knows: each checkpoint's state and scores so far, and that nothing was published. */
async function writeCancelledSummary(signalName: string, ledger: EvaluationLedger): Promise<void> {
  await core.summary
    .addRaw(redact(renderCancelledSummary(signalName, ledger.entries())))
    .write()
    .catch((error) => core.warning(jobFileError('the job summary', error, undefined)))
}
