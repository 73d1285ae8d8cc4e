// The data publishToHub takes and returns, apart from the code, so that the lazy entry
// (index.ts) and the modules of the commit flow share them without importing each other.

import type { Logger } from '../util/log.js'
import type { RetryOptions } from './transport.js'

export interface PublishFile {
  /** Posix path inside the repo, e.g. `model.safetensors`, `eval/results.json`. */
  pathInRepo: string
  /** A file on disk (read lazily, never held in memory whole). */
  localPath?: string
  /** Or the content itself. */
  content?: string | Uint8Array
}

export interface PublishProgress {
  path: string
  uploadedBytes: number
  totalBytes: number
}

export interface PublishOptions {
  /** Without a trailing slash (config strips it). */
  hubUrl: string
  accessToken: string
  /** `namespace/name`. */
  repoId: string
  /** Visibility when the repo is created; an existing repo keeps its own. */
  private: boolean
  /** Branch to commit to; created from main when missing. @default "main" */
  revision?: string
  /** Open a pull request instead of committing to the branch. */
  createPr: boolean
  commitTitle: string
  commitDescription?: string
  files: PublishFile[]
  /** A tag to put on the new commit (skipped for a pull request). */
  hubTag?: string
  /** Upload progress of LFS files; throttled here (see progressIntervalMs), the last call of each file always made. */
  onProgress?: (progress: PublishProgress) => void
  /** @default 1000 */
  progressIntervalMs?: number
  log: Logger
  /** Retries of each HTTP request, and of the commit as a whole. */
  retry?: RetryOptions
  /** The fetch under the retrying transport (tests, proxies). */
  fetch?: typeof fetch
  /** Aborts every request, storage PUTs included: the publish deadline, a cancelled job. */
  signal?: AbortSignal
  /** A storage PUT that moves no byte this long fails (hub-timeout). @default 120000 */
  idleTimeoutMs?: number
}

// The commit publishToHub made is the domain's record of a publication: stages pass it on as is.
export type { PublishResult } from '../domain/publication.js'
