// The content check of the upload: no file goes up that holds a secret this run knows (the
// hf-token, the CLI's token, the GitHub tokens) in any of the forms it travels in (raw,
// JSON-escaped, URL-encoded, base64). Each file is read once in 1 MiB reads, hashed and searched
// for every form at once (util/file-pass.ts, util/needle-search.ts), so memory stays bounded
// whatever the size and the upload reuses the hash. With several large files (a sharded
// checkpoint), threads hash some of them while this one hashes another (util/read-thread.ts).
import { availableParallelism } from 'node:os'
import type { PlannedFile } from '../domain/publication.js'
import { scanFile } from '../util/file-pass.js'
import type { ScanOptions } from '../util/file-pass.js'
import { needleSearch } from '../util/needle-search.js'
import type { NeedleSearch } from '../util/needle-search.js'
import { mapLimit } from '../util/map-limit.js'
import { shownPath } from '../util/paths.js'
import type { ProgressListener } from '../util/progress.js'
import { encodedForms, heldSecrets } from '../util/redact.js'
import { UploadPlanError } from './errors.js'

/** Files read at once on this thread: one is hashed while the other's next read is in flight. */
const PARALLEL_READS = 2
/** From this size a file is worth a thread of its own (util/read-thread.ts). */
export const THREAD_MIN_BYTES = 64 * 1024 * 1024
/** Threads at most, whatever the cores: each costs ~12 MiB of RSS. */
const MAX_THREADS = 3

/**
 * Threads that hash large files beside this one: one per core but this one's, one per large
 * file but one (this thread takes a file too), three at most. None for a single large file: its
 * hash can't be shared, and a thread costs memory and ~0.1 s to start.
 */
export function readThreadsFor(files: PlannedFile[], cores = availableParallelism()): number {
  const large = files.filter((f) => f.localPath !== undefined && f.size >= THREAD_MIN_BYTES).length
  return Math.max(0, Math.min(large - 1, cores - 1, MAX_THREADS))
}

/**
 * Whether `file` contains any of `needles`: one read, which also hashes the file, so the upload
 * that follows sends that sha256 without reading it again.
 */
export async function fileContainsAny(
  file: string,
  needles: Buffer[] | NeedleSearch,
  options?: ScanOptions
): Promise<boolean> {
  if (Array.isArray(needles) && needles.length === 0) return false
  return (await scanFile(file, needles, options)).found
}

/** The bytes the check reads: every planned file on disk (the card is text in hand). */
export function bytesToCheck(files: PlannedFile[]): number {
  return files.reduce((sum, f) => sum + (f.localPath !== undefined ? f.size : 0), 0)
}

/**
 * Throws (nothing is sent) when a planned file holds a secret the run knows, naming each such
 * file. `onProgress` hears the bytes checked so far, of all files, and the file being read.
 */
export async function assertNoHeldSecrets(
  files: PlannedFile[],
  workspace: string,
  secrets = heldSecrets(),
  onProgress?: ProgressListener
): Promise<void> {
  if (secrets.length === 0) return
  const needles = [...new Set(secrets.flatMap(encodedForms))].filter((n) => n.length >= 4).map((n) => Buffer.from(n))
  // One search for every file: its table is built once.
  const search = needleSearch(needles)
  const total = bytesToCheck(files)
  const threads = await startReadThreads(readThreadsFor(files))
  const free = [...threads]
  let checked = 0
  const holding = await mapLimit(files, PARALLEL_READS + threads.length, undefined, async (file) => {
    const thread = file.size >= THREAD_MIN_BYTES ? free.pop() : undefined
    try {
      const found =
        file.content !== undefined
          ? needles.some((n) => Buffer.from(file.content!).includes(n))
          : file.localPath !== undefined &&
            (await fileContainsAny(file.localPath, search, {
              thread,
              onRead: (bytes) => {
                checked += bytes
                onProgress?.(Math.min(checked, total), total, file.pathInRepo)
              }
            }))
      return found ? file : undefined
    } finally {
      if (thread) free.push(thread)
    }
  }).finally(() => Promise.all(threads.map((t) => t.close())))
  const problems = holding
    .filter((f): f is PlannedFile => f !== undefined)
    .map(
      (f) =>
        `${f.localPath ? shownPath(workspace, f.localPath) : 'the model card'} (as ${f.pathInRepo}) contains a token this run holds (hf-token or another secret). ` +
        'Remove the token from the file (and revoke it if it was ever shared), or leave the file out with exclude.'
    )
  if (problems.length > 0) throw new UploadPlanError(problems)
}

/** `count` threads; their module is loaded only when a check has large files to share out. */
async function startReadThreads(count: number) {
  if (count === 0) return []
  const { startReadThread } = await import('../util/read-thread.js')
  return Array.from({ length: count }, () => startReadThread())
}
