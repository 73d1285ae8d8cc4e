// The content check of the upload: no file goes up that holds a secret this run knows (the
// hf-token, the CLI's token, the GitHub tokens) in any of the forms it travels in (raw,
// JSON-escaped, URL-encoded, base64). Files are streamed in chunks with an overlap as long as the
// longest form, so memory stays bounded whatever their size.
import { createReadStream } from 'node:fs'
import type { PlannedFile } from '../domain/publication.js'
import { mapLimit } from '../util/map-limit.js'
import { shownPath } from '../util/paths.js'
import { encodedForms, heldSecrets } from '../util/redact.js'
import { UploadPlanError } from './errors.js'

const CHUNK_BYTES = 1024 * 1024
/** Files read at once: enough to keep a disk busy. */
const PARALLEL_READS = 4

/** Whether `file` contains any of `needles`, read in CHUNK_BYTES chunks. */
export async function fileContainsAny(file: string, needles: Buffer[]): Promise<boolean> {
  if (needles.length === 0) return false
  const overlap = Math.max(...needles.map((n) => n.length)) - 1
  let tail = Buffer.alloc(0)
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    const window = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk
    if (needles.some((n) => window.includes(n))) return true
    tail = overlap > 0 ? Buffer.from(window.subarray(Math.max(0, window.length - overlap))) : Buffer.alloc(0)
  }
  return false
}

/** Throws (nothing is sent) when a planned file holds a secret the run knows, naming each such file. */
export async function assertNoHeldSecrets(
  files: PlannedFile[],
  workspace: string,
  secrets = heldSecrets()
): Promise<void> {
  if (secrets.length === 0) return
  const needles = [...new Set(secrets.flatMap(encodedForms))].filter((n) => n.length >= 4).map((n) => Buffer.from(n))
  const holding = await mapLimit(files, PARALLEL_READS, undefined, async (file) => {
    const found =
      file.content !== undefined
        ? needles.some((n) => Buffer.from(file.content!).includes(n))
        : file.localPath !== undefined && (await fileContainsAny(file.localPath, needles))
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
