// evaluator: command — runs the user's command once per checkpoint and reads the metrics it
// prints (or writes to {output}). Checkpoints run in parallel; each one's output is buffered and
// logged as one collapsed group when it finishes, so parallel output never interleaves.
import { errorMessage } from '../../util/errors.js'
import { mapLimit } from '../../util/map-limit.js'
import { spawn } from 'node:child_process'
import { mkdir, readdir, rm, stat, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Benchmark, Checkpoint, CheckpointEvaluation, EvaluationRun, EvaluatorInfo } from '../../domain/types.js'
import type { Logger } from '../../util/log.js'
import type { EvaluateOptions, Evaluator } from '../evaluator.js'
import { jsonAtEndOfOutput, MetricsFormatError, parseMetricsText, type ParsedMetrics } from '../results/formats.js'
import { checkCommandTemplate, checkPosixShell, defaultShell, renderCommand } from './template.js'

export type { EvaluateOptions, Evaluator } from '../evaluator.js'

export interface CommandEvaluatorOptions {
  /** Template with {checkpoint} {step} {name} {output}; run by a POSIX shell. */
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
}

/** What one checkpoint's evaluation came to, before it is folded into the run. */
export interface CheckpointOutcome {
  checkpoint: Checkpoint
  parsed?: ParsedMetrics
  error?: string
  durationMs: number
}

const LOG_TAIL_BYTES = 64 * 1024
// Enough for an lm-eval results document printed to stdout; older output is dropped.
const STDOUT_TAIL_BYTES = 4 * 1024 * 1024
const STDERR_TAIL_BYTES = 16 * 1024
const STDERR_LINES_IN_ERROR = 8

export function createCommandEvaluator(options: CommandEvaluatorOptions): Evaluator {
  checkCommandTemplate(options.command)
  const shell = options.shell ?? defaultShell()
  checkPosixShell(shell)
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new Error(`eval-concurrency must be a whole number ≥ 1, got ${options.concurrency}`)
  }
  if (!(options.timeoutMs > 0)) throw new Error(`eval-timeout must be a positive duration, got ${options.timeoutMs} ms`)
  const info: EvaluatorInfo = { kind: 'command', settings: { command: options.command } }

  return {
    info,
    async evaluate(checkpoints: Checkpoint[], { log, onProgress, signal, allowAllFailed }: EvaluateOptions): Promise<EvaluationRun> {
      await mkdir(options.outputDir, { recursive: true })
      const outputs = outputPaths(checkpoints, options.outputDir)
      const progress = progressReporter(checkpoints.length, onProgress)
      log.info(
        `evaluating ${checkpoints.length} checkpoint(s) with: ${options.command} ` +
          `(${Math.min(options.concurrency, checkpoints.length)} at a time, timeout ${formatSeconds(options.timeoutMs)} each)`
      )
      const outcomes = await mapLimit(checkpoints, options.concurrency, signal, async (checkpoint, index) => {
        const outcome = await evaluateOne(checkpoint, outputs[index], { ...options, shell, log, signal })
        progress(checkpoint.name)
        return outcome
      })
      const run = assembleEvaluationRun(info, outcomes)
      if (!allowAllFailed) throwIfAllFailed(outcomes, 'command', `run the command by hand for that checkpoint (it is shown in its log group) and check that it prints a JSON object such as {"accuracy": 0.81} as its last line`)
      return run
    }
  }
}

interface RunContext extends CommandEvaluatorOptions {
  shell: string
  log: Logger
  signal?: AbortSignal
}

