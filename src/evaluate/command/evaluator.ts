// evaluator: command — runs the user's command once per checkpoint and reads the metrics it
// prints (or writes to {output}). Checkpoints run in parallel; each one's output is buffered and
// logged as one collapsed group when it finishes, so parallel output never interleaves.
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { DeviceConfig } from '../../config/types.js'
import type { Checkpoint, EvaluatorInfo } from '../../domain/types.js'
import { formatBytes } from '../../util/bytes.js'
import { errorMessage, InputError } from '../../util/errors.js'
import type { Logger } from '../../util/log.js'
import { mapLimit } from '../../util/map-limit.js'
import { planDevices } from '../devices.js'
import type { Evaluator } from '../evaluator.js'
import { MetricsFormatError, type ParsedMetrics } from '../results/formats/index.js'
import { announceQueued, countProgress, finishRun, outcomeEvent, type CheckpointOutcome } from '../run.js'
import { readCommandMetrics, truncate } from './output.js'
import { runShellCommand, type ShellResult } from './shell.js'
import { checkCommandTemplate, checkPosixShell, defaultShell, renderCommand } from './template.js'

export interface CommandEvaluatorOptions {
  /** Template with {checkpoint} {step} {name} {output} {device}; run by a POSIX shell. */
  command: string
  /** Checkpoints evaluated at once (the caller defaults it to the CPU count). */
  concurrency: number
  /** Per checkpoint; the command's whole process group is killed when it runs over. */
  timeoutMs: number
  /** A POSIX shell; default /bin/sh, or bash on Windows. */
  shell?: string
  /** Folder the command runs in. */
  cwd: string
  /** {output} of each checkpoint is a path inside this folder. */
  outputDir: string
  /** The command's environment; default process.env. CHECKPOINT_* and EVAL_OUTPUT are added. */
  env?: NodeJS.ProcessEnv
  /** After a timeout, how long the command may take to exit on SIGTERM before SIGKILL. */
  killGraceMs?: number
  /** GPUs: each running evaluation gets a group of its own (CUDA_VISIBLE_DEVICES and {device}). */
  devices?: DeviceConfig
  /** How much of stdout is kept for the JSON at its end; default STDOUT_TAIL_BYTES (tests set it smaller). */
  stdoutTailBytes?: number
}

const STDERR_LINES_IN_ERROR = 8
const HOW_TO_DEBUG =
  'run the command by hand for that checkpoint (it is shown in its log group) and check that it prints ' +
  'a JSON object such as {"accuracy": 0.81} as its last line'

/** Throws an InputError on eval-command when the template can't do what the user meant. */
export function createCommandEvaluator(options: CommandEvaluatorOptions): Evaluator {
  try {
    checkCommandTemplate(options.command)
  } catch (error) {
    throw new InputError('eval-command', errorMessage(error))
  }
  const shell = options.shell ?? defaultShell()
  checkPosixShell(shell)
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new Error(`eval-concurrency must be a whole number ≥ 1, got ${options.concurrency}`)
  }
  if (!(options.timeoutMs > 0)) throw new Error(`eval-timeout must be a positive duration, got ${options.timeoutMs} ms`)
  if (options.command.includes('{device}') && !options.devices) {
    throw new InputError(
      'eval-command',
      'uses {device} but eval-devices is not set: list the GPUs to share out (e.g. 0,1,2,3, or auto).'
    )
  }
  const info: EvaluatorInfo = { kind: 'command', settings: { command: options.command } }

  return {
    info,
    async evaluate(checkpoints, { log, onProgress, onCheckpoint, signal, allFailed }) {
      await mkdir(options.outputDir, { recursive: true })
      announceQueued(checkpoints, onCheckpoint)
      const outputs = outputPaths(checkpoints, options.outputDir)
      const progress = countProgress(checkpoints.length, onProgress)
      const devices = options.devices && (await planDevices(options.devices, options.env ?? process.env, log))
      const concurrency = devices ? devices.concurrency : options.concurrency
      log.info(
        `evaluating ${checkpoints.length} checkpoint(s) with: ${options.command} ` +
          `(${Math.min(concurrency, checkpoints.length)} at a time, timeout ${formatSeconds(options.timeoutMs)} each)`
      )
      const outcomes = await mapLimit(checkpoints, concurrency, signal, async (checkpoint, index) => {
        const group = await devices?.pool.acquire()
        try {
          const device = group?.join(',')
          onCheckpoint?.({ name: checkpoint.name, state: 'running' })
          const outcome = await evaluateOne(checkpoint, outputs[index], { ...options, shell, log, signal, device })
          onCheckpoint?.(outcomeEvent(outcome))
          progress(checkpoint.name)
          return outcome
        } finally {
          if (group) devices?.pool.release(group)
        }
      })
      return finishRun(info, outcomes, { allFailed, howToDebug: HOW_TO_DEBUG })
    }
  }
}

interface RunContext extends CommandEvaluatorOptions {
  shell: string
  log: Logger
  signal?: AbortSignal
  /** The device group lent to this evaluation, comma-separated. */
  device?: string
}

