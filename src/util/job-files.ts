// Writing the job's own files (scores, summary, outputs): a failure names the file, what it is
// for, and the cause in words, instead of a bare `EISDIR: illegal operation on a directory`.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from './errors.js'

const CAUSES: Record<string, string> = {
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'its folder does not exist',
  ENAMETOOLONG: 'the path is too long'
}

/** `path: cause (CODE)`, for an error of the file system. */
export function describeFileError(file: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  const cause = typeof code === 'string' && CAUSES[code]
  return cause ? `${file}: ${cause} (${code})` : `${file}: ${errorMessage(error)}`
}

export class JobFileError extends Error {
  constructor(
    readonly what: string,
    readonly file: string,
    cause: unknown
  ) {
    super(`Could not write ${what} to ${describeFileError(file, cause)}`)
    this.name = 'JobFileError'
  }
}

/** Writes (creating its folder) or throws a JobFileError naming `what` it is. */
export async function writeJobFile(what: string, file: string, content: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  } catch (error) {
    throw new JobFileError(what, file, error)
  }
}