async function evaluateOne(checkpoint: Checkpoint, outputPath: string, context: RunContext): Promise<CheckpointOutcome> {
  const started = Date.now()
  // A file left by an earlier run must never pass for this run's result.
  await rm(outputPath, { recursive: true, force: true })
  const checkpointPath = path.resolve(checkpoint.path)
  const values = { checkpoint: checkpointPath, step: String(checkpoint.step), name: checkpoint.name, output: outputPath }
  const rendered = renderCommand(context.command, values)
  const env: NodeJS.ProcessEnv = {
    ...(context.env ?? process.env),
    CHECKPOINT_PATH: checkpointPath,
    CHECKPOINT_STEP: values.step,
    CHECKPOINT_NAME: checkpoint.name,
    EVAL_OUTPUT: outputPath
  }
  const result = await runShellCommand({
    shell: context.shell,
    command: rendered,
    cwd: context.cwd,
    env,
    timeoutMs: context.timeoutMs,
    killGraceMs: context.killGraceMs ?? 2000,
    signal: context.signal
  })
  let parsed: ParsedMetrics | undefined
  let error = failureOf(result, context.timeoutMs)
  if (!error) {
    try {
      parsed = await readCommandMetrics({ checkpoint, stdout: result.stdout, outputPath })
    } catch (e) {
      error = e instanceof MetricsFormatError ? e.message : `could not read the metrics: ${errorMessage(e)}`
    }
  }
  const durationMs = Date.now() - started
  const { log } = context
  log.startGroup(`${checkpoint.name} (${error ? 'failed' : 'ok'}, ${formatSeconds(durationMs)})`)
  log.info(`$ ${rendered}`)
  if (result.droppedBytes > 0) log.info(`… ${result.droppedBytes} earlier bytes of output not kept`)
  log.info(result.output.trimEnd() || '(no output)')
  if (parsed) {
    log.info(`metrics from ${parsed.source} (${parsed.format})`)
    for (const note of parsed.notes) log.debug(`${checkpoint.name}: ${note}`)
  }
  log.endGroup()
  if (error) log.warning(`${checkpoint.name}: ${error}`, checkpoint.path)
  return { checkpoint, parsed, error, durationMs }
}

function failureOf(result: ShellResult, timeoutMs: number): string | undefined {
  if (result.spawnError) return `could not start the shell: ${result.spawnError}`
  if (result.timedOut) {
    return `timed out after ${formatSeconds(timeoutMs)} (eval-timeout); the command and every process it started were killed. Raise eval-timeout if the evaluation needs longer`
  }
  if (result.aborted) return 'cancelled'
  if (result.exitCode === 0) return undefined
  const how = result.exitCode !== null ? `exited with code ${result.exitCode}` : `was killed by ${result.exitSignal}`
  const lines = lastLines(result.stderr || result.output, STDERR_LINES_IN_ERROR)
  return lines ? `the command ${how}; last lines of its ${result.stderr ? 'stderr' : 'output'}:\n${lines}` : `the command ${how} and printed nothing`
}

/**
 * The metrics a command produced: {output} when it wrote it (a file, or a folder holding an
 * lm-eval / lighteval `results_*.json`), else the JSON object at the end of its stdout.
 */
export async function readCommandMetrics(input: { checkpoint: Checkpoint; stdout: string; outputPath: string }): Promise<ParsedMetrics> {
  const { checkpoint, stdout, outputPath } = input
  const written = await stat(outputPath).catch(() => null)
  if (written?.isFile() && written.size > 0) {
    return parseMetricsText(await readFile(outputPath, 'utf8'), outputPath, { step: checkpoint.step })
  }
  if (written?.isDirectory()) {
    const found = await newestResultsFile(outputPath)
    if (found) return parseMetricsText(await readFile(found, 'utf8'), found, { step: checkpoint.step })
    if (!stdout.trim()) {
      throw new MetricsFormatError(`the command created the folder {output} (${outputPath}) but no results_*.json in it, and printed nothing on stdout`)
    }
  }
  const source = `stdout of ${checkpoint.name}`
  const json = jsonAtEndOfOutput(stdout)
  if (json === null) {
    const last = stdout.trim().split(/\r?\n/).pop()?.trim() ?? ''
    const what = last ? `its last stdout line is not a JSON object: ${truncate(last, 200)}` : 'it printed nothing on stdout'
    throw new MetricsFormatError(
      `the command printed no metrics: ${what}. Print a JSON object such as {"accuracy": 0.81} as the last line, or write it to {output}`
    )
  }
  return parseMetricsText(json, source, { step: checkpoint.step })
}