/** Runs the command for one checkpoint, reads its metrics, and logs its output as one group. */
export async function evaluateOne(
  checkpoint: Checkpoint,
  outputPath: string,
  context: RunContext
): Promise<CheckpointOutcome> {
  const started = Date.now()
  // A file left by an earlier run must never pass for this run's result.
  await rm(outputPath, { recursive: true, force: true })
  const checkpointPath = path.resolve(checkpoint.path)
  const values = {
    checkpoint: checkpointPath,
    step: String(checkpoint.step),
    name: checkpoint.name,
    output: outputPath,
    device: context.device ?? ''
  }
  const rendered = renderCommand(context.command, values)
  const env: NodeJS.ProcessEnv = {
    ...commandEnvironment(context.env ?? process.env),
    CHECKPOINT_PATH: checkpointPath,
    CHECKPOINT_STEP: values.step,
    CHECKPOINT_NAME: checkpoint.name,
    EVAL_OUTPUT: outputPath,
    ...(context.device !== undefined ? { CUDA_VISIBLE_DEVICES: context.device } : {})
  }
  const result = await runShellCommand({
    shell: context.shell,
    command: rendered,
    cwd: context.cwd,
    env,
    timeoutMs: context.timeoutMs,
    killGraceMs: context.killGraceMs ?? 2000,
    signal: context.signal,
    stdoutTailBytes: context.stdoutTailBytes
  })
  let parsed: ParsedMetrics | undefined
  let error = failureOf(result, context.timeoutMs)
  if (!error) {
    try {
      parsed = await readCommandMetrics({
        checkpoint,
        stdout: result.stdout,
        stdoutDroppedBytes: result.stdoutDroppedBytes,
        outputPath
      })
    } catch (e) {
      error = e instanceof MetricsFormatError ? e.message : `could not read the metrics: ${errorMessage(e)}`
    }
  }
  const durationMs = Date.now() - started
  const { log } = context
  // The summary's words: a command the cancel stopped was killed while running, not failed.
  const state = result.aborted ? 'killed while running' : error ? 'failed' : 'ok'
  log.startGroup(`${checkpoint.name} (${state}, ${formatSeconds(durationMs)})`)
  log.info(`$ ${rendered}`)
  if (result.droppedBytes > 0) log.info(`… ${formatBytes(result.droppedBytes)} of earlier output not kept`)
  const text = result.output.trimEnd() || '(no output)'
  // The command's own words: shown, never obeyed as workflow commands (an `::error::` it prints
  // is its business, not an annotation of this action).
  if (log.output) log.output(text)
  else log.info(text)
  if (parsed) {
    log.info(`metrics from ${parsed.source} (${parsed.format})`)
    for (const note of parsed.notes) log.debug(`${checkpoint.name}: ${note}`)
  }
  log.endGroup()
  if (error) log.warning(`${checkpoint.name}: ${error}`, checkpoint.path)
  else if (result.killed.length > 0) {
    log.warning(
      `${checkpoint.name}: the command exited but left ${describeKilled(result.killed)} running; killed. ` +
        'Wait for background processes in the command (or stop them) so each evaluation cleans up after itself.',
      checkpoint.path
    )
  }
  return { checkpoint, parsed, error, durationMs, ...(result.aborted ? { cancelled: true } : {}) }
}

function failureOf(result: ShellResult, timeoutMs: number): string | undefined {
  if (result.spawnError) return `could not start the shell: ${result.spawnError}`
  if (result.timedOut) {
    const also = result.killed.length > 0 ? ` and ${describeKilled(result.killed)} it started` : ''
    return `timed out after ${formatSeconds(timeoutMs)} (eval-timeout); the command${also} were killed. Raise eval-timeout if the evaluation needs longer`
  }
  if (result.aborted) {
    return result.killed.length > 0 ? `cancelled; killed ${describeKilled(result.killed)}` : 'cancelled'
  }
  if (result.exitCode === 0) return undefined
  const how = result.exitCode !== null ? `exited with code ${result.exitCode}` : `was killed by ${result.exitSignal}`
  const lines = lastLines(result.stderr || result.output, STDERR_LINES_IN_ERROR)
  return lines
    ? `the command ${how}; last lines of its ${result.stderr ? 'stderr' : 'output'}:\n${lines}`
    : `the command ${how} and printed nothing`
}

/** A file name for each checkpoint's {output}, unique even if two names sanitize alike. */
function outputPaths(checkpoints: Checkpoint[], outputDir: string): string[] {
  const used = new Set<string>()
  return checkpoints.map((checkpoint, index) => {
    let base = checkpoint.name.replace(/[^A-Za-z0-9._-]/g, '_') || 'checkpoint'
    if (used.has(base)) base = `${base}-${index}`
    used.add(base)
    // No extension on purpose: lm-eval's --output_path and lighteval's --output-dir treat it as
    // a folder, which readCommandMetrics searches; a command may also write a JSON file there.
    return path.resolve(outputDir, base)
  })
}

/** `2 processes (pid 41 python eval.py, pid 42 sleep 600)`. */
function describeKilled(killed: ShellResult['killed']): string {
  const shown = killed.slice(0, 5).map((p) => `pid ${p.pid} ${truncate(p.command, 80)}`)
  const more = killed.length > 5 ? `, and ${killed.length - 5} more` : ''
  return `${killed.length} process${killed.length === 1 ? '' : 'es'} (${shown.join(', ')}${more})`
}

function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(-count)
    .map((line) => `  ${truncate(line, 300)}`)
    .join('\n')
}

export function formatSeconds(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000}m` : `${(ms / 1000).toFixed(1)}s`
}

// The runner hands the action its inputs (INPUT_HF-TOKEN among them) and its own service tokens
// through the environment; an evaluation command needs none of them, and a command that logs or
// saves its environment must not be able to leak them. Its own variables (HF_TOKEN set in the
// step's `env:`, PATH, CUDA_*) pass through.
const RUNNER_ONLY = /^(?:INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_URL$)/

/** `base` without the action's inputs and the runner's service tokens. */
export function commandEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(base).filter(([name]) => !RUNNER_ONLY.test(name.toUpperCase())))
}
