// Files on disk that may be uploaded, found with the shared walker. Publish adds what only it
// needs: folders skipped with a reason, and symlinks followed only to files inside a boundary.
// Files are only lstat'ed (weights can be hundreds of GB).
import { lstat, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { isInside, toPosix } from '../util/paths.js'
import { walk } from '../util/walk.js'

export interface FoundFile {
  /** Posix path relative to the walk's `relativeTo`. */
  rel: string
  abs: string
  size: number
}

/** Notes a local path that is left out and why (a folder's path ends in path.sep). */
export type NoteExcluded = (abs: string, reason: string) => void

export interface FindFilesOptions {
  /** Where the walk starts (absolute). */
  root: string
  /** What `rel` paths are relative to (default: root); root is inside it. */
  relativeTo?: string
  /** Real path of the boundary that symlinks must stay inside. */
  boundary: string
  /** Called for a folder before descending; a reason skips it (reported once), '' skips it silently. */
  skipFolder: (rel: string) => string | undefined
  excluded: NoteExcluded
  /** Only files whose rel passes are reported (the rest are silently not wanted). */
  wanted?: (rel: string) => boolean
}

/** Every file under root; symlinks followed only to files inside the boundary. */
export async function findFiles(options: FindFilesOptions): Promise<FoundFile[]> {
  const prefix = options.relativeTo ? toPosix(path.relative(options.relativeTo, options.root)) : ''
  const relOf = (rel: string): string => (prefix ? `${prefix}/${rel}` : rel)
  const { wanted } = options
  const enter = async (folder: { abs: string; rel: string }): Promise<boolean> => {
    const reason = options.skipFolder(relOf(folder.rel))
    if (reason === undefined) return true
    if (reason !== '' && (!wanted || (await anyWanted(folder.abs, (rel) => wanted(relOf(`${folder.rel}/${rel}`)))))) {
      options.excluded(folder.abs + path.sep, reason)
    }
    return false
  }
  const out: FoundFile[] = []
  for await (const entry of walk(options.root, { enter, unreadable: 'throw' })) {
    const rel = relOf(entry.rel)
    if (wanted && !wanted(rel)) continue
    const file = await regularFile(entry.abs, options)
    if (file) out.push({ rel, abs: entry.abs, size: file.size })
  }
  return out
}

/** Whether a skipped folder holds anything the globs asked for (so that skipping it is worth saying). */
async function anyWanted(dir: string, wanted: (rel: string) => boolean): Promise<boolean> {
  for await (const entry of walk(dir, { unreadable: 'throw' })) if (wanted(entry.rel)) return true
  return false
}

/** lstat, following a symlink only when it resolves to a file inside the boundary. */
export async function regularFile(
  abs: string,
  options: Pick<FindFilesOptions, 'boundary' | 'excluded'>
): Promise<{ size: number } | undefined> {
  const info = await lstat(abs)
  if (info.isFile()) return { size: info.size }
  if (!info.isSymbolicLink()) {
    options.excluded(abs, 'not a regular file')
    return undefined
  }
  const target = await realpath(abs).catch(() => undefined)
  if (!target) {
    options.excluded(abs, 'a broken symlink')
    return undefined
  }
  if (!isInside(options.boundary, target)) {
    options.excluded(
      abs,
      `a symlink to ${target}, outside ${options.boundary}; symlinks are not followed out of the folder`
    )
    return undefined
  }
  const targetInfo = await stat(target)
  if (!targetInfo.isFile()) {
    options.excluded(abs, 'a symlink to a folder; folders are not followed through symlinks')
    return undefined
  }
  return { size: targetInfo.size }
}