/** The newest `results_*.json` under `dir` (lm-eval and lighteval name them by timestamp). */
export async function newestResultsFile(dir: string, maxDepth = 5): Promise<string | null> {
  const found: Array<{ file: string; mtimeMs: number }> = []
  const walk = async (current: string, depth: number): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory() && depth < maxDepth) await walk(full, depth + 1)
      else if (entry.isFile() && /^results_.*\.json$/.test(entry.name)) {
        const info = await stat(full).catch(() => null)
        if (info) found.push({ file: full, mtimeMs: info.mtimeMs })
      }
    }
  }
  await walk(dir, 0)
  found.sort((a, b) => compareNewest(a, b))
  return found[0]?.file ?? null
}

/** Newest first: by the timestamp in the name (what the tools sort by), then by mtime. */
export function compareNewest(a: { file: string; mtimeMs: number }, b: { file: string; mtimeMs: number }): number {
  const stamp = (file: string) => /(\d{4}-\d{2}-\d{2}T[\d.:-]+)/.exec(path.basename(file))?.[1] ?? ''
  const byStamp = stamp(b.file).localeCompare(stamp(a.file))
  return byStamp !== 0 ? byStamp : b.mtimeMs - a.mtimeMs
}

// ---- running one shell command --------------------------------------------------------------

export interface ShellCommand {
  shell: string
  command: string
  cwd: string
  env: NodeJS.ProcessEnv
  timeoutMs: number
  killGraceMs: number
  signal?: AbortSignal
}

export interface ShellResult {
  exitCode: number | null
  exitSignal: NodeJS.Signals | null
  timedOut: boolean
  aborted: boolean
  spawnError?: string
  /** The last STDOUT_TAIL_BYTES of stdout. */
  stdout: string
  stderr: string
  /** stdout and stderr as they arrived, last LOG_TAIL_BYTES. */
  output: string
  droppedBytes: number
}

/**
 * Runs `command` with `shell -c` in its own process group (detached) so that a timeout can kill
 * the shell AND everything it started: killing only the shell would leave e.g. a python child
 * running and holding the output pipes open.
 */
export function runShellCommand(run: ShellCommand): Promise<ShellResult> {
  return new Promise((resolve) => {
    const stdout = new TailBuffer(STDOUT_TAIL_BYTES)
    const stderr = new TailBuffer(STDERR_TAIL_BYTES)
    const output = new TailBuffer(LOG_TAIL_BYTES)
    let timedOut = false
    let aborted = false
    let exitCode: number | null = null
    let exitSignal: NodeJS.Signals | null = null
    let graceTimer: NodeJS.Timeout | undefined
    let settled = false

    const child = spawn(run.shell, ['-c', run.command], {
      cwd: run.cwd,
      env: run.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true
    })
    const finish = (spawnError?: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearTimeout(graceTimer)
      run.signal?.removeEventListener('abort', onAbort)
      resolve({
        exitCode,
        exitSignal,
        timedOut,
        aborted,
        spawnError,
        stdout: stdout.toString(),
        stderr: stderr.toString(),
        output: output.toString(),
        droppedBytes: output.dropped
      })
    }
    const stop = () => {
      if (child.pid === undefined) return
      killProcessGroup(child.pid, 'SIGTERM')
      graceTimer = setTimeout(() => child.pid !== undefined && killProcessGroup(child.pid, 'SIGKILL'), run.killGraceMs)
    }
    // setTimeout fires at once for delays past 2^31-1 ms (~24.8 days): clamp to "practically never".
    const timer = setTimeout(() => {
      timedOut = true
      stop()
    }, Math.min(run.timeoutMs, 2 ** 31 - 1))
    const onAbort = () => {
      aborted = true
      if (child.pid !== undefined) killProcessGroup(child.pid, 'SIGKILL')
    }
    if (run.signal?.aborted) onAbort()
    else run.signal?.addEventListener('abort', onAbort, { once: true })

    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk)
      output.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk)
      output.push(chunk)
    })
    child.on('error', (error) => finish(errorMessage(error)))
    child.on('exit', (code, signal) => {
      exitCode = code
      exitSignal = signal
      // Anything the command left running in its group would keep our pipes open (and keep
      // burning CPU): end it now. After a timeout the grace timer does that instead.
      if (!timedOut && child.pid !== undefined) killProcessGroup(child.pid, 'SIGKILL')
    })
    child.on('close', () => finish())
  })
}

