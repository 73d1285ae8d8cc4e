// The commit itself, made at most once: a commit whose answer was lost may have been applied,
// so a failed one is retried only once the branch shows it did not land.

import type { CommitOutput } from '@huggingface/hub'
import { explainHubError, hubStep, messageOf, statusOf } from './error-messages.js'
import { holdsFiles, latestCommit } from './files.js'
import type { RepoAccess } from './files.js'
import type { PreparedFile } from './local-files.js'
import { backoffDelayMs, defaultSleep, formatDelay, networkErrorCode } from './transport.js'
import type { RetryEvent } from './transport.js'
import type { PublishOptions } from './types.js'
import { uploadLfsFiles } from './lfs.js'
import { lfsPaths, postCommit } from './upload.js'
import type { UploadRequest } from './upload.js'

export interface CommitRequest
  extends
    RepoAccess,
    Pick<
      PublishOptions,
      | 'createPr'
      | 'commitTitle'
      | 'commitDescription'
      | 'onProgress'
      | 'progressIntervalMs'
      | 'retry'
      | 'log'
      | 'signal'
      | 'idleTimeoutMs'
    > {
  branch: string
  files: PreparedFile[]
  /** Told of each retried storage PUT (API calls retry, and tell, in `fetch`). */
  onRetry?: (event: RetryEvent) => void
}

const RETRYABLE_COMMIT_STATUS = new Set([408, 412, 429, 500, 502, 503, 504])

/**
 * Commits, retrying a failed commit only once the branch shows it did not land: sending again a
 * commit that was applied would commit twice. Skips the commit when the branch already holds the files.
 */
export async function commitOnce(request: CommitRequest): Promise<CommitOutput> {
  const { hubUrl, repoId, branch, log } = request
  const maxAttempts = Math.max(1, request.retry?.maxAttempts ?? 5)
  const sleep = request.retry?.sleep ?? defaultSleep
  const where = `${repoId}@${branch}`
  const readHead = (): Promise<string | undefined> =>
    hubStep(`read the head of ${where}`, request, async () => (await latestCommit(request, branch))?.oid)
  const landed = (oid: string): CommitOutput => ({
    commit: { oid, url: `${hubUrl}/${repoId}/commit/${oid}` },
    hookOutput: ''
  })

  const parent = await readHead()
  // A re-run of a publish that succeeded must not add an identical commit (the Hub limits
  // commits per hour, and history should show real changes), as huggingface_hub skips them too.
  if (
    parent &&
    !request.createPr &&
    (await hubStep(`read the files of ${where}`, request, () => holdsFiles(request, parent, request.files)))
  ) {
    log.info(`${where} already holds exactly these files at ${parent}: nothing to commit`)
    return landed(parent)
  }

  for (let attempt = 1; ; attempt++) {
    let committing = false
    try {
      return await runCommit(request, parent, () => (committing = true))
    } catch (error) {
      const status = statusOf(error)
      const retryable =
        committing &&
        (networkErrorCode(error) !== null || (status !== undefined && RETRYABLE_COMMIT_STATUS.has(status)))
      if (!retryable || attempt >= maxAttempts) {
        throw new Error(`Could not commit to ${where} on ${hubUrl}: ${explainHubError(error, request)}`)
      }
      if (request.createPr) {
        // A pull request doesn't move the branch: there is nothing cheap to look at to know whether
        // it was opened, so don't risk opening two.
        throw new Error(
          `Opening a pull request on ${where} failed without a clear answer (${explainHubError(error, request)}). ` +
            `It may have been opened: look at ${hubUrl}/${repoId}/discussions before re-running.`
        )
      }
      const head = await readHead()
      if (head !== parent) {
        if (head && (await commitMatches(request, head))) {
          log.info(`The commit landed although its answer was lost (${messageOf(error)}); not committing again`)
          return landed(head)
        }
        throw new Error(
          `${where} moved to ${head} (another commit) while publishing, after a failed commit (${messageOf(error)}). ` +
            'Nothing was committed by this run; re-run it once the other writer is done.'
        )
      }
      const delayMs = backoffDelayMs(attempt, request.retry)
      log.info(
        `The commit to ${where} failed (${messageOf(error)}) and did not land; retry ${attempt} of ${maxAttempts - 1} in ${formatDelay(delayMs)}`
      )
      await sleep(delayMs)
    }
  }
}

/** Whether `sha` is this run's commit: same title, and every file there with the same bytes. */
async function commitMatches(request: CommitRequest, sha: string): Promise<boolean> {
  const head = await latestCommit(request, sha)
  if (!head || head.title !== request.commitTitle) return false
  return holdsFiles(request, sha, request.files)
}

/**
 * One pass: which files go to LFS, their upload (hashing file k+1 while file k is sent), and the
 * commit; `onCommitting` is called once the uploads are done. A pass after a failed one sends no
 * LFS byte the Hub already holds, and hashes nothing again.
 */
async function runCommit(
  request: CommitRequest,
  parentCommit: string | undefined,
  onCommitting: () => void
): Promise<CommitOutput> {
  const throttle = progressThrottle(request)
  const sizes = new Map(request.files.map((f) => [f.path, f.size]))
  const upload: UploadRequest = {
    ...request,
    onUploaded: (path, bytes) => throttle(path, bytes / (sizes.get(path) || 1))
  }
  const lfs = await lfsPaths(upload)
  const oids = await uploadLfsFiles(
    upload,
    request.files.filter((f) => lfs.has(f.path))
  )
  onCommitting()
  const output = await postCommit(
    upload,
    { title: request.commitTitle, description: request.commitDescription, parentCommit },
    oids
  )
  if (!output.commit.oid) throw new Error('the Hub answered the commit without a commit id')
  for (const file of request.files) throttle(file.path, 1)
  return output
}

/** onProgress at most once per interval and file, and always once when a file is done. */
function progressThrottle(request: CommitRequest): (path: string, progress: number) => void {
  const interval = request.progressIntervalMs ?? 1000
  const sizes = new Map(request.files.map((f) => [f.path, f.size]))
  const last = new Map<string, number>()
  const done = new Set<string>()
  return (path, progress) => {
    if (!request.onProgress || done.has(path)) return
    const now = Date.now()
    if (progress < 1 && now - (last.get(path) ?? -Infinity) < interval) return
    last.set(path, now)
    if (progress >= 1) done.add(path)
    const totalBytes = sizes.get(path) ?? 0
    request.onProgress({ path, totalBytes, uploadedBytes: Math.min(totalBytes, Math.round(progress * totalBytes)) })
  }
}
