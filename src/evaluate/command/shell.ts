// Owning one child process: runs a command in a POSIX shell in its own process group, keeps the
// tail of its output, and on a timeout or abort kills the shell and everything it started
// (SIGTERM, then SIGKILL after a grace period).
import { spawn } from 'node:child_process'
import { errorMessage } from '../../util/errors.js'

const LOG_TAIL_BYTES = 64 * 1024
// Enough for an lm-eval results document printed to stdout; older output is dropped.
const STDOUT_TAIL_BYTES = 4 * 1024 * 1024
const STDERR_TAIL_BYTES = 16 * 1024

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
    const timer = setTimeout(
      () => {
        timedOut = true
        stop()
      },
      Math.min(run.timeoutMs, 2 ** 31 - 1)
    )
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
export function killProcessGroup(pid: number, signal: NodeJS.Signals): void {
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