/** Signals the whole process group led by `pid`; on Windows, taskkill /T does the tree. */
function killProcessGroup(pid: number, signal: NodeJS.Signals): void {
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => {})
    return
  }
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Keeps the last `max` bytes written to it, so a chatty command can't exhaust memory. */
export class TailBuffer {
  private chunks: Buffer[] = []
  private size = 0
  dropped = 0

  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.size > this.max) {
      const first = this.chunks[0]
      const excess = this.size - this.max
      if (first.length <= excess) {
        this.chunks.shift()
        this.size -= first.length
        this.dropped += first.length
      } else {
        this.chunks[0] = first.subarray(excess)
        this.size -= excess
        this.dropped += excess
      }
    }
  }

  toString(): string {
    return Buffer.concat(this.chunks).toString('utf8')
  }
}

// ---- shared by the command and results evaluators ---------------------------------------------

/**
 * Outcomes (in checkpoint order) -> the run: benchmarks are the union in first-seen order; an ok
 * checkpoint gets null for a benchmark it has no score for; a failed one has scores {}.
 */
export function assembleEvaluationRun(evaluator: EvaluatorInfo, outcomes: CheckpointOutcome[]): EvaluationRun {
  const benchmarks: Benchmark[] = []
  const seen = new Set<string>()
  for (const outcome of outcomes) {
    for (const benchmark of outcome.parsed?.benchmarks ?? []) {
      if (outcome.error || seen.has(benchmark.id)) continue
      seen.add(benchmark.id)
      benchmarks.push(benchmark)
    }
  }
  const results: CheckpointEvaluation[] = outcomes.map(({ checkpoint, parsed, error, durationMs }) => {
    if (error || !parsed) {
      return { checkpoint, status: 'failed', scores: {}, metrics: {}, error: error ?? 'no metrics', durationMs }
    }
    const scores: Record<string, number | null> = {}
    for (const benchmark of benchmarks) scores[benchmark.id] = parsed.scores[benchmark.id] ?? null
    return { checkpoint, status: 'ok', scores, metrics: { ...parsed.metrics }, durationMs }
  })
  return { evaluator, benchmarks, results }
}

/** Every checkpoint failed: nothing to rank, so stop with the first reason and a way to debug. */
export function throwIfAllFailed(outcomes: CheckpointOutcome[], evaluator: string, howToDebug: string): void {
  if (outcomes.length === 0 || outcomes.some((o) => !o.error)) return
  const first = outcomes[0]
  throw new Error(
    `evaluator '${evaluator}': all ${outcomes.length} checkpoint(s) failed. First failure, ${first.checkpoint.name} ` +
      `(${first.checkpoint.path}): ${first.error}\nTo debug: ${howToDebug}.`
  )
}


/**
 * Counts finished checkpoints for onProgress. Evaluators don't log progress themselves: the
 * entry point's listener does (throttled in the action's log, a live counter in a terminal).
 */
export function progressReporter(total: number, onProgress?: (done: number, total: number, label: string) => void) {
  let done = 0
  return (label: string) => {
    done++
    onProgress?.(done, total, label)
  }
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

function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(-count)
    .map((line) => `  ${truncate(line, 300)}`)
    .join('\n')
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

export function formatSeconds(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000}m` : `${(ms / 1000).toFixed(1)}s`
}
