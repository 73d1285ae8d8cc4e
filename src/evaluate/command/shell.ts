// Owning one child process and everything it starts: runs a command in a POSIX shell in its own
// process group, with a cookie in its environment (processes.ts) so that descendants which left
// the group (`setsid`) are found too. The command is done when the shell has exited and its
// output is read; whatever it left running is killed then, and the result says what was killed.
// A timeout or an abort kills the whole tree (SIGTERM, then SIGKILL after a grace period).
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { errorMessage } from '../../util/errors.js'
import { findCommandProcesses, PROCESS_COOKIE_VAR, signalGroup, signalProcess, type FoundProcess } from './processes.js'

const LOG_TAIL_BYTES = 64 * 1024
/**
 * How much of a command's stdout is kept for reading the JSON object at its end (README,
 * Troubleshooting): enough for an lm-eval results document; older output is dropped as it comes,
 * so a command printing gigabytes costs no more memory than this.
 */
export const STDOUT_TAIL_BYTES = 16 * 1024 * 1024
const STDERR_TAIL_BYTES = 16 * 1024
/** After the last process is killed, how long its output pipes may take to close. */
const PIPE_CLOSE_MS = 1000
/** Kill rounds: a process may fork while its siblings are being killed. */
const KILL_ROUNDS = 5

export interface ShellCommand {
  shell: string
  command: string
  cwd: string
  env: NodeJS.ProcessEnv
  timeoutMs: number
  killGraceMs: number
  signal?: AbortSignal
  /** The last bytes of stdout kept; default STDOUT_TAIL_BYTES (tests set it smaller). */
  stdoutTailBytes?: number
}

export interface ShellResult {
  exitCode: number | null
  exitSignal: NodeJS.Signals | null
  timedOut: boolean
  aborted: boolean
  spawnError?: string
  /** The last STDOUT_TAIL_BYTES (or stdoutTailBytes) of stdout. */
  stdout: string
  /** Bytes of stdout printed before what `stdout` holds, and not kept. */
  stdoutDroppedBytes: number
  stderr: string
  /** stdout and stderr as they arrived, last LOG_TAIL_BYTES. */
  output: string
  droppedBytes: number
  /** Processes the command (or its timeout/abort) left running, which were killed. */
  killed: FoundProcess[]
}

/** A running command, as the process-wide registry knows it (for SIGTERM handling). */
interface RunningCommand {
  cookie: string
  pid: number | undefined
}

const running = new Set<RunningCommand>()

/** Signals every process of a command; returns those that were signalled. */
function signalAll(cmd: RunningCommand, signal: NodeJS.Signals): FoundProcess[] {
  const found = findCommandProcesses(cmd.cookie, cmd.pid)
  if (cmd.pid !== undefined) {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(cmd.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on(
        'error',
        () => {}
      )
    } else signalGroup(cmd.pid, signal)
  }
  return found.filter((p) => signalProcess(p.pid, signal))
}

/** SIGKILLs every process of a command until none is found (a process may fork meanwhile). */
function killAll(cmd: RunningCommand): FoundProcess[] {
  const killed = new Map<number, FoundProcess>()
  for (let round = 0; round < KILL_ROUNDS; round++) {
    const hit = signalAll(cmd, 'SIGKILL')
    for (const p of hit) if (!killed.has(p.pid)) killed.set(p.pid, p)
    if (hit.length === 0) break
  }
  return [...killed.values()]
}

/**
 * Kills every process of every running command, at once (synchronously: safe in a signal
 * handler just before exiting). Returns what was killed.
 */
export function killAllRunningCommands(): FoundProcess[] {
  return [...running].flatMap(killAll)
}

/**
 * Runs `command` with `shell -c` in its own process group (detached), so that it and everything
 * it started can be found and killed: killing only the shell would leave e.g. a python child
 * running and holding the output pipes open.
 */
export function runShellCommand(run: ShellCommand): Promise<ShellResult> {
  return new Promise((resolve) => {
    const stdout = new TailBuffer(run.stdoutTailBytes ?? STDOUT_TAIL_BYTES)
    const stderr = new TailBuffer(STDERR_TAIL_BYTES)
    const output = new TailBuffer(LOG_TAIL_BYTES)
    let timedOut = false
    let aborted = false
    let exited = false
    let exitCode: number | null = null
    let exitSignal: NodeJS.Signals | null = null
    let graceTimer: NodeJS.Timeout | undefined
    let closeTimer: NodeJS.Timeout | undefined
    let settled = false
    const killed = new Map<number, FoundProcess>()
    const cookie = randomUUID()

    const child = spawn(run.shell, ['-c', run.command], {
      cwd: run.cwd,
      env: { ...run.env, [PROCESS_COOKIE_VAR]: cookie },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true
    })
    const me: RunningCommand = { cookie, pid: child.pid }
    running.add(me)
    const note = (list: FoundProcess[]) => {
      for (const p of list) if (p.pid !== child.pid && !killed.has(p.pid)) killed.set(p.pid, p)
    }
    const finish = (spawnError?: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearTimeout(graceTimer)
      clearTimeout(closeTimer)
      run.signal?.removeEventListener('abort', onAbort)
      // Nothing of this command may outlive it, whatever ended it.
      note(killAll(me))
      running.delete(me)
      resolve({
        exitCode,
        exitSignal,
        timedOut,
        aborted,
        spawnError,
        stdout: stdout.toString(),
        stdoutDroppedBytes: stdout.dropped,
        stderr: stderr.toString(),
        output: output.toString(),
        droppedBytes: output.dropped,
        killed: [...killed.values()]
      })
    }
    /** Once every process is gone the pipes close; one that can't be found must not hold us. */
    const awaitPipes = () => {
      clearTimeout(closeTimer)
      closeTimer = setTimeout(() => {
        child.stdout.destroy()
        child.stderr.destroy()
        finish()
      }, PIPE_CLOSE_MS)
    }
    const stop = () => {
      note(signalAll(me, 'SIGTERM'))
      graceTimer = setTimeout(() => {
        note(killAll(me))
        if (exited) awaitPipes()
      }, run.killGraceMs)
    }
    // setTimeout fires at once for delays past 2^31-1 ms (~24.8 days): clamp to "practically never".
    const timer = setTimeout(
      () => {
        timedOut = true
        stop()
      },
      Math.min(run.timeoutMs, 2 ** 31 - 1)
    )
    const onAbort = () => {
      aborted = true
      clearTimeout(graceTimer)
      note(killAll(me))
      if (exited) awaitPipes()
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
      exited = true
      exitCode = code
      exitSignal = signal
      clearTimeout(timer)
      // Anything the command left running would keep our pipes open (and keep burning CPU or
      // holding GPUs): end it now. During a timeout's grace period the grace timer does that.
      if (!timedOut || graceTimer === undefined) note(killAll(me))
      if (!timedOut) awaitPipes()
    })
    child.on('close', () => finish())
  })
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
