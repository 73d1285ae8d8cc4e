// The content check of the upload: no file goes up that holds a secret this run knows (the
// hf-token, the CLI's token, the GitHub tokens) in any of the forms it travels in (raw,
// JSON-escaped, URL-encoded, base64). Each file is read once in 1 MiB reads, hashed and searched
// for every form at once (util/file-pass.ts, util/needle-search.ts), so memory stays bounded
// whatever the size and the upload reuses the hash.
import type { PlannedFile } from '../domain/publication.js'
import { scanFile } from '../util/file-pass.js'
import { needleSearch } from '../util/needle-search.js'
import type { NeedleSearch } from '../util/needle-search.js'
import { mapLimit } from '../util/map-limit.js'
import { shownPath } from '../util/paths.js'
import type { ProgressListener } from '../util/progress.js'
import { encodedForms, heldSecrets } from '../util/redact.js'
import { UploadPlanError } from './errors.js'

/** Files read at once: one is hashed while the other's next read is in flight. */
const PARALLEL_READS = 2

/**
 * Whether `file` contains any of `needles`: one read, which also hashes the file, so the upload that follows sends that sha256 without reading it again.
 */
export async function fileContainsAny(
  file: string,
  needles: Buffer[] | NeedleSearch,
  onRead?: (bytes: number) => void
): Promise<boolean> {
  if (Array.isArray(needles) && needles.length === 0) return false
  return (await scanFile(file, needles, onRead)).found
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
  let checked = 0
  const holding = await mapLimit(files, PARALLEL_READS, undefined, async (file) => {
    const found =
      file.content !== undefined
        ? needles.some((n) => Buffer.from(file.content!).includes(n))
        : file.localPath !== undefined &&
          (await fileContainsAny(file.localPath, search, (bytes) => {
            checked += bytes
            onProgress?.(Math.min(checked, total), total, file.pathInRepo)
          }))
    return found ? file : undefined
  })
  const problems = holding
    .filter((f): f is PlannedFile => f !== undefined)
    .map(
      (f) =>
        `${f.localPath ? shownPath(workspace, f.localPath) : 'the model card'} (as ${f.pathInRepo}) contains a token this run holds (hf-token or another secret). ` +
        'Remove the token from the file (and revoke it if it was ever shared), or leave the file out with exclude.'
    )
  if (problems.length > 0) throw new UploadPlanError(problems)
}
