import type { FileHashes } from './file-hashes.js'
import type { ResultStore } from './store.js'

/** An open results cache: entries are read and written through `store`; close() saves what must be saved. */
export interface ResultsCache {
  store: ResultStore
  /** Hashes of files unchanged on disk since an earlier run (cache-dir only: a fresh runner has none). */
  fileHashes?: FileHashes
  /** For the log, e.g. `cache-dir .eval-cache` or `the GitHub Actions cache`. */
  where: string
  /** After evaluation; never throws (a cache that can't be saved is a warning). */
  close(): Promise<void>
}
