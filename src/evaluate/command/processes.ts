// Finding every process an evaluation command started, even ones that left its process group
// (`setsid`, daemons) or were re-parented after their parent exited. Each command runs with a
// unique cookie in its environment, which its descendants inherit (the way Jenkins finds a
// build's processes); on Linux /proc is scanned for it, and for the command's process group and
// children of found processes. Elsewhere only the process group is known.
import { readdirSync, readFileSync } from 'node:fs'

/** The environment variable that carries a command's cookie to everything it starts. */
export const PROCESS_COOKIE_VAR = 'CHECKPOINT_EVAL_PROCESS_COOKIE'

export interface FoundProcess {
  pid: number
  /** Its command line, for the message that says what was killed. */
  command: string
}

interface ProcInfo {
  pid: number
  ppid: number
  pgid: number
  zombie: boolean
}

const hasProc = process.platform === 'linux'

function readStat(pid: number): ProcInfo | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // `pid (comm) state ppid pgrp ...`; comm may hold spaces and parentheses.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { pid, ppid: Number(rest[1]), pgid: Number(rest[2]), zombie: rest[0] === 'Z' }
  } catch {
    return undefined
  }
}

function commandLine(pid: number): string {
  try {
    const text = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ')
    return text.length > 120 ? `${text.slice(0, 120)}…` : text
  } catch {
    return '?'
  }
}

/** Whether the process's environment holds `marker` (`\0NAME=cookie\0`), also as its first variable. */
function hasCookie(pid: number, marker: Buffer): boolean {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`)
    return environ.includes(marker) || environ.subarray(0, marker.length - 1).equals(marker.subarray(1))
  } catch {
    return false
  }
}

/**
 * Live processes of one command: those carrying its cookie, those in the process group led by
 * `groupId`, and their children. Never this process. Synchronous, so a signal handler can use it.
 */
export function findCommandProcesses(cookie: string, groupId: number | undefined): FoundProcess[] {
  if (!hasProc) return []
  const marker = Buffer.from(`\0${PROCESS_COOKIE_VAR}=${cookie}\0`)
  let pids: number[]
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
  } catch {
    return []
  }
  const infos = pids.map(readStat).filter((p): p is ProcInfo => p !== undefined && !p.zombie && p.pid !== process.pid)
  const found = new Set<number>()
  for (const p of infos) {
    if ((groupId !== undefined && p.pgid === groupId) || hasCookie(p.pid, marker)) found.add(p.pid)
  }
  // Children of found processes, to any depth (a child that cleared its environment).
  for (let grew = true; grew;) {
    grew = false
    for (const p of infos) {
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid)
        grew = true
      }
    }
  }
  return [...found].map((pid) => ({ pid, command: commandLine(pid) }))
}

/** Signals one process; false when it is already gone (or not ours). */
export function signalProcess(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal)
    return true
  } catch {
    return false
  }
}

/** Signals the whole process group led by `pid`. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: the group is already gone.
  }
}
