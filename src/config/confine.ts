// Path inputs stay where the job's files are: the workspace, or the runner's temp folder. A path
// is judged after resolving symlinks (of its nearest existing folder, for one not made yet), so
// `model-card: ../../etc/passwd` or a symlink to /etc can't publish the runner's files.
import { realpathSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../util/errors.js'
import type { InputName } from './inputs.js'

/** Kernel file systems: writing there can hang or do harm, and is never what a user meant. */
const KERNEL_FS = ['/proc', '/sys', '/dev']

/** The real path of `p`: symlinks resolved as far as the path exists, the rest appended. */
export function realPathOf(p: string): string {
  const rest: string[] = []
  for (let current = path.resolve(p); ; current = path.dirname(current)) {
    try {
      return path.join(realpathSync(current), ...rest.reverse())
    } catch {
      if (path.dirname(current) === current) return path.resolve(p)
      rest.push(path.basename(current))
    }
  }
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

export interface Confinement {
  /** Folders path inputs must stay inside (the action: the workspace and RUNNER_TEMP). */
  roots: string[]
  /** Also allowed for output-dir, which is only written: the system temp folder. */
  writableRoots?: string[]
  /** Inputs the user gave explicitly (CLI flags), which are not confined. */
  exempt?: (name: InputName) => boolean
}

export function assertConfined(
  name: InputName,
  value: string,
  confine: Confinement | undefined,
  options: { kernelFs?: boolean; given?: string; writable?: boolean } = {}
): void {
  const real = realPathOf(value)
  const shown = options.given ?? value
  if (options.kernelFs && process.platform !== 'win32' && KERNEL_FS.some((k) => inside(k, real))) {
    throw new InputError(
      name,
      `'${shown}' is inside ${real.split(path.sep).slice(0, 2).join(path.sep)}, a kernel file system; choose a folder in the workspace.`
    )
  }
  if (!confine || confine.exempt?.(name)) return
  const roots = [...confine.roots, ...(options.writable ? (confine.writableRoots ?? []) : [])]
    .filter(Boolean)
    .map(realPathOf)
  if (roots.some((root) => inside(root, real))) return
  const via = real !== path.resolve(value) ? ` (it resolves to ${real} through a symlink)` : ''
  throw new InputError(
    name,
    `'${shown}' is outside the workspace${roots.length > 1 ? ` and the ${options.writable ? 'temp folders' : 'runner temp folder'}` : ''}${via}. ` +
      `Paths must stay inside ${roots.join(' or ')}: give a path relative to the workspace.`
  )
}
